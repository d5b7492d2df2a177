/**
 * Use cases of residents' feedback: record it (at a citizens' hearing or by an officer), answer or forward it, and
 * count it. The optional name and phone are kept encrypted, only with the purpose stated; reading them is a
 * sensitive read written to the audit trail, and they never enter lists, exports, searches or the trail itself.
 */
import type { ListResult } from '../../../contracts/common.js';
import type {
  AnswerFeedbackBody,
  CreateFeedbackBody,
  FeedbackDetail,
  FeedbackItem,
  FeedbackListQuery,
  ForwardFeedbackBody,
  UpdateFeedbackBody,
} from '../../../contracts/feedback.js';
import type { PeriodSummaryQuery, SummaryResponse } from '../../../contracts/registry.js';
import { formatDateVi, todayInVietnam } from '../../../domain/dates.js';
import { invalid, notFound } from '../../../domain/errors.js';
import {
  CONTACT_PURPOSE_LABELS,
  type ContactPurpose,
  FEEDBACK_CHANNEL_LABELS,
  FEEDBACK_STATUS_LABELS,
  type FeedbackChannel,
  type FeedbackStatus,
} from '../../../domain/feedback.js';
import { FEEDBACK_SUMMARY_INDICATORS } from '../../../domain/indicators.js';
import { hasPermission } from '../../../domain/roles.js';
import { normalizeForSearch } from '../../../domain/text.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { inTransaction } from '../../db/transaction.js';
import type { FieldCipher } from '../../lib/crypto.js';
import type { FileService } from '../../lib/files/file-service.js';
import { checkPage, checkRange, paging, searchTerm, unitFilterScope } from '../../registry/list.js';
import { existedOn, loadUnitsInScope, toRecordUnit } from '../../registry/units.js';
import { rollup } from '../../reporting/rollup.js';
import { findActivity } from '../activities/activities.service.js';
import {
  attachmentsOf,
  discardFiles,
  moveAttachments,
  removeAttachmentsOf,
} from '../attachments/attachments.service.js';
import { listEntityHistory, recordAudit, recordSensitiveRead } from '../audit/audit.service.js';
import { cleanPhone, cleanText } from '../teams/teams.service.js';
import * as repo from './feedback.repo.js';

const feedbackNotFound = () => notFound('feedback.not_found', 'Không tìm thấy ý kiến phản ánh');

export function toFeedbackItem(row: repo.FeedbackListRow): FeedbackItem {
  return {
    ...row,
    unit: toRecordUnit(row.unit),
    channel: row.channel as FeedbackChannel,
    channelLabel: FEEDBACK_CHANNEL_LABELS[row.channel as FeedbackChannel],
    status: row.status as FeedbackStatus,
    statusLabel: FEEDBACK_STATUS_LABELS[row.status as FeedbackStatus],
    contactPurpose: row.contactPurpose as ContactPurpose | null,
  };
}

export async function feedbackFilter(
  db: Database,
  actor: Actor,
  query: Omit<FeedbackListQuery, 'page' | 'pageSize'>,
): Promise<repo.FeedbackFilter> {
  checkRange(query.from, query.to);
  return {
    scope: actor.scope,
    unitScope: await unitFilterScope(db, actor.scope, query.unit),
    statuses: query.status,
    channel: query.channel,
    activityId: query.activity,
    from: query.from,
    to: query.to,
    receivedBy: query.asOf,
    search: searchTerm(query.q),
  };
}

export async function listFeedback(
  db: Database,
  actor: Actor,
  query: FeedbackListQuery,
): Promise<ListResult<FeedbackItem>> {
  const paged = paging(query);
  const { rows, total } = await repo.listFeedback(db, await feedbackFilter(db, actor, query), {
    sort: query.sort,
    limit: paged.limit,
    offset: paged.offset,
    today: todayInVietnam(),
  });
  checkPage(paged, total);
  return { items: rows.map(toFeedbackItem), total, page: paged.page, pageSize: paged.pageSize };
}

export async function findFeedback(db: Database, scope: Scope, id: number) {
  return repo.findFeedbackInScope(db, scope, id);
}

/** The contact is shown only to those who may record feedback, and each showing is audited. */
export async function getFeedback(
  db: Database,
  cipher: FieldCipher,
  actor: Actor,
  id: number,
): Promise<FeedbackDetail> {
  return inTransaction(db, async (tx) => {
    const record = await repo.findFeedbackInScope(tx, actor.scope, id);
    if (!record) throw feedbackNotFound();
    const hasContact = record.contactNameEncrypted !== null || record.contactPhoneEncrypted !== null;
    let contact: FeedbackDetail['contact'] = null;
    if (hasContact && hasPermission(actor.role, 'feedback.write')) {
      contact = {
        name: record.contactNameEncrypted ? cipher.decrypt(record.contactNameEncrypted) : null,
        phone: record.contactPhoneEncrypted ? cipher.decrypt(record.contactPhoneEncrypted) : null,
        purposeLabel: CONTACT_PURPOSE_LABELS[record.contactPurpose as ContactPurpose],
      };
      await recordSensitiveRead(tx, actor, {
        entityType: 'feedback',
        entityId: id,
        unitId: record.unitId,
        provinceCode: record.provinceCode,
        purpose: 'contact',
      });
    }
    return feedbackDetail(tx, id, contact);
  });
}

async function feedbackDetail(
  db: Database,
  id: number,
  contact: FeedbackDetail['contact'],
): Promise<FeedbackDetail> {
  const [row, attachments, history] = await Promise.all([
    repo.findFeedbackRow(db, id, todayInVietnam()),
    attachmentsOf(db, 'feedback', id),
    listEntityHistory(db, 'feedback', id),
  ]);
  return { ...toFeedbackItem(row!), contact, attachments, history };
}

function sealContact(cipher: FieldCipher | undefined, contact: CreateFeedbackBody['contact']) {
  if (!contact) return { contactNameEncrypted: null, contactPhoneEncrypted: null, contactPurpose: null };
  // Callers without the installation key (the demo seed) never pass a contact.
  if (!cipher) throw new Error('feedback contact without a cipher');
  const name = cleanText(contact.name);
  const phone = cleanPhone(contact.phone);
  if (!name && !phone) {
    throw invalid('feedback.contact_empty', 'Ghi họ tên hoặc số điện thoại, hoặc bỏ phần liên hệ', 'contact');
  }
  if (phone && !/^\+?[0-9]{8,15}$/.test(phone)) {
    throw invalid('feedback.phone_invalid', 'Số điện thoại không hợp lệ', 'contact.phone');
  }
  return {
    contactNameEncrypted: name ? cipher.encrypt(name) : null,
    contactPhoneEncrypted: phone ? cipher.encrypt(phone) : null,
    contactPurpose: contact.purpose,
  };
}

/** What the audit trail keeps of a feedback: never the contact, only whether there is one and why. */
function auditView(row: repo.FeedbackRecord) {
  return {
    unitId: row.unitId,
    receivedOn: row.receivedOn,
    channel: row.channel,
    activityId: row.activityId,
    topic: row.topic,
    content: row.content,
    status: row.status,
    answeredBy: row.answeredBy,
    answer: row.answer,
    answeredOn: row.answeredOn,
    forwardedTo: row.forwardedTo,
    forwardedOn: row.forwardedOn,
    contactGiven: row.contactNameEncrypted !== null || row.contactPhoneEncrypted !== null,
    contactPurpose: row.contactPurpose,
  };
}

async function checkFacts(
  db: Database,
  actor: Actor,
  facts: { unitId: number; receivedOn: string; channel: string; activityId: number | null },
) {
  const [unit] = await loadUnitsInScope(db, actor.scope, { ids: [facts.unitId] });
  if (!unit)
    throw invalid('feedback.unit_invalid', 'Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn', 'unitId');
  if (facts.receivedOn > todayInVietnam()) {
    throw invalid('feedback.received_in_future', 'Ngày tiếp nhận không được sau hôm nay', 'receivedOn');
  }
  if (!existedOn(unit, facts.receivedOn)) {
    throw invalid(
      'feedback.unit_not_on_date',
      `${unit.fullName} không tồn tại vào ngày ${formatDateVi(facts.receivedOn)}`,
      'receivedOn',
    );
  }
  if (facts.activityId !== null) {
    if (!(await findActivity(db, actor.scope, facts.activityId)))
      throw invalid(
        'feedback.activity_not_found',
        'Không tìm thấy hội nghị, hoạt động đã chọn',
        'activityId',
      );
  }
  if (facts.channel === 'hearing' && facts.activityId === null) {
    throw invalid(
      'feedback.hearing_required',
      'Chọn hội nghị "Công an lắng nghe ý kiến Nhân dân" đã tiếp nhận ý kiến',
      'activityId',
    );
  }
  return unit;
}

export async function createFeedback(
  db: Database,
  cipher: FieldCipher | undefined,
  actor: Actor,
  body: CreateFeedbackBody,
): Promise<FeedbackDetail> {
  const id = await inTransaction(db, async (tx) => {
    const topic = cleanText(body.topic);
    if (!topic) throw invalid('feedback.topic_required', 'Ghi chủ đề của ý kiến', 'topic');
    const unit = await checkFacts(tx, actor, {
      unitId: body.unitId,
      receivedOn: body.receivedOn,
      channel: body.channel,
      activityId: body.activityId ?? null,
    });
    const content = cleanText(body.content);
    const row = await repo.insertFeedback(tx, {
      unitId: unit.id,
      provinceCode: unit.provinceCode,
      receivedOn: body.receivedOn,
      channel: body.channel,
      activityId: body.activityId ?? null,
      topic,
      content,
      searchText: normalizeForSearch(`${topic} ${content ?? ''}`),
      status: 'open',
      ...sealContact(cipher, body.contact),
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'feedback.recorded',
      entityType: 'feedback',
      entityId: row.id,
      unitId: row.unitId,
      provinceCode: row.provinceCode,
      after: auditView(row),
    });
    return row.id;
  });
  return feedbackDetail(db, id, null);
}

export async function updateFeedback(
  db: Database,
  cipher: FieldCipher,
  actor: Actor,
  id: number,
  body: UpdateFeedbackBody,
): Promise<FeedbackDetail> {
  await inTransaction(db, async (tx) => {
    const before = await repo.findFeedbackInScope(tx, actor.scope, id);
    if (!before) throw feedbackNotFound();
    const topic = body.topic === undefined ? before.topic : cleanText(body.topic);
    if (!topic) throw invalid('feedback.topic_required', 'Ghi chủ đề của ý kiến', 'topic');
    const facts = {
      unitId: before.unitId,
      receivedOn: body.receivedOn ?? before.receivedOn,
      channel: body.channel ?? before.channel,
      activityId: body.activityId === undefined ? before.activityId : body.activityId,
    };
    await checkFacts(tx, actor, facts);
    const content = body.content === undefined ? before.content : cleanText(body.content);
    const after = await repo.updateFeedback(tx, id, {
      ...facts,
      topic,
      content,
      searchText: normalizeForSearch(`${topic} ${content ?? ''}`),
      ...(body.contact === undefined ? {} : sealContact(cipher, body.contact)),
    });
    if (after.unitId !== before.unitId)
      await moveAttachments(tx, 'feedback', id, after.unitId, after.provinceCode);
    await recordAudit(tx, actor, {
      action: 'feedback.updated',
      entityType: 'feedback',
      entityId: id,
      unitId: after.unitId,
      provinceCode: after.provinceCode,
      before: auditView(before),
      after: auditView(after),
    });
  });
  return feedbackDetail(db, id, null);
}

export async function respondToFeedback(
  db: Database,
  actor: Actor,
  id: number,
  response: { answer: AnswerFeedbackBody } | { forward: ForwardFeedbackBody },
): Promise<FeedbackDetail> {
  await inTransaction(db, async (tx) => {
    const before = await repo.findFeedbackInScope(tx, actor.scope, id);
    if (!before) throw feedbackNotFound();
    const day = 'answer' in response ? response.answer.answeredOn : response.forward.forwardedOn;
    const field = 'answer' in response ? 'answeredOn' : 'forwardedOn';
    if (day > todayInVietnam())
      throw invalid('feedback.date_in_future', 'Ngày không được sau hôm nay', field);
    if (day < before.receivedOn) {
      throw invalid(
        'feedback.date_before_received',
        `Ngày trước ngày tiếp nhận (${formatDateVi(before.receivedOn)})`,
        field,
      );
    }
    const after =
      'answer' in response
        ? await repo.updateFeedback(tx, id, {
            status: 'answered',
            answeredBy: cleanText(response.answer.answeredBy),
            answer: cleanText(response.answer.answer),
            answeredOn: response.answer.answeredOn,
          })
        : await repo.updateFeedback(tx, id, {
            status: before.answeredOn ? before.status : 'forwarded',
            forwardedTo: cleanText(response.forward.forwardedTo),
            forwardedOn: response.forward.forwardedOn,
          });
    await recordAudit(tx, actor, {
      action: 'answer' in response ? 'feedback.answered' : 'feedback.forwarded',
      entityType: 'feedback',
      entityId: id,
      unitId: after.unitId,
      provinceCode: after.provinceCode,
      before: auditView(before),
      after: auditView(after),
    });
  });
  return feedbackDetail(db, id, null);
}

export async function feedbackSummary(
  db: Database,
  actor: Actor,
  query: PeriodSummaryQuery,
): Promise<SummaryResponse> {
  const asOf = query.asOf ?? todayInVietnam();
  checkRange(query.from, asOf);
  return rollup(db, {
    definitions: FEEDBACK_SUMMARY_INDICATORS,
    sources: repo.FEEDBACK_INDICATOR_SOURCES,
    unitId: query.unit ?? actor.unitId,
    asOf,
    ...(query.from ? { from: query.from } : {}),
    basis: query.basis ?? 'as_of',
    scope: actor.scope,
  });
}

export async function feedbackForTimeline(db: Database, actor: Actor, area: Scope, from: string, to: string) {
  const { rows } = await repo.listFeedback(
    db,
    { scope: actor.scope, unitScope: area, from, to },
    { sort: '-receivedOn', limit: 500, offset: 0, today: todayInVietnam() },
  );
  return rows.map((row) => ({
    date: row.receivedOn,
    id: row.id,
    title: `Ý kiến phản ánh: ${row.topic}`,
    detail: FEEDBACK_STATUS_LABELS[row.status as FeedbackStatus],
    unit: toRecordUnit(row.unit),
  }));
}

/** Deletes an opinion entered by mistake: the record as it was (never the contact) and the reason go to the audit trail. */
export async function deleteFeedback(
  db: Database,
  files: FileService,
  actor: Actor,
  id: number,
  reason: string,
): Promise<void> {
  const removed = await inTransaction(db, async (tx) => {
    const before = await repo.findFeedbackInScope(tx, actor.scope, id);
    if (!before) throw feedbackNotFound();
    const attachments = await removeAttachmentsOf(tx, 'feedback', id);
    await repo.deleteFeedback(tx, id);
    await recordAudit(tx, actor, {
      action: 'feedback.deleted',
      entityType: 'feedback',
      entityId: id,
      unitId: before.unitId,
      provinceCode: before.provinceCode,
      before: auditView(before),
      details: { reason: cleanText(reason), attachments: attachments.map((row) => row.publicId) },
    });
    return attachments;
  });
  await discardFiles(files, removed);
}
