/**
 * Excel template and import of residents' feedback: one opinion per row, with its answer or its forwarding when
 * there is one. A bulk file carries no name or phone of the resident (that personal data is only ever entered one
 * by one in the form, with the resident's consent and its purpose). Every row goes through the same use cases as
 * the form; any error and nothing is written.
 */
import type {
  AnswerFeedbackBody,
  CreateFeedbackBody,
  ForwardFeedbackBody,
} from '../../../contracts/feedback.js';
import type { ImportResult } from '../../../contracts/registry.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { FEEDBACK_CHANNEL_LABELS, FEEDBACK_CHANNELS } from '../../../domain/feedback.js';
import { UNIT_KINDS } from '../../../domain/units.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import type { FieldCipher } from '../../lib/crypto.js';
import type { ProgressFn } from '../../registry/import.js';
import { runSheetImport } from '../../registry/sheet-import.js';
import { listUnitsForTemplate, unitFinder } from '../../registry/units.js';
import {
  buildTemplate,
  parseChoice,
  parseDate,
  parseInteger,
  parseText,
  parseUnitReference,
  type TemplateColumn,
  unitOption,
} from '../../registry/xlsx.js';
import * as feedback from './feedback.service.js';

export const FEEDBACK_SHEET = 'Ý kiến';
const LISTS = { unit: 'Đơn vị', channel: 'Kênh tiếp nhận' } as const;
const CHANNEL_OPTIONS = FEEDBACK_CHANNELS.map((key) => ({ key, label: FEEDBACK_CHANNEL_LABELS[key] }));

export const FEEDBACK_COLUMNS: TemplateColumn[] = [
  { key: 'unitId', header: 'Đơn vị', required: true, list: LISTS.unit, width: 46 },
  { key: 'receivedOn', header: 'Ngày tiếp nhận', required: true, format: 'date', width: 14 },
  { key: 'channel', header: 'Kênh tiếp nhận', required: true, list: LISTS.channel, width: 34 },
  {
    key: 'activityId',
    header: 'Số hiệu hội nghị',
    format: 'integer',
    width: 14,
    note: 'Bắt buộc với ý kiến tại hội nghị: số hiệu (#) của hội nghị trong danh sách hoạt động',
  },
  { key: 'topic', header: 'Chủ đề', required: true, width: 36 },
  { key: 'content', header: 'Nội dung', width: 50 },
  { key: 'answeredBy', header: 'Người, cơ quan trả lời', width: 26 },
  { key: 'answer', header: 'Nội dung trả lời', width: 40 },
  { key: 'answeredOn', header: 'Ngày trả lời', format: 'date', width: 14 },
  { key: 'forwardedTo', header: 'Chuyển đến cơ quan', width: 26 },
  { key: 'forwardedOn', header: 'Ngày chuyển', format: 'date', width: 14 },
];

interface FeedbackRow {
  create: CreateFeedbackBody;
  answer: AnswerFeedbackBody | null;
  forward: ForwardFeedbackBody | null;
}

export async function buildFeedbackTemplate(db: Database, actor: Actor): Promise<Buffer> {
  const units = await listUnitsForTemplate(db, actor.scope, todayInVietnam(), UNIT_KINDS, 50_000);
  const example = units.find((unit) => unit.kind === 'commune') ?? units[0];
  return buildTemplate({
    title: 'Mẫu nhập ý kiến phản ánh, kiến nghị của Nhân dân',
    instructions: [
      'Mỗi dòng một ý kiến. Cột có dấu (*) là bắt buộc. Ngày ghi dạng dd/mm/yyyy.',
      'Ý kiến tiếp nhận tại hội nghị "Công an lắng nghe ý kiến Nhân dân": ghi số hiệu của hội nghị (xem trong danh sách hoạt động).',
      'Đã trả lời: ghi người trả lời, nội dung và ngày trả lời. Đã chuyển cơ quan có thẩm quyền: ghi cơ quan và ngày chuyển.',
      'Tệp nhập không ghi họ tên, số điện thoại của người phản ánh: thông tin này chỉ ghi từng ý kiến trên biểu mẫu, khi người phản ánh đồng ý và với mục đích nêu rõ.',
      'Hệ thống kiểm tra toàn bộ tệp trước; nếu có bất kỳ lỗi nào thì không ghi gì và trả về danh sách lỗi theo dòng, cột.',
    ],
    lists: [
      { name: LISTS.unit, values: units.map(unitOption) },
      { name: LISTS.channel, values: CHANNEL_OPTIONS.map((option) => option.label) },
    ],
    sheets: [
      {
        name: FEEDBACK_SHEET,
        columns: FEEDBACK_COLUMNS,
        examples: example
          ? [
              {
                unitId: unitOption(example),
                receivedOn: new Date(Date.UTC(2025, 8, 10)),
                channel: FEEDBACK_CHANNEL_LABELS.officer,
                topic: 'Đề nghị lắp đèn chiếu sáng đường liên thôn',
              },
            ]
          : [],
      },
    ],
  });
}

export async function runFeedbackImport(
  db: Database,
  cipher: FieldCipher | undefined,
  actor: Actor,
  file: Buffer,
  options: { dryRun: boolean },
  progress: ProgressFn,
): Promise<ImportResult> {
  const findUnit = unitFinder(db, actor);
  return runSheetImport<FeedbackRow>(
    db,
    file,
    {
      sheet: FEEDBACK_SHEET,
      columns: FEEDBACK_COLUMNS,
      parse: async (cell, fail) => {
        const unitRef = cell('unitId', (value) => parseUnitReference(value));
        const receivedOn = cell('receivedOn', (value) => parseDate(value, true));
        const channel = cell('channel', (value) => parseChoice(value, CHANNEL_OPTIONS, true));
        const activityId = cell('activityId', (value) => parseInteger(value, 1, 2_000_000_000));
        const topic = cell('topic', (value) => parseText(value, 300, true));
        const content = cell('content', (value) => parseText(value, 4000));
        const answeredBy = cell('answeredBy', (value) => parseText(value, 300));
        const answer = cell('answer', (value) => parseText(value, 4000));
        const answeredOn = cell('answeredOn', (value) => parseDate(value));
        const forwardedTo = cell('forwardedTo', (value) => parseText(value, 300));
        const forwardedOn = cell('forwardedOn', (value) => parseDate(value));
        const answered = [answeredBy, answer, answeredOn].filter(Boolean).length;
        if (answered > 0 && answered < 3) {
          fail(
            answeredBy ? (answer ? 'answeredOn' : 'answer') : 'answeredBy',
            'Ghi đủ người trả lời, nội dung và ngày trả lời, hoặc để trống cả ba',
          );
        }
        if (Boolean(forwardedTo) !== Boolean(forwardedOn)) {
          fail(
            forwardedTo ? 'forwardedOn' : 'forwardedTo',
            'Ghi cả cơ quan và ngày chuyển, hoặc để trống cả hai',
          );
        }
        if (!unitRef || !receivedOn || !channel || !topic) return undefined;
        const unit = await findUnit(unitRef);
        if (!unit) {
          fail('unitId', 'Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn');
          return undefined;
        }
        return {
          create: {
            unitId: unit.id,
            receivedOn,
            channel,
            activityId: activityId ?? null,
            topic,
            content: content ?? null,
          },
          answer: answeredBy && answer && answeredOn ? { answeredBy, answer, answeredOn } : null,
          forward: forwardedTo && forwardedOn ? { forwardedTo, forwardedOn } : null,
        };
      },
      write: async (tx, row) => {
        const created = await feedback.createFeedback(tx, cipher, actor, row.create);
        if (row.forward) await feedback.respondToFeedback(tx, actor, created.id, { forward: row.forward });
        if (row.answer) await feedback.respondToFeedback(tx, actor, created.id, { answer: row.answer });
      },
    },
    options,
    progress,
  );
}
