/**
 * Use cases of the units module: load the official hierarchy, browse it at any date, add local units below a
 * commune (villages, agencies, enterprises, schools), and follow the lineage of mergers and splits.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { ListResult } from '../../../contracts/common.js';
import type { LineageLink, UnitDetail, UnitListQuery, UnitSummary } from '../../../contracts/units.js';
import { formatDateVi, isIsoDate, todayInVietnam } from '../../../domain/dates.js';
import { conflict, invalid, notFound } from '../../../domain/errors.js';
import { normalizeForSearch, tidyName } from '../../../domain/text.js';
import {
  idsInPath,
  LOCAL_UNIT_KINDS,
  splitByParentPaths,
  UNIT_KIND_LABELS,
  type UnitKind,
  type UnitSource,
} from '../../../domain/units.js';
import type { Database } from '../../db/client.js';
import { NATIONAL_SCOPE, type Scope } from '../../db/scope.js';
import { inTransaction } from '../../db/transaction.js';
import { systemSettings } from '../system/system.table.js';
import { OFFICIAL_FILES, planOfficialUnits, readOfficialFiles } from './units.official.js';
import * as repo from './units.repo.js';

export type ProgressReporter = (phase: string, done: number, total: number) => void;

const OFFICIAL_UNITS_SETTING = 'units.official';
const BATCH = 1000;

function fingerprintOfficialFiles(dir: string): string {
  const hash = createHash('sha256');
  for (const name of Object.values(OFFICIAL_FILES)) hash.update(readFileSync(path.join(dir, name)));
  return hash.digest('hex');
}

export interface ImportOfficialResult {
  skipped: boolean;
  units: number;
  versions: number;
  lineage: number;
}

/**
 * Loads the official lists of shared/data in one transaction. Idempotent: the same files a second time change
 * nothing; changed files update units in place (ids and the records attached to them are kept).
 */
export async function importOfficialUnits(
  db: Database,
  dataDir: string,
  options: { force?: boolean; onProgress?: ProgressReporter } = {},
): Promise<ImportOfficialResult> {
  const progress = options.onProgress ?? (() => {});
  const fingerprint = fingerprintOfficialFiles(dataDir);
  const [loaded] = await db
    .select()
    .from(systemSettings)
    .where(eq(systemSettings.key, OFFICIAL_UNITS_SETTING));
  if (
    !options.force &&
    (loaded?.value as { fingerprint?: string } | undefined)?.fingerprint === fingerprint
  ) {
    return { skipped: true, units: 0, versions: 0, lineage: 0 };
  }
  const plan = planOfficialUnits(readOfficialFiles(dataDir));
  const versionCount = plan.units.reduce((sum, unit) => sum + unit.versions.length, 0);
  const total = plan.units.length + versionCount + plan.lineage.length;
  let done = 0;
  const step = (phase: string, count: number) => {
    done += count;
    progress(phase, Math.min(total, Math.round(done)), total);
  };

  await inTransaction(db, async (tx) => {
    const idOf = new Map<string, number>();
    for (let start = 0; start < plan.units.length; start += BATCH) {
      const batch = plan.units.slice(start, start + BATCH);
      const ids = await repo.upsertUnits(
        tx,
        batch.map((unit) => ({ ...unit, source: 'official' })),
      );
      batch.forEach((unit, index) => {
        idOf.set(unit.key, ids[index]!);
      });
      step('Đơn vị', batch.length);
    }

    // Paths need the parent's paths first: the plan lists provinces, then districts, then communes.
    const pathsOf = new Map<string, repo.VersionInsert[]>();
    const versions: repo.VersionInsert[] = [];
    for (const unit of plan.units) {
      const unitId = idOf.get(unit.key)!;
      const own: repo.VersionInsert[] = [];
      for (const version of unit.versions) {
        const base = {
          unitId,
          name: version.name,
          typeName: version.typeName,
          fullName: version.fullName,
          typeCode: version.typeCode,
          nameEn: version.nameEn,
          parentId: version.parentKey ? idOf.get(version.parentKey)! : null,
          searchName: normalizeForSearch(version.fullName),
          legalBasis: version.legalBasis,
          validFrom: version.validFrom,
          validTo: version.validTo,
        };
        if (!version.parentKey) {
          own.push({ ...base, path: `/${unitId}/`, depth: 0 });
          continue;
        }
        const pieces = splitByParentPaths(base, pathsOf.get(version.parentKey) ?? [], unitId);
        // A version (or part of one) that finds no parent path would silently vanish from the hierarchy.
        if (pieces[0]?.validFrom !== base.validFrom || pieces.at(-1)?.validTo !== base.validTo) {
          throw new Error(`Đơn vị ${unit.key}: cấp trên ${version.parentKey} chưa có đường dẫn vào ngày đó`);
        }
        for (const piece of pieces) own.push({ ...piece, depth: idsInPath(piece.path).length - 1 });
      }
      pathsOf.set(unit.key, own);
      versions.push(...own);
    }
    const officialIds = [...idOf.values()];
    for (let start = 0; start < officialIds.length; start += 5000) {
      await repo.deleteVersionsOf(tx, officialIds.slice(start, start + 5000));
    }
    // Versions cut at their parents' path changes outnumber the planned ones: scale so progress ends at 100%.
    const versionScale = versionCount / Math.max(1, versions.length);
    for (let start = 0; start < versions.length; start += BATCH) {
      const batch = versions.slice(start, start + BATCH);
      await repo.insertVersions(tx, batch);
      step('Phiên bản tên, cấp trên', batch.length * versionScale);
    }
    const lineage = plan.lineage.map((link) => ({
      ...link,
      predecessorId: idOf.get(link.predecessorKey)!,
      successorId: idOf.get(link.successorKey)!,
    }));
    for (let start = 0; start < lineage.length; start += BATCH) {
      const batch = lineage.slice(start, start + BATCH);
      await repo.upsertLineage(tx, batch);
      step('Liên kết sáp nhập, chia tách', batch.length);
    }
    await rebuildLocalPaths(tx);
    const value = { fingerprint, loadedAt: new Date().toISOString(), units: plan.units.length };
    await tx
      .insert(systemSettings)
      .values({ key: OFFICIAL_UNITS_SETTING, value })
      .onConflictDoUpdate({ target: systemSettings.key, set: { value, updatedAt: new Date() } });
  });
  return { skipped: false, units: plan.units.length, versions: versionCount, lineage: plan.lineage.length };
}

/**
 * Local units (villages, agencies…) hang under communes whose paths may have changed with a re-import: recompute
 * their paths from their parents, shallowest first.
 */
async function rebuildLocalPaths(db: Database): Promise<void> {
  const { rows } = await repo.listLocalVersions(db);
  for (const row of rows) {
    const parentPaths = await repo.listPathIntervals(db, row.parentId);
    const pieces = splitByParentPaths(
      { validFrom: row.validFrom, validTo: row.validTo },
      parentPaths,
      row.unitId,
    );
    if (pieces.length === 1 && pieces[0]!.path === row.path) continue;
    await repo.replaceVersion(db, row.id, pieces);
  }
}

// ---- reading -------------------------------------------------------------------------------------------------

function toSummary(row: repo.UnitRow): UnitSummary {
  const { path: _path, ...summary } = row;
  return summary;
}

export async function listUnits(
  db: Database,
  query: UnitListQuery,
  scope: Scope = NATIONAL_SCOPE,
  options: { rootsOnly?: boolean } = {},
): Promise<ListResult<UnitSummary>> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const asOf = query.asOf ?? todayInVietnam();
  const search = query.q === undefined ? undefined : normalizeForSearch(query.q);
  if (query.q !== undefined && !search) {
    throw invalid('units.search_empty', 'Từ khóa tìm kiếm phải có ít nhất một chữ hoặc số', 'q');
  }
  if (query.parent !== undefined) await requireUnit(db, query.parent, asOf, scope);
  const { rows, total } = await repo.listUnits(db, {
    asOf,
    scope,
    rootsOnly: options.rootsOnly,
    kind: query.kind,
    parentId: query.parent,
    search,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  // An empty list still has one (empty) page; any page after the last is a mistake worth saying so.
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  if (page > lastPage) {
    throw invalid('page.out_of_range', `Trang ${page} vượt quá số trang hiện có (${lastPage})`, 'page');
  }
  return { items: rows.map(toSummary), total, page, pageSize };
}

export async function listChildren(
  db: Database,
  id: number,
  query: {
    asOf?: string | undefined;
    kind?: UnitKind | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  },
  scope: Scope = NATIONAL_SCOPE,
): Promise<ListResult<UnitSummary>> {
  return listUnits(db, { ...query, parent: id, pageSize: query.pageSize ?? 500 }, scope);
}

/** The top of what a user may browse on a date: the provinces for national users, else their own unit(s). */
export async function listRoots(
  db: Database,
  query: { asOf?: string | undefined; page?: number | undefined; pageSize?: number | undefined },
  scope: Scope,
): Promise<ListResult<UnitSummary>> {
  return listUnits(db, { ...query, pageSize: query.pageSize ?? 100 }, scope, { rootsOnly: true });
}

/** Out of scope is "not found": a user must not learn that a unit they may not see exists. */
async function requireUnit(db: Database, id: number, asOf: string, scope: Scope = NATIONAL_SCOPE) {
  const row = await repo.findUnitVersion(db, id, asOf);
  if (!row || !(await repo.isInScope(db, scope, id))) {
    throw notFound('units.not_found', `Không tìm thấy đơn vị có mã định danh ${id}`);
  }
  return row;
}

export async function getUnit(
  db: Database,
  id: number,
  asOfInput?: string,
  scope: Scope = NATIONAL_SCOPE,
): Promise<UnitDetail> {
  const asOf = asOfInput ?? todayInVietnam();
  const row = await requireUnit(db, id, asOf, scope);
  const ancestorIds = idsInPath(row.path).slice(0, -1);
  const [ancestorRefs, childCounts, versions, predecessors, successors] = await Promise.all([
    repo.findRefsOn(db, ancestorIds, row.versionDate),
    repo.countChildrenByKind(db, id, asOf),
    repo.listVersions(db, id),
    repo.listLineage(db, id, 'predecessors'),
    repo.listLineage(db, id, 'successors'),
  ]);
  const byId = new Map(ancestorRefs.map((ref) => [ref.id, ref]));
  const toLink = (link: repo.LineageRow): LineageLink => ({
    unit: { id: link.id, code: link.code, kind: link.kind, fullName: link.fullName },
    parentName: link.parentName,
    effectiveDate: link.effectiveDate,
    relation: link.relation,
    change: link.change,
    note: link.note,
    legalBasis: link.legalBasis,
  });
  const { versionDate, ...summary } = row;
  return {
    ...toSummary(summary),
    asOf,
    existsOnDate: versionDate === asOf,
    ancestors: ancestorIds.map((ancestorId) => byId.get(ancestorId)).filter((ref) => ref !== undefined),
    childCounts,
    versions: versions.map((version) => ({
      validFrom: version.validFrom,
      validTo: version.validTo,
      name: version.name,
      typeName: version.typeName,
      fullName: version.fullName,
      parent:
        version.parentId === null
          ? null
          : {
              id: version.parentId,
              code: version.parentCode!,
              kind: version.parentKind!,
              fullName: version.parentName ?? version.parentCode!,
            },
      legalBasis: version.legalBasis,
    })),
    predecessors: predecessors.map(toLink),
    successors: successors.map(toLink),
  };
}

// ---- local units ---------------------------------------------------------------------------------------------

export interface NewLocalUnit {
  kind: UnitKind;
  code?: string | undefined;
  name: string;
  typeName: string;
  parentId: number;
  validFrom: string | null;
  source: UnitSource;
}

/** What a local unit may hang under: villages belong to communes, the others to a commune or a province. */
const PARENT_KINDS: Partial<Record<UnitKind, readonly UnitKind[]>> = {
  residential_area: ['commune', 'residential_area'],
  agency: ['province', 'commune', 'residential_area', 'agency'],
  enterprise: ['province', 'commune', 'residential_area', 'enterprise'],
  school: ['province', 'commune', 'residential_area'],
};

/**
 * Adds a unit below a commune (or below another local unit). Its path follows the parent's history: a village
 * under a commune that moved from its district to its province on 01/07/2025 gets one version for each side.
 * A unit with an unknown start (`validFrom` null) starts with its parent; one whose parent has ended ends with it.
 */
export async function addLocalUnit(db: Database, input: NewLocalUnit): Promise<number> {
  if (!LOCAL_UNIT_KINDS.includes(input.kind)) {
    throw invalid(
      'units.kind_not_local',
      'Chỉ thêm được khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục',
      'kind',
    );
  }
  const name = tidyName(input.name);
  const typeName = tidyName(input.typeName);
  if (!name) throw invalid('units.name_required', 'Tên đơn vị không được để trống', 'name');
  if (!typeName)
    throw invalid('units.type_required', 'Loại đơn vị (thôn, tổ dân phố…) không được để trống', 'typeName');
  if (input.validFrom !== null && !isIsoDate(input.validFrom)) {
    throw invalid(
      'units.valid_from_invalid',
      'Ngày bắt đầu phải là một ngày hợp lệ dạng YYYY-MM-DD',
      'validFrom',
    );
  }
  return inTransaction(db, async (tx) => {
    const parentPaths = await repo.listPathIntervals(tx, input.parentId);
    const parent = await repo.findUnitVersion(tx, input.parentId, input.validFrom ?? todayInVietnam());
    if (!parent || parentPaths.length === 0) {
      throw invalid('units.parent_not_found', 'Không tìm thấy đơn vị cấp trên', 'parentId');
    }
    if (!PARENT_KINDS[input.kind]?.includes(parent.kind)) {
      throw invalid(
        'units.parent_kind',
        `Không thể đặt ${UNIT_KIND_LABELS[input.kind].toLowerCase()} trực thuộc ${parent.fullName}`,
        'parentId',
      );
    }
    // The unit id is needed for the paths; the pieces themselves depend only on dates, so check them first.
    const spans = splitByParentPaths({ validFrom: input.validFrom, validTo: null }, parentPaths, 0);
    const first = spans[0];
    if (!first || (input.validFrom !== null && first.validFrom !== input.validFrom)) {
      throw invalid(
        'units.parent_not_valid',
        `${parent.fullName} không tồn tại vào ngày bắt đầu ${formatDateVi(input.validFrom)}`,
        'validFrom',
      );
    }
    const code = input.code?.trim() || `${parent.code}-${input.kind}-${randomUUID().slice(0, 8)}`;
    const fullName = `${typeName} ${name}`;
    const unitId = await repo.insertUnit(tx, {
      code,
      kind: input.kind,
      validFrom: first.validFrom,
      validTo: spans.at(-1)!.validTo,
      provinceCode: (await repo.findLatestProvinceCode(tx, input.parentId)) ?? parent.provinceCode,
      source: input.source,
    });
    if (unitId === undefined) {
      throw conflict('units.code_taken', `Mã ${code} đã được dùng cho một đơn vị cùng loại`, 'code');
    }
    const pieces = splitByParentPaths({ validFrom: input.validFrom, validTo: null }, parentPaths, unitId);
    await repo.insertVersions(
      tx,
      pieces.map((piece) => ({
        unitId,
        validFrom: piece.validFrom,
        validTo: piece.validTo,
        name,
        typeName,
        fullName,
        typeCode: null,
        nameEn: null,
        parentId: input.parentId,
        path: piece.path,
        depth: idsInPath(piece.path).length - 1,
        searchName: normalizeForSearch(fullName),
        legalBasis: null,
      })),
    );
    return unitId;
  });
}
