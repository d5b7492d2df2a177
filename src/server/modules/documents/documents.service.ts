/**
 * Use cases of directive documents: the seeded central documents, local documents (a commune's plan) and the links
 * between them, so that "which communes have a plan for Kết luận 44-KL/TW" is one query.
 */
import type { ListResult } from '../../../contracts/common.js';
import type {
  CreateDocumentBody,
  DocumentDetail,
  DocumentItem,
  DocumentListQuery,
  DocumentPlans,
  DocumentRef,
  UpdateDocumentBody,
} from '../../../contracts/documents.js';
import { todayInVietnam } from '../../../domain/dates.js';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_RELATION_LABELS,
  type DocumentKind,
  type DocumentRelation,
  SEEDED_DOCUMENTS,
} from '../../../domain/documents.js';
import { AppError, conflict, invalid, notFound } from '../../../domain/errors.js';
import { normalizeForSearch } from '../../../domain/text.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { inTransaction } from '../../db/transaction.js';
import type { FileService } from '../../lib/files/file-service.js';
import { checkPage, checkRange, paging, searchTerm, unitFilterScope } from '../../registry/list.js';
import { loadUnitsInScope, toRecordUnit } from '../../registry/units.js';
import {
  attachmentsOf,
  discardFiles,
  moveAttachments,
  removeAttachmentsOf,
} from '../attachments/attachments.service.js';
import { listEntityHistory, recordAudit } from '../audit/audit.service.js';
import { cleanText } from '../teams/teams.service.js';
import * as repo from './documents.repo.js';

const documentNotFound = () => notFound('documents.not_found', 'Không tìm thấy văn bản');

function searchTextOf(document: { number: string; issuer: string; title: string; kind: string }): string {
  return normalizeForSearch(
    `${DOCUMENT_KIND_LABELS[document.kind as DocumentKind]} ${document.number} ${document.issuer} ${document.title}`,
  );
}

/**
 * Installs the documents DOMAIN.md names, as metadata, when the server starts: reference data written by code so
 * that a freshly migrated database stays empty for restores. Idempotent; edits made later are kept.
 */
export async function ensureSeededDocuments(db: Database): Promise<void> {
  await inTransaction(db, async (tx) => {
    const existing = new Set(
      (
        await repo.findBySeedKeys(
          tx,
          SEEDED_DOCUMENTS.map((d) => d.key),
        )
      ).map((d) => d.seedKey),
    );
    const missing = SEEDED_DOCUMENTS.filter((document) => !existing.has(document.key));
    if (missing.length === 0) return;
    await repo.insertDocuments(
      tx,
      missing.map((document) => ({
        kind: document.kind,
        number: document.number,
        issuer: document.issuer,
        issuedOn: document.issuedOn,
        issuedYear: document.issuedYear,
        effectiveFrom: document.effectiveFrom,
        title: document.title,
        searchText: searchTextOf(document),
        seedKey: document.key,
      })),
    );
    const ids = new Map(
      (
        await repo.findBySeedKeys(
          tx,
          SEEDED_DOCUMENTS.map((d) => d.key),
        )
      ).map((d) => [d.seedKey, d.id]),
    );
    await repo.insertLinks(
      tx,
      missing.flatMap((document) =>
        (document.links ?? []).flatMap((link) => {
          const fromId = ids.get(document.key);
          const toId = ids.get(link.to);
          return fromId && toId ? [{ fromId, toId, relation: link.relation }] : [];
        }),
      ),
    );
  });
}

function toRef(row: repo.DocumentRefRow): DocumentRef {
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    kindLabel: DOCUMENT_KIND_LABELS[row.kind as DocumentKind],
    number: row.number,
    title: row.title,
    issuedOn: row.issuedOn,
    issuedYear: row.issuedYear,
  };
}

function toLink(link: { relation: string; document: repo.DocumentRefRow }) {
  return {
    relation: link.relation as DocumentRelation,
    relationLabel: DOCUMENT_RELATION_LABELS[link.relation as DocumentRelation],
    document: toRef(link.document),
  };
}

export function toDocumentItem(row: repo.DocumentListRow): DocumentItem {
  return {
    ...toRef(row),
    issuer: row.issuer,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    unit: row.unit ? toRecordUnit(row.unit) : null,
    central: row.unit === null,
    seeded: row.seeded,
    links: row.links.map(toLink),
    implementedByCount: row.implementedByCount,
    attachmentCount: row.attachmentCount,
    notes: row.notes,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function documentFilter(
  db: Database,
  actor: Actor,
  query: Omit<DocumentListQuery, 'page' | 'pageSize'>,
): Promise<repo.DocumentFilter> {
  checkRange(query.from, query.to);
  return {
    scope: actor.scope,
    unitScope: await unitFilterScope(db, actor.scope, query.unit),
    kinds: query.kind,
    central: query.central,
    implementsId: query.implements,
    from: query.from,
    to: query.to,
    inForceOn: query.asOf,
    search: searchTerm(query.q),
  };
}

export async function listDocuments(
  db: Database,
  actor: Actor,
  query: DocumentListQuery,
): Promise<ListResult<DocumentItem>> {
  const paged = paging(query);
  const today = todayInVietnam();
  const { rows, total } = await repo.listDocuments(db, await documentFilter(db, actor, query), {
    sort: query.sort,
    limit: paged.limit,
    offset: paged.offset,
    today,
  });
  checkPage(paged, total);
  return { items: rows.map(toDocumentItem), total, page: paged.page, pageSize: paged.pageSize };
}

/** The document when the scope may see it (for attachments and links of other modules). */
export async function findVisibleDocument(db: Database, scope: Scope, id: number) {
  return repo.findDocumentVisible(db, scope, id);
}

export async function getDocument(db: Database, actor: Actor, id: number): Promise<DocumentDetail> {
  if (!(await repo.findDocumentVisible(db, actor.scope, id))) throw documentNotFound();
  return documentDetail(db, actor, id);
}

async function documentDetail(db: Database, actor: Actor, id: number): Promise<DocumentDetail> {
  const today = todayInVietnam();
  const [row, linkedFrom, attachments, history] = await Promise.all([
    repo.findDocumentRow(db, actor.scope, id, today),
    repo.listLinkedFrom(db, actor.scope, id),
    attachmentsOf(db, 'document', id),
    listEntityHistory(db, 'document', id),
  ]);
  return { ...toDocumentItem(row!), linkedFrom: linkedFrom.map(toLink), attachments, history };
}

interface DocumentFacts {
  kind: DocumentKind;
  number: string;
  issuer: string;
  issuedOn: string | null;
  issuedYear: number | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  title: string;
  unitId: number | null;
  links: ReadonlyArray<{ relation: DocumentRelation; documentId: number }>;
}

async function checkFacts(
  db: Database,
  actor: Actor,
  facts: DocumentFacts,
  selfId: number | null,
): Promise<{ provinceCode: string | null; issuedYear: number }> {
  const number = cleanText(facts.number);
  if (!number)
    throw invalid('documents.number_required', 'Số, ký hiệu văn bản không được để trống', 'number');
  if (!cleanText(facts.issuer)) throw invalid('documents.issuer_required', 'Ghi cơ quan ban hành', 'issuer');
  if (!cleanText(facts.title))
    throw invalid('documents.title_required', 'Trích yếu không được để trống', 'title');
  const today = todayInVietnam();
  if (facts.issuedOn && facts.issuedOn > today) {
    throw invalid('documents.issued_in_future', 'Ngày ban hành không được sau hôm nay', 'issuedOn');
  }
  const issuedYear = facts.issuedOn ? Number(facts.issuedOn.slice(0, 4)) : facts.issuedYear;
  if (issuedYear === null)
    throw invalid('documents.issued_required', 'Ghi ngày hoặc năm ban hành', 'issuedOn');
  if (facts.issuedOn && facts.issuedYear !== null && facts.issuedYear !== issuedYear) {
    throw invalid('documents.year_mismatch', 'Năm ban hành không khớp ngày ban hành', 'issuedYear');
  }
  if (facts.effectiveFrom && facts.effectiveTo && facts.effectiveTo < facts.effectiveFrom) {
    throw invalid('documents.effective_range', 'Ngày hết hiệu lực phải sau ngày có hiệu lực', 'effectiveTo');
  }
  let provinceCode: string | null = null;
  if (facts.unitId === null) {
    if (!actor.scope.all) {
      throw invalid(
        'documents.unit_required',
        'Chọn đơn vị ban hành hoặc thực hiện văn bản (văn bản Trung ương chỉ cán bộ cấp toàn quốc ghi)',
        'unitId',
      );
    }
  } else {
    const [unit] = await loadUnitsInScope(db, actor.scope, { ids: [facts.unitId] });
    if (!unit) {
      throw invalid(
        'documents.unit_invalid',
        'Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn',
        'unitId',
      );
    }
    provinceCode = unit.provinceCode;
  }
  const seen = new Set<string>();
  for (const link of facts.links) {
    const key = `${link.relation}:${link.documentId}`;
    if (seen.has(key)) throw invalid('documents.link_twice', 'Một liên kết được ghi hai lần', 'links');
    seen.add(key);
    if (link.documentId === selfId) {
      throw invalid('documents.link_self', 'Văn bản không thể liên kết với chính nó', 'links');
    }
    const target = await repo.findDocumentVisible(db, actor.scope, link.documentId);
    if (!target)
      throw invalid('documents.link_not_found', `Không tìm thấy văn bản số ${link.documentId}`, 'links');
    if (selfId !== null && (await repo.reaches(db, link.documentId, selfId))) {
      throw invalid(
        'documents.link_cycle',
        'Liên kết này tạo thành vòng (văn bản kia đã dẫn về văn bản này)',
        'links',
      );
    }
  }
  return { provinceCode, issuedYear };
}

function auditView(row: repo.DocumentRecord, links: ReadonlyArray<{ relation: string; toId: number }>) {
  return {
    kind: row.kind,
    number: row.number,
    issuer: row.issuer,
    issuedOn: row.issuedOn,
    issuedYear: row.issuedYear,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    title: row.title,
    unitId: row.unitId,
    links: links.map((link) => `${link.relation}:${link.toId}`),
    notes: row.notes,
  };
}

export async function createDocument(
  db: Database,
  actor: Actor,
  body: CreateDocumentBody,
): Promise<DocumentDetail> {
  const id = await inTransaction(db, async (tx) => {
    const facts: DocumentFacts = {
      kind: body.kind,
      number: body.number,
      issuer: body.issuer,
      issuedOn: body.issuedOn ?? null,
      issuedYear: body.issuedYear ?? null,
      effectiveFrom: body.effectiveFrom ?? null,
      effectiveTo: body.effectiveTo ?? null,
      title: body.title,
      unitId: body.unitId ?? null,
      links: body.links ?? [],
    };
    const { provinceCode, issuedYear } = await checkFacts(tx, actor, facts, null);
    const number = cleanText(body.number)!;
    const issuer = cleanText(body.issuer)!;
    const title = cleanText(body.title)!;
    const [row] = await repo.insertDocuments(tx, [
      {
        kind: body.kind,
        number,
        issuer,
        issuedOn: facts.issuedOn,
        issuedYear,
        effectiveFrom: facts.effectiveFrom,
        effectiveTo: facts.effectiveTo,
        title,
        searchText: searchTextOf({ kind: body.kind, number, issuer, title }),
        unitId: facts.unitId,
        provinceCode,
        notes: cleanText(body.notes),
        createdBy: actor.userId,
      },
    ]);
    const links = facts.links.map((link) => ({ relation: link.relation, toId: link.documentId }));
    await repo.replaceLinks(tx, row!.id, links);
    await recordAudit(tx, actor, {
      action: 'document.created',
      entityType: 'document',
      entityId: row!.id,
      unitId: row!.unitId,
      provinceCode,
      after: auditView(row!, links),
    });
    return row!.id;
  });
  return documentDetail(db, actor, id);
}

export async function updateDocument(
  db: Database,
  actor: Actor,
  id: number,
  body: UpdateDocumentBody,
): Promise<DocumentDetail> {
  await inTransaction(db, async (tx) => {
    const before = await repo.findDocumentVisible(tx, actor.scope, id);
    if (!before) throw documentNotFound();
    if (before.unitId === null && !actor.scope.all) {
      throw new AppError(
        'forbidden',
        'documents.central',
        'Văn bản Trung ương chỉ cán bộ cấp toàn quốc được sửa',
      );
    }
    const linksBefore = await repo.listLinks(tx, id);
    const facts: DocumentFacts = {
      kind: body.kind ?? (before.kind as DocumentKind),
      number: body.number ?? before.number,
      issuer: body.issuer ?? before.issuer,
      issuedOn: body.issuedOn === undefined ? before.issuedOn : body.issuedOn,
      issuedYear: body.issuedYear ?? (body.issuedOn === undefined ? before.issuedYear : null),
      effectiveFrom: body.effectiveFrom === undefined ? before.effectiveFrom : body.effectiveFrom,
      effectiveTo: body.effectiveTo === undefined ? before.effectiveTo : body.effectiveTo,
      title: body.title ?? before.title,
      unitId: body.unitId === undefined ? before.unitId : body.unitId,
      links:
        body.links ??
        linksBefore.map((link) => ({ relation: link.relation as DocumentRelation, documentId: link.toId })),
    };
    const { provinceCode, issuedYear } = await checkFacts(tx, actor, facts, id);
    const number = cleanText(facts.number)!;
    const issuer = cleanText(facts.issuer)!;
    const title = cleanText(facts.title)!;
    const after = await repo.updateDocument(tx, id, {
      kind: facts.kind,
      number,
      issuer,
      issuedOn: facts.issuedOn,
      issuedYear,
      effectiveFrom: facts.effectiveFrom,
      effectiveTo: facts.effectiveTo,
      title,
      searchText: searchTextOf({ kind: facts.kind, number, issuer, title }),
      unitId: facts.unitId,
      provinceCode,
      notes: body.notes === undefined ? before.notes : cleanText(body.notes),
    });
    const links = facts.links.map((link) => ({ relation: link.relation, toId: link.documentId }));
    if (body.links !== undefined) await repo.replaceLinks(tx, id, links);
    if (after.unitId !== before.unitId) await moveAttachments(tx, 'document', id, after.unitId, provinceCode);
    await recordAudit(tx, actor, {
      action: 'document.updated',
      entityType: 'document',
      entityId: id,
      unitId: after.unitId,
      provinceCode,
      before: auditView(before, linksBefore),
      after: auditView(after, links),
    });
  });
  return documentDetail(db, actor, id);
}

/** The local plans implementing a document, and which of today's communes under a unit have one. */
export async function documentPlans(
  db: Database,
  actor: Actor,
  id: number,
  unitId: number | undefined,
): Promise<DocumentPlans> {
  const document = await repo.findDocumentVisible(db, actor.scope, id);
  if (!document) throw documentNotFound();
  const today = todayInVietnam();
  const area = (await unitFilterScope(db, actor.scope, unitId ?? actor.unitId ?? undefined)) ?? actor.scope;
  const plans = await repo.listImplementingPlans(db, area, id, today);
  // Nationwide, the commune table would list 3,321 rows: it is given for a chosen unit (or a scoped reader).
  const communes = area.all === true ? [] : await repo.communeCoverage(db, area, plans, today);
  const rows = communes.map((row) => ({
    unit: toRecordUnit(row.unit),
    planIds: row.planIds.map(Number),
    hasPlan: row.planIds.length > 0,
  }));
  return {
    document: toRef({ ...document }),
    plans: plans.map((plan) => ({ ...toRef(plan), unit: toRecordUnit(plan.unit) })),
    communes: rows,
    withPlan: rows.filter((row) => row.hasPlan).length,
    withoutPlan: rows.filter((row) => !row.hasPlan).length,
  };
}

/** Local documents at a unit (its subtree), for the unit's timeline. */
export async function documentsForTimeline(
  db: Database,
  actor: Actor,
  area: Scope,
  from: string,
  to: string,
) {
  const { rows } = await repo.listDocuments(
    db,
    { scope: actor.scope, unitScope: area, from, to },
    { sort: '-issuedOn', limit: 500, offset: 0, today: todayInVietnam() },
  );
  return rows.map((row) => ({
    date: row.issuedOn ?? `${row.issuedYear}-01-01`,
    id: row.id,
    title: `${DOCUMENT_KIND_LABELS[row.kind as DocumentKind]} ${row.number}`,
    detail: row.title,
    unit: row.unit ? toRecordUnit(row.unit) : null,
  }));
}

/**
 * Deletes a document entered by mistake. Refused for the documents installed with the system, and while other
 * records rest on it (a plan implementing it, a document replacing it, an activity carrying it out): those links
 * would silently break. A central document goes only by a national user, as for writing one.
 */
export async function deleteDocument(
  db: Database,
  files: FileService,
  actor: Actor,
  id: number,
  reason: string,
): Promise<void> {
  const removed = await inTransaction(db, async (tx) => {
    const before = await repo.findDocumentVisible(tx, actor.scope, id);
    if (!before) throw documentNotFound();
    if (before.unitId === null && !actor.scope.all) {
      throw new AppError(
        'forbidden',
        'documents.forbidden',
        'Văn bản Trung ương chỉ cán bộ cấp toàn quốc được xóa',
      );
    }
    if (before.seedKey !== null) {
      throw conflict('documents.seeded', 'Văn bản có sẵn trong hệ thống, không xóa được');
    }
    const dependents = await repo.countDependents(tx, id);
    if (dependents.documents > 0 || dependents.activities > 0) {
      throw conflict(
        'documents.in_use',
        `Không xóa được: ${[
          dependents.documents > 0
            ? `${dependents.documents} văn bản thực hiện, thay thế hoặc sửa đổi văn bản này`
            : null,
          dependents.activities > 0 ? `${dependents.activities} hoạt động thực hiện văn bản này` : null,
        ]
          .filter(Boolean)
          .join(' và ')}. Gỡ các liên kết đó trước`,
      );
    }
    const links = await repo.listLinks(tx, id);
    const attachments = await removeAttachmentsOf(tx, 'document', id);
    await repo.deleteDocument(tx, id);
    await recordAudit(tx, actor, {
      action: 'document.deleted',
      entityType: 'document',
      entityId: id,
      unitId: before.unitId,
      provinceCode: before.provinceCode,
      before: auditView(before, links),
      details: { reason: cleanText(reason), attachments: attachments.map((row) => row.publicId) },
    });
    return attachments;
  });
  await discardFiles(files, removed);
}
