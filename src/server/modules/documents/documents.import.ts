/**
 * Excel template and import of directive documents (metadata; the files are attached one by one afterwards): one
 * document per row, with the documents it implements or replaces named by their number as written ("44-KL/TW").
 * Every row goes through the same use case as the form; any error and nothing is written.
 */
import type { CreateDocumentBody } from '../../../contracts/documents.js';
import type { ImportResult } from '../../../contracts/registry.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, type DocumentRelation } from '../../../domain/documents.js';
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
import * as repo from './documents.repo.js';
import * as documents from './documents.service.js';

export const DOCUMENT_SHEET = 'Văn bản';
const LISTS = { kind: 'Loại văn bản', unit: 'Đơn vị' } as const;
const KIND_OPTIONS = DOCUMENT_KINDS.map((key) => ({ key, label: DOCUMENT_KIND_LABELS[key] }));

export const DOCUMENT_COLUMNS: TemplateColumn[] = [
  { key: 'kind', header: 'Loại văn bản', required: true, list: LISTS.kind, width: 16 },
  {
    key: 'number',
    header: 'Số, ký hiệu',
    required: true,
    width: 20,
    note: 'Ghi như trên văn bản, ví dụ 09-CT/TW',
  },
  { key: 'issuer', header: 'Cơ quan ban hành', required: true, width: 30 },
  { key: 'issuedOn', header: 'Ngày ban hành', format: 'date', width: 14 },
  { key: 'issuedYear', header: 'Năm ban hành', format: 'integer', width: 10, note: 'Khi không rõ ngày' },
  { key: 'title', header: 'Trích yếu', required: true, width: 60 },
  { key: 'effectiveFrom', header: 'Có hiệu lực từ', format: 'date', width: 14 },
  { key: 'effectiveTo', header: 'Hết hiệu lực', format: 'date', width: 14 },
  {
    key: 'unitId',
    header: 'Đơn vị ban hành, thực hiện',
    list: LISTS.unit,
    width: 46,
    note: 'Để trống với văn bản Trung ương (chỉ cán bộ cấp toàn quốc)',
  },
  {
    key: 'implements',
    header: 'Thực hiện văn bản số',
    width: 24,
    note: 'Số, ký hiệu của văn bản đã có trong hệ thống; nhiều văn bản cách nhau bằng dấu ";"',
  },
  { key: 'replaces', header: 'Thay thế văn bản số', width: 24 },
  { key: 'notes', header: 'Ghi chú', width: 30 },
];

export async function buildDocumentsTemplate(db: Database, actor: Actor): Promise<Buffer> {
  const units = await listUnitsForTemplate(db, actor.scope, todayInVietnam(), UNIT_KINDS, 50_000);
  const example = units.find((unit) => unit.kind === 'commune') ?? units[0];
  return buildTemplate({
    title: 'Mẫu nhập danh sách văn bản chỉ đạo',
    instructions: [
      'Mỗi dòng một văn bản. Cột có dấu (*) là bắt buộc. Ngày ghi dạng dd/mm/yyyy; không rõ ngày thì ghi năm ban hành.',
      'Kế hoạch của đơn vị thực hiện một văn bản cấp trên: ghi số, ký hiệu văn bản đó ở cột "Thực hiện văn bản số" (ví dụ 44-KL/TW).',
      'Tệp đính kèm (bản chụp văn bản) được tải lên ở trang chi tiết của từng văn bản sau khi nhập.',
      'Hệ thống kiểm tra toàn bộ tệp trước; nếu có bất kỳ lỗi nào thì không ghi gì và trả về danh sách lỗi theo dòng, cột.',
    ],
    lists: [
      { name: LISTS.kind, values: KIND_OPTIONS.map((option) => option.label) },
      { name: LISTS.unit, values: units.map(unitOption) },
    ],
    sheets: [
      {
        name: DOCUMENT_SHEET,
        columns: DOCUMENT_COLUMNS,
        examples: example
          ? [
              {
                kind: 'Kế hoạch',
                number: '15/KH-UBND',
                issuer: `UBND ${example.fullName}`,
                issuedOn: new Date(Date.UTC(2025, 2, 1)),
                title: 'Kế hoạch thực hiện Kết luận số 44-KL/TW trên địa bàn',
                unitId: unitOption(example),
                implements: '44-KL/TW',
              },
            ]
          : [],
      },
    ],
  });
}

export async function runDocumentsImport(
  db: Database,
  actor: Actor,
  file: Buffer,
  options: { dryRun: boolean },
  progress: ProgressFn,
): Promise<ImportResult> {
  const findUnit = unitFinder(db, actor);
  const numbers = new Map<string, Awaited<ReturnType<typeof repo.findVisibleByNumber>>>();
  const byNumber = async (number: string) => {
    if (!numbers.has(number)) numbers.set(number, await repo.findVisibleByNumber(db, actor.scope, number));
    return numbers.get(number)!;
  };
  return runSheetImport<CreateDocumentBody>(
    db,
    file,
    {
      sheet: DOCUMENT_SHEET,
      columns: DOCUMENT_COLUMNS,
      fieldColumns: { links: 'implements' },
      parse: async (cell, fail) => {
        const kind = cell('kind', (value) => parseChoice(value, KIND_OPTIONS, true));
        const number = cell('number', (value) => parseText(value, 120, true));
        const issuer = cell('issuer', (value) => parseText(value, 300, true));
        const issuedOn = cell('issuedOn', (value) => parseDate(value));
        const issuedYear = cell('issuedYear', (value) => parseInteger(value, 1945, 2100));
        const title = cell('title', (value) => parseText(value, 1000, true));
        const effectiveFrom = cell('effectiveFrom', (value) => parseDate(value));
        const effectiveTo = cell('effectiveTo', (value) => parseDate(value));
        const unitRef = cell('unitId', (value) => parseUnitReference(value, false));
        const notes = cell('notes', (value) => parseText(value, 2000));
        const links: Array<{ relation: DocumentRelation; documentId: number }> = [];
        for (const [key, relation] of [
          ['implements', 'implements'],
          ['replaces', 'replaces'],
        ] as const) {
          const text = cell(key, (value) => parseText(value, 1000));
          for (const piece of (text ?? '')
            .split(';')
            .map((part) => part.trim())
            .filter(Boolean)) {
            const byId = /^#(\d{1,9})$/.exec(piece);
            const found = byId ? [{ id: Number(byId[1]) }] : await byNumber(piece);
            if (found.length === 0) fail(key, `Không tìm thấy văn bản số "${piece}" trong hệ thống`);
            else if (found.length > 1)
              fail(key, `Có ${found.length} văn bản cùng số "${piece}": ghi số hiệu dạng #${found[0]!.id}`);
            else links.push({ relation, documentId: found[0]!.id });
          }
        }
        if (!kind || !number || !issuer || !title) return undefined;
        let unitId: number | null = null;
        if (unitRef) {
          const unit = await findUnit(unitRef);
          if (!unit) {
            fail('unitId', 'Đơn vị không tồn tại hoặc nằm ngoài phạm vi của bạn');
            return undefined;
          }
          unitId = unit.id;
        }
        return {
          kind,
          number,
          issuer,
          issuedOn: issuedOn ?? null,
          ...(issuedYear ? { issuedYear } : {}),
          effectiveFrom: effectiveFrom ?? null,
          effectiveTo: effectiveTo ?? null,
          title,
          unitId,
          links,
          notes: notes ?? null,
        };
      },
      write: async (tx, body) => {
        await documents.createDocument(tx, actor, body);
      },
    },
    options,
    progress,
  );
}
