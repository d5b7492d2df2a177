/**
 * Use cases of reports: the indicator catalogue, templates (built-in ones seeded at start-up and read-only; users
 * with `reports.templates` copy and edit their own), running a template for a unit and a period (`runReport`, the
 * one result that the screen and every export show), and the drill-down to the records behind a number.
 */

import type { SummaryResponse } from '../../../contracts/registry.js';
import type {
  CopyTemplateBody,
  DrillDownQuery,
  DrillDownResponse,
  IndicatorCatalogue,
  ReportLine,
  ReportRun,
  ReportSection,
  ReportTemplate,
  ReportTemplateBody,
  RunReportRequest,
  TemplateSection,
} from '../../../contracts/reports.js';
import type { UnitRef } from '../../../contracts/units.js';
import { formatDateVi, isIsoDate, todayInVietnam } from '../../../domain/dates.js';
import { AppError, invalid, notFound } from '../../../domain/errors.js';
import {
  ALL_INDICATORS,
  columnKey,
  type DimensionValue,
  findIndicator,
  HIERARCHY_BASIS_LABELS,
  type HierarchyBasis,
  type IndicatorDefinition,
  sharePercent,
} from '../../../domain/indicators.js';
import {
  BUILT_IN_TEMPLATES,
  type ComparisonCode,
  changeOf,
  comparisonPeriod,
  describePeriod,
  issuingBodyFor,
  narrativeSentence,
} from '../../../domain/reports.js';
import { hasPermission } from '../../../domain/roles.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import { cellUnits, rollup } from '../../reporting/rollup.js';
import { ALL_INDICATOR_SOURCES } from '../../reporting/sources.js';
import { recordAudit } from '../audit/audit.service.js';
import { findRefsOn } from '../units/units.repo.js';
import * as repo from './reports.repo.js';

const templateNotFound = () => notFound('reports.template_not_found', 'Không tìm thấy mẫu báo cáo');

/** Indicators a report can show: those with a fact source, and shares of them. */
function reportable(definition: IndicatorDefinition): boolean {
  if (definition.share) return true;
  return ALL_INDICATOR_SOURCES[definition.code] !== undefined;
}

// ---- catalogue ----------------------------------------------------------------------------------------------------

export async function indicatorCatalogue(db: Database): Promise<IndicatorCatalogue> {
  const dynamic = await repo.dynamicDimensionValues(db);
  return {
    items: ALL_INDICATORS.filter(reportable).map((definition) => ({
      code: definition.code,
      name: definition.name,
      unitOfMeasure: definition.unitOfMeasure,
      aggregation: definition.aggregation,
      description: definition.description ?? null,
      dimension: definition.dimension
        ? {
            code: definition.dimension.code,
            name: definition.dimension.name,
            values: [...(definition.dimension.values ?? dynamic[definition.dimension.code] ?? [])],
          }
        : null,
      drillable: repo.DRILL_DEFINITIONS[definition.code] !== undefined,
    })),
  };
}

// ---- templates ----------------------------------------------------------------------------------------------------

/** JSON with object keys sorted (jsonb does not keep the order keys were written in). */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, item) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  );
}

/** Seeds the built-in templates, and keeps them equal to the code (they are read-only to users). Idempotent. */
export async function ensureBuiltInTemplates(db: Database): Promise<number> {
  let changed = 0;
  for (const template of BUILT_IN_TEMPLATES) {
    const existing = await repo.findByCode(db, template.code);
    const values = {
      title: template.title,
      description: template.description,
      periodKind: template.periodKind,
      comparison: template.comparison,
      sections: template.sections as TemplateSection[],
    };
    if (!existing) {
      await repo.insertTemplate(db, { code: template.code, builtIn: true, ...values });
      changed += 1;
    } else if (
      existing.builtIn &&
      stable({ ...values, description: existing.description }) !==
        stable({
          title: existing.title,
          description: existing.description,
          periodKind: existing.periodKind,
          comparison: existing.comparison,
          sections: existing.sections,
        })
    ) {
      await repo.updateTemplate(db, existing.id, values);
      changed += 1;
    }
  }
  return changed;
}

async function templateView(db: Database, row: repo.TemplateRecord): Promise<ReportTemplate> {
  let ownerUnit: UnitRef | null = null;
  if (row.ownerUnitId !== null) {
    const refs = await findRefsOn(db, [row.ownerUnitId], todayInVietnam());
    ownerUnit = refs[0] ?? null;
  }
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    periodKind: row.periodKind as ReportTemplate['periodKind'],
    comparison: row.comparison as ReportTemplate['comparison'],
    sections: row.sections,
    builtIn: row.builtIn,
    ownerUnit,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export async function listTemplates(db: Database, actor: Actor): Promise<{ items: ReportTemplate[] }> {
  const rows = await repo.listTemplates(db, actor.scope);
  return { items: await Promise.all(rows.map((row) => templateView(db, row))) };
}

export async function getTemplate(db: Database, actor: Actor, id: number): Promise<ReportTemplate> {
  const row = await repo.findTemplate(db, actor.scope, id);
  if (!row) throw templateNotFound();
  return templateView(db, row);
}

/** Checks every row against the catalogue; the field names the row at fault, e.g. `sections[1].rows[2].indicator`. */
async function checkBody(db: Database, body: ReportTemplateBody): Promise<ReportTemplateBody> {
  const title = body.title.trim();
  if (!title) throw invalid('reports.title_required', 'Nhập tên mẫu báo cáo', 'title');
  const dynamic = await repo.dynamicDimensionValues(db);
  const sections = body.sections.map((section, i) => {
    const sectionTitle = section.title.trim();
    if (!sectionTitle)
      throw invalid('reports.section_title_required', `Nhập tên phần thứ ${i + 1}`, `sections[${i}].title`);
    if (section.rows.length === 0)
      throw invalid(
        'reports.section_empty',
        `Phần "${sectionTitle}" chưa có chỉ tiêu nào`,
        `sections[${i}].rows`,
      );
    const rows = section.rows.map((row, j) => {
      const field = `sections[${i}].rows[${j}]`;
      const definition = findIndicator(row.indicator);
      if (!definition || !reportable(definition))
        throw invalid(
          'reports.indicator_unknown',
          `Chỉ tiêu "${row.indicator}" không có trong danh mục chỉ tiêu`,
          `${field}.indicator`,
        );
      const value = row.dimensionValue ?? null;
      if (value !== null) {
        const dimension = definition.dimension;
        if (!dimension)
          throw invalid(
            'reports.dimension_not_applicable',
            `Chỉ tiêu "${definition.name}" không chia theo nhóm nên không chọn được giá trị "${value}"`,
            `${field}.dimensionValue`,
          );
        const values: readonly DimensionValue[] = dimension.values ?? dynamic[dimension.code] ?? [];
        if (!values.some((item) => item.key === value))
          throw invalid(
            'reports.dimension_value_unknown',
            `"${value}" không phải là một giá trị của "${dimension.name}"`,
            `${field}.dimensionValue`,
          );
      }
      const label = row.label?.trim();
      return {
        indicator: row.indicator,
        ...(value === null ? {} : { dimensionValue: value }),
        ...(label ? { label } : {}),
      };
    });
    return { title: sectionTitle, layout: section.layout, rows };
  });
  const description = body.description?.trim() || null;
  return { ...body, title, description, sections };
}

const forbiddenBuiltIn = () =>
  new AppError(
    'forbidden',
    'reports.template_built_in',
    'Mẫu báo cáo có sẵn chỉ được xem: hãy sao chép để có bản riêng rồi chỉnh sửa',
  );

function auditView(row: repo.TemplateRecord) {
  return {
    code: row.code,
    title: row.title,
    periodKind: row.periodKind,
    comparison: row.comparison,
    sections: row.sections,
  };
}

export async function createTemplate(
  db: Database,
  actor: Actor,
  body: ReportTemplateBody,
): Promise<ReportTemplate> {
  const checked = await checkBody(db, body);
  const row = await inTransaction(db, async (tx) => {
    const saved = await repo.insertTemplate(tx, {
      code: `user_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`,
      title: checked.title,
      description: checked.description ?? null,
      periodKind: checked.periodKind,
      comparison: checked.comparison,
      sections: checked.sections,
      builtIn: false,
      ownerUnitId: actor.unitId,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'report_template.created',
      entityType: 'report_template',
      entityId: saved.id,
      unitId: saved.ownerUnitId,
      after: auditView(saved),
    });
    return saved;
  });
  return templateView(db, row);
}

export async function updateTemplate(
  db: Database,
  actor: Actor,
  id: number,
  body: ReportTemplateBody,
): Promise<ReportTemplate> {
  const existing = await repo.findTemplate(db, actor.scope, id);
  if (!existing) throw templateNotFound();
  if (existing.builtIn) throw forbiddenBuiltIn();
  const checked = await checkBody(db, body);
  const row = await inTransaction(db, async (tx) => {
    const saved = await repo.updateTemplate(tx, id, {
      title: checked.title,
      description: checked.description ?? null,
      periodKind: checked.periodKind,
      comparison: checked.comparison,
      sections: checked.sections,
    });
    await recordAudit(tx, actor, {
      action: 'report_template.updated',
      entityType: 'report_template',
      entityId: id,
      unitId: saved.ownerUnitId,
      before: auditView(existing),
      after: auditView(saved),
    });
    return saved;
  });
  return templateView(db, row);
}

export async function copyTemplate(
  db: Database,
  actor: Actor,
  id: number,
  body: CopyTemplateBody,
): Promise<ReportTemplate> {
  const source = await repo.findTemplate(db, actor.scope, id);
  if (!source) throw templateNotFound();
  const title = body.title?.trim() || `${source.title} (bản sao)`;
  const row = await inTransaction(db, async (tx) => {
    const saved = await repo.insertTemplate(tx, {
      code: `${source.code}_copy_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`,
      title,
      description: source.description,
      periodKind: source.periodKind,
      comparison: source.comparison,
      sections: source.sections,
      builtIn: false,
      ownerUnitId: actor.unitId,
      copiedFromId: source.id,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'report_template.copied',
      entityType: 'report_template',
      entityId: saved.id,
      unitId: saved.ownerUnitId,
      after: auditView(saved),
      details: { copiedFrom: source.id },
    });
    return saved;
  });
  return templateView(db, row);
}

// ---- running a report ---------------------------------------------------------------------------------------------

function checkPeriod(from: string, to: string): void {
  if (!isIsoDate(from)) throw invalid('reports.from_invalid', 'Ngày đầu kỳ không hợp lệ', 'from');
  if (!isIsoDate(to)) throw invalid('reports.to_invalid', 'Ngày cuối kỳ không hợp lệ', 'to');
  if (from > to)
    throw invalid('reports.period_invalid', 'Ngày đầu kỳ phải trước hoặc bằng ngày cuối kỳ', 'to');
}

function comparisonName(comparison: ComparisonCode, previousFrom: string): string | null {
  if (comparison === 'same_period_last_year') return `cùng kỳ năm ${previousFrom.slice(0, 4)}`;
  if (comparison === 'previous_period') return 'kỳ trước';
  return null;
}

/** A line's value in a table row: the column, or a share computed from two columns. */
function lineValue(values: Record<string, number>, definition: IndicatorDefinition, key: string): number {
  if (definition.share) {
    return sharePercent(values[definition.share.numerator] ?? 0, values[definition.share.denominator] ?? 0);
  }
  return values[key] ?? 0;
}

export async function runReport(db: Database, actor: Actor, request: RunReportRequest): Promise<ReportRun> {
  const template = await repo.findTemplate(db, actor.scope, request.template);
  if (!template) throw templateNotFound();
  checkPeriod(request.from, request.to);
  const basis: HierarchyBasis = request.basis ?? 'as_of';
  const unitId = request.unit ?? actor.unitId;

  // Every indicator any row names, and the inputs of shares; one roll-up per period serves every section.
  const definitions = new Map<string, IndicatorDefinition>();
  const needed = new Map<string, IndicatorDefinition>();
  for (const section of template.sections) {
    for (const row of section.rows) {
      const definition = findIndicator(row.indicator);
      if (!definition || !reportable(definition)) continue;
      definitions.set(definition.code, definition);
      const inputs = definition.share
        ? [definition.share.numerator, definition.share.denominator].map((key) => key.split(':')[0]!)
        : [definition.code];
      for (const code of inputs) {
        const input = findIndicator(code);
        if (input) needed.set(code, input);
      }
    }
  }
  const dynamicValues = await repo.dynamicDimensionValues(db);
  const summaryFor = (from: string, to: string, summaryBasis: HierarchyBasis) =>
    rollup(db, {
      definitions: [...needed.values()],
      sources: ALL_INDICATOR_SOURCES,
      unitId,
      from,
      asOf: to,
      basis: summaryBasis,
      scope: actor.scope,
      dynamicValues,
    });
  const current = await summaryFor(request.from, request.to, basis);

  const notes = [
    `Cách tính: ${HIERARCHY_BASIS_LABELS[basis].toLocaleLowerCase('vi-VN')}. Số liệu tồn (lực lượng, mô hình, đơn vị) tính tại ngày ${formatDateVi(request.to)}; số liệu phát sinh (hoạt động, tin báo, khen thưởng…) cộng trong kỳ.`,
    ...current.notes,
  ];
  const partialRows = current.rows.filter((row) => row.partial);
  if (partialRows.length > 0) {
    notes.push(
      `Số liệu chưa tách được chính xác (đơn vị cũ bị chia cho nhiều đơn vị mới) ở: ${partialRows.map((row) => row.label).join(', ')}.`,
    );
  }

  const comparison = template.comparison as ComparisonCode;
  const compared = comparisonPeriod(request.from, request.to, comparison);
  let previous: SummaryResponse | null = null;
  if (compared && template.sections.some((section) => section.layout === 'indicators')) {
    try {
      previous = await summaryFor(compared.from, compared.to, basis);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'summary.unit_not_on_date') throw error;
      // The unit did not exist yet in the comparison period (formed by the reform): compare on today's units.
      previous = await summaryFor(compared.from, compared.to, 'current');
      notes.push(
        'Đơn vị chưa tồn tại trong kỳ so sánh: số liệu kỳ so sánh được quy đổi về đơn vị hành chính hiện nay.',
      );
    }
  }

  const labelOf = (definition: IndicatorDefinition, value: string | null, label?: string) => {
    if (label) return label;
    if (value === null || !definition.dimension) return definition.name;
    const values = definition.dimension.values ?? dynamicValues[definition.dimension.code] ?? [];
    return `${definition.name}: ${values.find((item) => item.key === value)?.label ?? value}`;
  };

  const sections: ReportSection[] = template.sections.map((section) => {
    const lines: ReportLine[] = [];
    for (const row of section.rows) {
      const definition = definitions.get(row.indicator);
      if (!definition) continue;
      const dimensionValue = row.dimensionValue ?? null;
      const key = columnKey(definition.code, dimensionValue);
      const currentValue = lineValue(current.total, definition, key);
      const previousValue =
        section.layout === 'indicators' && previous ? lineValue(previous.total, definition, key) : null;
      lines.push({
        key,
        indicator: definition.code,
        dimensionValue,
        label: labelOf(definition, dimensionValue, row.label),
        unitOfMeasure: definition.unitOfMeasure,
        current: currentValue,
        previous: previousValue,
        ...changeOf(currentValue, previousValue),
        drillable: repo.DRILL_DEFINITIONS[definition.code] !== undefined && !definition.share,
      });
    }
    if (section.layout === 'indicators') {
      return { title: section.title, layout: section.layout, lines, unitRows: [], total: {} };
    }
    const pick = (values: Record<string, number>) =>
      Object.fromEntries(
        lines.map((line) => [line.key, lineValue(values, definitions.get(line.indicator)!, line.key)]),
      );
    return {
      title: section.title,
      layout: section.layout,
      lines,
      unitRows: current.rows.map((row) => ({
        key: row.key,
        unit: row.unit,
        label: row.label,
        partial: row.partial,
        values: pick(row.values),
      })),
      total: pick(current.total),
    };
  });

  const period = {
    from: request.from,
    to: request.to,
    label: describePeriod(request.from, request.to).label,
  };
  const comparisonPeriodValue = compared
    ? { ...compared, label: describePeriod(compared.from, compared.to).label }
    : null;
  const unitName = current.unit?.fullName ?? 'toàn quốc';
  const narrative = [
    `Trong ${period.label}, phong trào Toàn dân bảo vệ an ninh Tổ quốc trên địa bàn ${unitName} đạt các kết quả chính sau.`,
  ];
  const name = compared && previous ? comparisonName(comparison, compared.from) : null;
  for (const section of sections) {
    if (section.layout !== 'indicators') continue;
    const sentence = narrativeSentence(section.title, section.lines, name);
    if (sentence) narrative.push(sentence);
  }

  return {
    template: { id: template.id, code: template.code, title: template.title },
    unit: current.unit,
    issuingBody: issuingBodyFor(current.unit),
    basis,
    period,
    comparisonPeriod: previous ? comparisonPeriodValue : null,
    generatedAt: new Date().toISOString(),
    sections,
    narrative,
    notes,
  };
}

// ---- drill-down ---------------------------------------------------------------------------------------------------

export async function drillDown(
  db: Database,
  actor: Actor,
  query: DrillDownQuery,
): Promise<DrillDownResponse> {
  const definition = findIndicator(query.indicator);
  const drill = repo.DRILL_DEFINITIONS[query.indicator];
  if (!definition || !drill || definition.share)
    throw invalid(
      'reports.not_drillable',
      'Không liệt kê được hồ sơ của chỉ tiêu này (chỉ tiêu tỷ lệ hoặc không có trong danh mục)',
      'indicator',
    );
  if (!drill.permissions.some((permission) => hasPermission(actor.role, permission)))
    throw new AppError(
      'forbidden',
      'reports.drill_forbidden',
      'Vai trò của bạn không được xem danh sách hồ sơ của chỉ tiêu này (chỉ được xem số liệu tổng hợp)',
    );
  checkPeriod(query.from, query.to);
  const basis = query.basis ?? 'as_of';
  const unitId = query.unit ?? actor.unitId;
  if (unitId === null && !actor.scope.all) throw notFound('units.not_found', 'Không tìm thấy đơn vị');
  const cell = await cellUnits(db, { unitId, asOf: query.to, basis, scope: actor.scope });
  const facts = await repo.drillFacts(db, query.indicator, query.dimensionValue, {
    asOf: query.to,
    from: query.from,
    unitCondition: cell.unitCondition,
  });
  const counted = await cell.countedUnder(facts.map((fact) => fact.unitId));
  const byRecord = new Map<number, number>();
  for (const fact of facts) {
    if (!counted.has(fact.unitId)) continue;
    byRecord.set(fact.recordId, (byRecord.get(fact.recordId) ?? 0) + fact.measure);
  }
  const ids = [...byRecord.keys()].sort((a, b) => b - a);
  const pageSize = query.pageSize ?? 50;
  const page = query.page ?? 1;
  const pageIds = ids.slice((page - 1) * pageSize, page * pageSize);
  const { module, rows } = await repo.lookupRecords(db, query.indicator, pageIds);
  const today = todayInVietnam();
  const unitIds = [...new Set(rows.map((row) => row.unitId).filter((id): id is number => id !== null))];
  const refs = new Map((await repo.unitRefsLatest(db, unitIds, today)).map((ref) => [ref.id, ref]));
  const rowOf = new Map(rows.map((row) => [row.id, row]));
  return {
    total: ids.length,
    items: pageIds.flatMap((id) => {
      const row = rowOf.get(id);
      if (!row) return [];
      return [
        {
          module,
          id,
          label: row.label,
          unit: row.unitId === null ? null : (refs.get(row.unitId) ?? null),
          date: row.date ? row.date.slice(0, 10) : null,
          href: row.href,
          measure: byRecord.get(id) ?? 0,
        },
      ];
    }),
  };
}
