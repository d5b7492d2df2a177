/**
 * Excel template and import of self-management models: one sheet, one model per row, checked with the same rules
 * as the form; a model may name the model it was replicated from by its key in the file or by its id.
 */
import type { ImportResult } from '../../../contracts/registry.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { invalid } from '../../../domain/errors.js';
import { normalizeForSearch } from '../../../domain/text.js';
import { UNIT_KINDS } from '../../../domain/units.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import { ImportErrors, type ProgressFn, phaseReporter, take } from '../../registry/import.js';
import {
  existedOn,
  listUnitsForTemplate,
  loadUnitsInScope,
  type UnitIntervals,
} from '../../registry/units.js';
import {
  buildTemplate,
  type Parsed,
  parseDate,
  parseInteger,
  parseText,
  parseUnitReference,
  readSheets,
  type TemplateColumn,
  unitOption,
} from '../../registry/xlsx.js';
import { type AuditInput, recordAuditBatch } from '../audit/audit.service.js';
import { cleanText } from '../teams/teams.service.js';
import * as repo from './models.repo.js';
import { modelProblems } from './models.service.js';

export const MODEL_SHEET = 'Mô hình';
const LISTS = { kind: 'Loại mô hình', unit: 'Đơn vị' } as const;

export const MODEL_COLUMNS: TemplateColumn[] = [
  {
    key: 'key',
    header: 'Mã mô hình trong tệp',
    width: 14,
    note: 'Mã ngắn tự đặt (M1, M2…), cần khi mô hình khác trong tệp nhân rộng từ mô hình này',
  },
  { key: 'name', header: 'Tên mô hình', required: true, width: 40 },
  { key: 'kindId', header: 'Loại mô hình', required: true, list: LISTS.kind, width: 34 },
  { key: 'leadUnitId', header: 'Đơn vị chủ trì', required: true, list: LISTS.unit, width: 46 },
  {
    key: 'partnerUnitIds',
    header: 'Đơn vị cùng thực hiện',
    width: 46,
    note: 'Nhiều đơn vị cách nhau bằng dấu ";" (chép từ danh sách đơn vị)',
  },
  { key: 'startedOn', header: 'Ngày bắt đầu', required: true, format: 'date', width: 16 },
  { key: 'exemplaryYear', header: 'Năm được công nhận điển hình tiên tiến', format: 'integer', width: 16 },
  { key: 'exemplaryDecision', header: 'Số quyết định công nhận điển hình', width: 22 },
  {
    key: 'cameraPoints',
    header: 'Số điểm camera',
    format: 'integer',
    width: 12,
    note: 'Chỉ với mô hình camera',
  },
  { key: 'cameras', header: 'Số camera', format: 'integer', width: 12, note: 'Chỉ với mô hình camera' },
  {
    key: 'replicatedFrom',
    header: 'Nhân rộng từ',
    width: 18,
    note: 'Mã mô hình trong tệp, hoặc #số định danh của mô hình đã có',
  },
  { key: 'notes', header: 'Ghi chú', width: 30 },
];

const header = (key: string) => MODEL_COLUMNS.find((column) => column.key === key)?.header ?? key;

export async function buildModelsTemplate(db: Database, actor: Actor): Promise<Buffer> {
  const today = todayInVietnam();
  const [units, kinds] = await Promise.all([
    listUnitsForTemplate(db, actor.scope, today, UNIT_KINDS, 50_000),
    repo.listKinds(db),
  ]);
  const example = units.find((unit) => unit.kind === 'residential_area') ?? units[0];
  return buildTemplate({
    title: 'Mẫu nhập danh sách mô hình tự quản',
    instructions: [
      'Mỗi dòng một mô hình. Cột có dấu (*) là bắt buộc. Ngày ghi dạng dd/mm/yyyy.',
      'Mô hình do nhiều đơn vị cùng thực hiện: chọn đơn vị chủ trì, ghi các đơn vị còn lại ở cột "Đơn vị cùng thực hiện", cách nhau bằng dấu ";".',
      'Mô hình camera an ninh phải ghi số điểm camera và số camera; các loại khác để trống hai cột này.',
      'Mô hình nhân rộng từ mô hình khác: ghi mã của mô hình gốc trong tệp, hoặc #số định danh nếu mô hình gốc đã có trong hệ thống.',
      'Hệ thống kiểm tra toàn bộ tệp trước; nếu có bất kỳ lỗi nào thì không ghi gì và trả về danh sách lỗi theo dòng, cột.',
    ],
    lists: [
      { name: LISTS.kind, values: kinds.filter((kind) => kind.active).map((kind) => kind.name) },
      { name: LISTS.unit, values: units.map(unitOption) },
    ],
    sheets: [
      {
        name: MODEL_SHEET,
        columns: MODEL_COLUMNS,
        examples: example
          ? [
              {
                key: 'M1',
                name: `Camera an ninh ${example.fullName}`,
                kindId: 'Camera an ninh',
                leadUnitId: unitOption(example),
                startedOn: new Date(Date.UTC(2024, 0, 15)),
                cameraPoints: 4,
                cameras: 9,
              },
            ]
          : [],
      },
    ],
  });
}

interface ModelRow {
  row: number;
  key: string | null;
  name: string;
  kind: repo.ModelKindRecord;
  lead: UnitIntervals;
  partners: UnitIntervals[];
  startedOn: string;
  exemplaryYear: number | null;
  exemplaryDecision: string | null;
  cameraPoints: number | null;
  cameras: number | null;
  source: { key: string } | { id: number } | null;
  notes: string | null;
}

type UnitReference = { id: number } | { code: string };

export async function runModelsImport(
  db: Database,
  actor: Actor,
  file: Buffer,
  options: { dryRun: boolean },
  progress: ProgressFn,
): Promise<ImportResult> {
  const today = todayInVietnam();
  const sheets = await readSheets(
    file,
    [{ name: MODEL_SHEET, columns: MODEL_COLUMNS }],
    phaseReporter(progress, 'read'),
  );
  const sheet = sheets.get(MODEL_SHEET)!;
  if (!sheet.found) {
    throw invalid(
      'import.no_sheets',
      `Tệp không có trang "${MODEL_SHEET}" với dòng tiêu đề như tệp mẫu`,
      'file',
    );
  }
  const errors = new ImportErrors();
  for (const missing of sheet.missingColumns) {
    if (MODEL_COLUMNS.some((column) => column.header === missing && column.required)) {
      errors.add(MODEL_SHEET, 1, missing, 'Thiếu cột bắt buộc');
    }
  }
  const checked = phaseReporter(progress, 'check');
  const kinds = await repo.listKinds(db);
  const kindByName = new Map(kinds.map((kind) => [normalizeForSearch(kind.name), kind]));

  const parsed: Array<{
    row: number;
    key: string | null;
    name: string;
    kind: repo.ModelKindRecord | undefined;
    lead: UnitReference;
    partners: UnitReference[];
    startedOn: string;
    exemplaryYear: number | null;
    exemplaryDecision: string | null;
    cameraPoints: number | null;
    cameras: number | null;
    source: { key: string } | { id: number } | null;
    notes: string | null;
  }> = [];
  for (const { row, values } of sheet.rows) {
    const at = <T>(key: string, result: Parsed<T>) => take(errors, MODEL_SHEET, row, header(key), result);
    const key = at('key', parseText(values.key ?? null, 40));
    const name = at('name', parseText(values.name ?? null, 300, true));
    const kindName = at('kindId', parseText(values.kindId ?? null, 200, true));
    const lead = at('leadUnitId', parseUnitReference(values.leadUnitId ?? null));
    const partnerText = at('partnerUnitIds', parseText(values.partnerUnitIds ?? null, 5000));
    const startedOn = at('startedOn', parseDate(values.startedOn ?? null, true));
    const exemplaryYear = at('exemplaryYear', parseInteger(values.exemplaryYear ?? null, 1945, 2100));
    const exemplaryDecision = at('exemplaryDecision', parseText(values.exemplaryDecision ?? null, 200));
    const cameraPoints = at('cameraPoints', parseInteger(values.cameraPoints ?? null, 0, 1_000_000));
    const cameras = at('cameras', parseInteger(values.cameras ?? null, 0, 1_000_000));
    const sourceText = at('replicatedFrom', parseText(values.replicatedFrom ?? null, 40));
    const notes = at('notes', parseText(values.notes ?? null, 2000));
    const kind = kindName ? kindByName.get(normalizeForSearch(kindName)) : undefined;
    if (kindName && !kind)
      errors.add(MODEL_SHEET, row, header('kindId'), `"${kindName}" không có trong danh sách loại mô hình`);
    const partners: UnitReference[] = [];
    for (const piece of (partnerText ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const reference = parseUnitReference(piece);
      if (reference.ok && reference.value) partners.push(reference.value);
      else if (!reference.ok) errors.add(MODEL_SHEET, row, header('partnerUnitIds'), reference.message);
    }
    const source = sourceText
      ? /^#\d+$/.test(sourceText)
        ? { id: Number(sourceText.slice(1)) }
        : { key: sourceText }
      : null;
    if (!name || !lead || !startedOn || !kind || errors.hasRow(MODEL_SHEET, row)) continue;
    parsed.push({
      row,
      key: key ?? null,
      name,
      kind,
      lead,
      partners,
      startedOn,
      exemplaryYear: exemplaryYear ?? null,
      exemplaryDecision: exemplaryDecision ?? null,
      cameraPoints: cameraPoints ?? null,
      cameras: cameras ?? null,
      source,
      notes: notes ?? null,
    });
  }
  checked(sheet.rows.length / 2, sheet.rows.length);

  const references = parsed.flatMap((model) => [model.lead, ...model.partners]);
  const units = await loadUnitsInScope(db, actor.scope, {
    ids: references.flatMap((reference) => ('id' in reference ? [reference.id] : [])),
    codes: references.flatMap((reference) => ('code' in reference ? [reference.code] : [])),
  });
  const resolve = (reference: UnitReference, date: string) =>
    'id' in reference
      ? units.find((unit) => unit.id === reference.id)
      : (units.find((unit) => unit.code === reference.code && existedOn(unit, date)) ??
        units.find((unit) => unit.code === reference.code));
  const existingSources = new Map<number, repo.ModelRecord>();
  for (const model of parsed) {
    if (model.source && 'id' in model.source && !existingSources.has(model.source.id)) {
      const found = await repo.findModelById(db, model.source.id);
      if (found) existingSources.set(found.id, found);
    }
  }
  const rows: ModelRow[] = [];
  const byKey = new Map<string, ModelRow>();
  for (const model of parsed) {
    const lead = resolve(model.lead, model.startedOn);
    const partners = model.partners.map((reference) => resolve(reference, model.startedOn));
    const problems = modelProblems(
      {
        name: model.name,
        kind: model.kind,
        kindChanged: true,
        startedOn: model.startedOn,
        lead,
        partners,
        exemplary: model.exemplaryYear !== null,
        exemplaryYear: model.exemplaryYear,
        cameraPoints: model.cameraPoints,
        cameras: model.cameras,
      },
      today,
    );
    for (const problem of problems)
      errors.add(MODEL_SHEET, model.row, header(problem.field), problem.message);
    if (model.key && byKey.has(model.key)) {
      errors.add(
        MODEL_SHEET,
        model.row,
        header('key'),
        `Mã "${model.key}" trùng với dòng ${byKey.get(model.key)!.row}`,
      );
    }
    if (problems.length > 0 || !lead) continue;
    const row: ModelRow = {
      ...model,
      kind: model.kind!,
      lead,
      partners: partners.filter(
        (partner): partner is UnitIntervals => partner !== undefined && partner.id !== lead.id,
      ),
    };
    rows.push(row);
    if (model.key && !byKey.has(model.key)) byKey.set(model.key, row);
  }
  for (const row of rows) {
    if (!row.source) continue;
    if ('id' in row.source) {
      const source = existingSources.get(row.source.id);
      if (!source)
        errors.add(MODEL_SHEET, row.row, header('replicatedFrom'), `Không có mô hình số ${row.source.id}`);
      else if (source.startedOn > row.startedOn) {
        errors.add(MODEL_SHEET, row.row, header('replicatedFrom'), 'Mô hình gốc bắt đầu sau mô hình này');
      }
      continue;
    }
    const seen = new Set<string>([row.key ?? '']);
    let source = byKey.get(row.source.key);
    if (!source) {
      errors.add(
        MODEL_SHEET,
        row.row,
        header('replicatedFrom'),
        `Không có mô hình mã "${row.source.key}" trong tệp`,
      );
      continue;
    }
    if (source.startedOn > row.startedOn) {
      errors.add(
        MODEL_SHEET,
        row.row,
        header('replicatedFrom'),
        `Mô hình gốc (dòng ${source.row}) bắt đầu sau mô hình này`,
      );
    }
    while (source?.source && 'key' in source.source) {
      if (seen.has(source.key ?? '')) {
        errors.add(
          MODEL_SHEET,
          row.row,
          header('replicatedFrom'),
          'Các mô hình nhân rộng lẫn nhau thành vòng',
        );
        break;
      }
      seen.add(source.key ?? '');
      source = byKey.get(source.source.key);
    }
  }
  checked(sheet.rows.length, sheet.rows.length);

  const valid = sheet.rows.length - errors.rowsWithErrors(MODEL_SHEET);
  const result = (created: number): ImportResult => ({
    dryRun: options.dryRun,
    committed: created > 0,
    sheets: [{ sheet: MODEL_SHEET, rows: sheet.rows.length, valid, created }],
    ...errors.summary(),
  });
  if (errors.count > 0 || options.dryRun || rows.length === 0) return result(0);

  const written = phaseReporter(progress, 'write');
  await inTransaction(db, async (tx) => {
    const inserted = await repo.insertModels(
      tx,
      rows.map((row) => ({
        name: cleanText(row.name)!,
        searchName: normalizeForSearch(row.name),
        kindId: row.kind.id,
        leadUnitId: row.lead.id,
        provinceCode: row.lead.provinceCode,
        startedOn: row.startedOn,
        exemplary: row.exemplaryYear !== null,
        exemplaryYear: row.exemplaryYear,
        exemplaryDecision: row.exemplaryDecision,
        cameraPoints: row.kind.isCamera ? row.cameraPoints : null,
        cameras: row.kind.isCamera ? row.cameras : null,
        replicatedFromId: row.source && 'id' in row.source ? row.source.id : null,
        notes: row.notes,
        createdBy: actor.userId,
      })),
    );
    written(1, 3);
    const idByKey = new Map<string, number>();
    rows.forEach((row, index) => {
      if (row.key) idByKey.set(row.key, inserted[index]!.id);
    });
    await repo.insertModelUnits(
      tx,
      rows.flatMap((row, index) => [
        {
          modelId: inserted[index]!.id,
          unitId: row.lead.id,
          lead: true,
          provinceCode: row.lead.provinceCode,
        },
        ...row.partners.map((partner) => ({
          modelId: inserted[index]!.id,
          unitId: partner.id,
          lead: false,
          provinceCode: partner.provinceCode,
        })),
      ]),
    );
    await repo.insertStatusChanges(
      tx,
      rows.map((row, index) => ({
        modelId: inserted[index]!.id,
        unitId: row.lead.id,
        provinceCode: row.lead.provinceCode,
        status: 'active',
        effectiveOn: row.startedOn,
        note: null,
      })),
    );
    for (const [index, row] of rows.entries()) {
      if (row.source && 'key' in row.source) {
        inserted[index] = await repo.updateModel(tx, inserted[index]!.id, {
          replicatedFromId: idByKey.get(row.source.key)!,
        });
      }
    }
    written(2, 3);
    await recordAuditBatch(
      tx,
      actor,
      inserted.map(
        (model, index): AuditInput => ({
          action: 'model.imported',
          entityType: 'model',
          entityId: model.id,
          unitId: model.leadUnitId,
          provinceCode: model.provinceCode,
          after: {
            name: model.name,
            kindId: model.kindId,
            leadUnitId: model.leadUnitId,
            partnerUnitIds: rows[index]!.partners.map((partner) => partner.id),
            startedOn: model.startedOn,
            exemplary: model.exemplary,
            exemplaryYear: model.exemplaryYear,
            cameraPoints: model.cameraPoints,
            cameras: model.cameras,
            replicatedFromId: model.replicatedFromId,
            notes: model.notes,
          },
        }),
      ),
    );
    written(3, 3);
  });
  return result(rows.length);
}
