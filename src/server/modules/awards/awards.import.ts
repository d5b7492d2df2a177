/**
 * Excel template and import of awards: one award per row, to a unit (tập thể) or to a named person (cá nhân) with
 * position and workplace. A row with a decision number and date is an award already decided (the importer must be
 * allowed to approve it, as in the form); a row without is a proposal. Every row goes through the same use case as
 * the form; any error and nothing is written.
 */
import type { CreateAwardBody } from '../../../contracts/awards.js';
import type { ImportResult } from '../../../contracts/registry.js';
import { AWARD_REASON_LABELS, AWARD_REASONS } from '../../../domain/awards.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { UNIT_KINDS } from '../../../domain/units.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
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
import * as awards from './awards.service.js';

export const AWARD_SHEET = 'Khen thưởng';
const LISTS = {
  recipientType: 'Đối tượng',
  unit: 'Đơn vị',
  form: 'Hình thức',
  issuer: 'Cấp khen',
  reason: 'Thành tích',
} as const;
const RECIPIENT_OPTIONS = [
  { key: 'unit', label: 'Tập thể' },
  { key: 'person', label: 'Cá nhân' },
  { key: 'team', label: 'Tổ, đội' },
  { key: 'member', label: 'Thành viên tổ, đội' },
] as const;
const REASON_OPTIONS = AWARD_REASONS.map((key) => ({ key, label: AWARD_REASON_LABELS[key] }));

export const AWARD_COLUMNS: TemplateColumn[] = [
  {
    key: 'recipientType',
    header: 'Tập thể hay cá nhân',
    required: true,
    list: LISTS.recipientType,
    width: 14,
  },
  {
    key: 'unitId',
    header: 'Đơn vị',
    list: LISTS.unit,
    width: 46,
    note: 'Tập thể: đơn vị được khen. Cá nhân: đơn vị quản lý hồ sơ (nơi người được khen sinh sống, công tác). Để trống với tổ, đội và thành viên',
  },
  {
    key: 'recipientRef',
    header: 'Số hiệu tổ, đội hoặc thành viên',
    format: 'integer',
    width: 16,
    note: 'Với "Tổ, đội" và "Thành viên tổ, đội": số hiệu (#) trong sổ lực lượng nòng cốt',
  },
  { key: 'recipientName', header: 'Họ tên cá nhân', width: 26, note: 'Bắt buộc với cá nhân' },
  { key: 'recipientPosition', header: 'Chức vụ', width: 20 },
  { key: 'recipientWorkplace', header: 'Nơi công tác', width: 26 },
  { key: 'formId', header: 'Hình thức', required: true, list: LISTS.form, width: 18 },
  { key: 'issuerId', header: 'Cấp khen', required: true, list: LISTS.issuer, width: 24 },
  {
    key: 'decisionNumber',
    header: 'Số quyết định',
    width: 18,
    note: 'Có số và ngày quyết định: ghi là khen thưởng đã quyết định (cần quyền duyệt); để trống: ghi là đề nghị',
  },
  { key: 'decisionDate', header: 'Ngày quyết định', format: 'date', width: 14 },
  { key: 'reason', header: 'Thành tích', required: true, list: LISTS.reason, width: 20 },
  { key: 'reasonText', header: 'Nội dung thành tích', width: 30, note: 'Bắt buộc khi thành tích là "Khác"' },
  { key: 'periodFrom', header: 'Năm (hoặc từ năm)', required: true, format: 'integer', width: 12 },
  {
    key: 'periodTo',
    header: 'Đến năm',
    format: 'integer',
    width: 10,
    note: 'Với giai đoạn, ví dụ 2014–2023',
  },
  { key: 'phase', header: 'Đợt, phong trào', width: 24 },
  { key: 'notes', header: 'Ghi chú', width: 30 },
];

export async function buildAwardsTemplate(db: Database, actor: Actor): Promise<Buffer> {
  const [units, options] = await Promise.all([
    listUnitsForTemplate(db, actor.scope, todayInVietnam(), UNIT_KINDS, 50_000),
    awards.listOptions(db),
  ]);
  const example = units.find((unit) => unit.kind === 'commune') ?? units[0];
  const year = Number(todayInVietnam().slice(0, 4));
  return buildTemplate({
    title: 'Mẫu nhập danh sách khen thưởng',
    instructions: [
      'Mỗi dòng một khen thưởng hoặc một đề nghị khen thưởng. Cột có dấu (*) là bắt buộc. Ngày ghi dạng dd/mm/yyyy.',
      'Tập thể: chọn đơn vị được khen. Cá nhân: ghi họ tên, chức vụ, nơi công tác và chọn đơn vị quản lý hồ sơ. Tổ, đội hoặc thành viên đã có trong sổ lực lượng nòng cốt: ghi số hiệu của tổ, thành viên.',
      'Dòng có số và ngày quyết định được ghi là khen thưởng đã quyết định (chỉ người có quyền duyệt, cấp trên của đơn vị được khen); dòng không có số quyết định được ghi là đề nghị chờ duyệt.',
      'Khen thưởng cho một giai đoạn: ghi "Năm (hoặc từ năm)" và "Đến năm".',
      'Hệ thống kiểm tra toàn bộ tệp trước; nếu có bất kỳ lỗi nào thì không ghi gì và trả về danh sách lỗi theo dòng, cột.',
    ],
    lists: [
      { name: LISTS.recipientType, values: RECIPIENT_OPTIONS.map((option) => option.label) },
      { name: LISTS.unit, values: units.map(unitOption) },
      { name: LISTS.form, values: options.forms.filter((item) => item.active).map((item) => item.name) },
      { name: LISTS.issuer, values: options.issuers.filter((item) => item.active).map((item) => item.name) },
      { name: LISTS.reason, values: REASON_OPTIONS.map((option) => option.label) },
    ],
    sheets: [
      {
        name: AWARD_SHEET,
        columns: AWARD_COLUMNS,
        examples: example
          ? [
              {
                recipientType: 'Tập thể',
                unitId: unitOption(example),
                formId: 'Giấy khen',
                issuerId: 'UBND xã',
                reason: 'Thành tích xuất sắc',
                periodFrom: year - 1,
                phase: 'Phong trào toàn dân bảo vệ an ninh Tổ quốc',
              },
            ]
          : [],
      },
    ],
  });
}

export async function runAwardsImport(
  db: Database,
  actor: Actor,
  file: Buffer,
  options: { dryRun: boolean },
  progress: ProgressFn,
): Promise<ImportResult> {
  const { forms, issuers } = await awards.listOptions(db);
  const optionsOf = (items: typeof forms) =>
    items.map((item) => ({ key: String(item.id), label: item.name }));
  const findUnit = unitFinder(db, actor);
  return runSheetImport<CreateAwardBody>(
    db,
    file,
    {
      sheet: AWARD_SHEET,
      columns: AWARD_COLUMNS,
      fieldColumns: {
        recipientUnitId: 'unitId',
        recipientTeamId: 'recipientRef',
        recipientMemberId: 'recipientRef',
      },
      parse: async (cell, fail) => {
        const type = cell('recipientType', (value) => parseChoice(value, RECIPIENT_OPTIONS, true));
        const unitRef = cell('unitId', (value) => parseUnitReference(value, false));
        const recipientRef = cell('recipientRef', (value) => parseInteger(value, 1, 2_000_000_000));
        const name = cell('recipientName', (value) => parseText(value, 300));
        const position = cell('recipientPosition', (value) => parseText(value, 200));
        const workplace = cell('recipientWorkplace', (value) => parseText(value, 300));
        const form = cell('formId', (value) => parseChoice(value, optionsOf(forms), true));
        const issuer = cell('issuerId', (value) => parseChoice(value, optionsOf(issuers), true));
        const decisionNumber = cell('decisionNumber', (value) => parseText(value, 100));
        const decisionDate = cell('decisionDate', (value) => parseDate(value));
        const reason = cell('reason', (value) => parseChoice(value, REASON_OPTIONS, true));
        const reasonText = cell('reasonText', (value) => parseText(value, 1000));
        const periodFrom = cell('periodFrom', (value) => parseInteger(value, 1945, 2100, true));
        const periodTo = cell('periodTo', (value) => parseInteger(value, 1945, 2100));
        const phase = cell('phase', (value) => parseText(value, 200));
        const notes = cell('notes', (value) => parseText(value, 2000));
        if (type === 'person' && !name) fail('recipientName', 'Ghi họ tên cá nhân được khen');
        if (Boolean(decisionNumber) !== Boolean(decisionDate)) {
          fail(
            decisionNumber ? 'decisionDate' : 'decisionNumber',
            'Ghi cả số và ngày quyết định, hoặc để trống cả hai',
          );
        }
        const byRegister = type === 'team' || type === 'member';
        if (byRegister && !recipientRef) fail('recipientRef', 'Ghi số hiệu của tổ, đội hoặc thành viên');
        if (type && !byRegister && !unitRef) fail('unitId', 'Chọn đơn vị');
        if (!type || !form || !issuer || !reason || !periodFrom) return undefined;
        let recipient: Partial<CreateAwardBody>;
        if (byRegister) {
          if (!recipientRef) return undefined;
          recipient =
            type === 'team' ? { recipientTeamId: recipientRef } : { recipientMemberId: recipientRef };
        } else {
          if (!unitRef) return undefined;
          const unit = await findUnit(unitRef);
          if (!unit) {
            fail('unitId', 'Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn');
            return undefined;
          }
          recipient =
            type === 'unit' ? { recipientUnitId: unit.id } : { unitId: unit.id, recipientName: name };
        }
        return {
          status: decisionNumber ? 'approved' : 'proposed',
          recipientType: type,
          ...recipient,
          recipientPosition: position ?? null,
          recipientWorkplace: workplace ?? null,
          formId: Number(form),
          issuerId: Number(issuer),
          decisionNumber: decisionNumber ?? null,
          decisionDate: decisionDate ?? null,
          reason,
          reasonText: reasonText ?? null,
          periodFrom,
          periodTo: periodTo ?? null,
          phase: phase ?? null,
          notes: notes ?? null,
        };
      },
      write: async (tx, body) => {
        await awards.createAward(tx, actor, body);
      },
    },
    options,
    progress,
  );
}
