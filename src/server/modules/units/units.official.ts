/**
 * Turns the official unit lists of shared/data into a plan of units, dated versions and lineage links.
 *
 * Identity rule: a province or commune keeps its identity across 01/07/2025 only when it came through unchanged —
 * its one and only successor is the unit with the same code, taking all of it, and that successor has no other
 * predecessor. Every other new unit is a new identity that starts on 01/07/2025, linked to its predecessors;
 * the old ones end on 30/06/2025 and keep their records. Districts all end on 30/06/2025.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tidyName } from '../../../domain/text.js';
import {
  classifyLineage,
  dayBefore,
  LAST_DAY_BEFORE_REFORM_2025,
  type LineageChange,
  type LineageRelation,
  REFORM_2025_DATE,
  type UnitKind,
} from '../../../domain/units.js';
import { parseCsv } from '../../lib/csv.js';

export const OFFICIAL_FILES = {
  pre2025: 'vn-units-pre2025.csv',
  current: 'vn-units-2025.csv',
  changes: 'vn-units-2025-changes.csv',
  lineage: 'vn-units-2025-lineage.csv',
} as const;

/** The resolution that merged the provinces; the commune resolutions differ by province and are not in the files. */
const PROVINCE_REFORM_BASIS = 'Nghị quyết 202/2025/QH15';

export interface PlannedVersion {
  validFrom: string | null;
  validTo: string | null;
  name: string;
  typeName: string;
  fullName: string;
  typeCode: string | null;
  nameEn: string | null;
  parentKey: string | null;
  legalBasis: string | null;
}

export interface PlannedUnit {
  key: string;
  code: string;
  kind: UnitKind;
  validFrom: string | null;
  validTo: string | null;
  provinceCode: string;
  versions: PlannedVersion[];
}

export interface PlannedLineage {
  predecessorKey: string;
  successorKey: string;
  effectiveDate: string;
  relation: LineageRelation;
  change: LineageChange;
  note: string | null;
  legalBasis: string | null;
}

export interface OfficialUnitsPlan {
  units: PlannedUnit[];
  lineage: PlannedLineage[];
}

export function unitKey(kind: string, code: string, validFrom: string | null): string {
  return `${kind}:${code}:${validFrom ?? ''}`;
}

type Row = Record<string, string>;

/** Type codes of the current list, for the versions rebuilt from the changes file (which has no type_en). */
const TYPE_CODES: Record<string, string> = {
  Tỉnh: 'province',
  'Thành phố': 'municipality',
  Xã: 'commune',
  Phường: 'ward',
};

export function readOfficialFiles(dir: string): Record<keyof typeof OFFICIAL_FILES, Row[]> {
  const read = (name: string) => parseCsv(readFileSync(path.join(dir, name), 'utf8'));
  return {
    pre2025: read(OFFICIAL_FILES.pre2025),
    current: read(OFFICIAL_FILES.current),
    changes: read(OFFICIAL_FILES.changes),
    lineage: read(OFFICIAL_FILES.lineage),
  };
}

function field(row: Row, name: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`Thiếu cột "${name}" trong tệp danh mục đơn vị hành chính`);
  return value;
}

function versionFromRow(
  row: Row,
  parentKey: string | null,
  from: string | null,
  to: string | null,
): PlannedVersion {
  return {
    validFrom: from,
    validTo: to,
    name: tidyName(field(row, 'name')),
    typeName: tidyName(field(row, 'type')),
    fullName: tidyName(field(row, 'full_name')),
    typeCode: field(row, 'type_en') || null,
    nameEn: field(row, 'name_en') || null,
    parentKey,
    legalBasis: null,
  };
}

const sameVersionContent = (a: PlannedVersion, b: PlannedVersion) =>
  a.name === b.name && a.typeName === b.typeName && a.fullName === b.fullName && a.parentKey === b.parentKey;

/** Joins consecutive versions that differ in nothing but dates. */
function coalesceVersions(versions: PlannedVersion[]): PlannedVersion[] {
  const result: PlannedVersion[] = [];
  for (const version of versions) {
    const previous = result.at(-1);
    if (previous && sameVersionContent(previous, version)) {
      previous.validTo = version.validTo;
    } else {
      result.push({ ...version });
    }
  }
  return result;
}

export function planOfficialUnits(files: Record<keyof typeof OFFICIAL_FILES, Row[]>): OfficialUnitsPlan {
  const lineageRows = files.lineage;
  const oldCommuneSuccessors = new Map<string, Row[]>();
  const newCommunePredecessors = new Map<string, Row[]>();
  for (const row of lineageRows) {
    const oldCode = field(row, 'old_commune_code');
    const newCode = field(row, 'new_commune_code');
    if (oldCode) oldCommuneSuccessors.set(oldCode, [...(oldCommuneSuccessors.get(oldCode) ?? []), row]);
    newCommunePredecessors.set(newCode, [...(newCommunePredecessors.get(newCode) ?? []), row]);
  }

  // Provinces were merged whole: each old province has exactly one new province.
  const newProvinceOfOld = new Map<string, string>();
  const oldProvincesOfNew = new Map<string, Set<string>>();
  for (const row of lineageRows) {
    const oldProvince = field(row, 'old_province_code');
    const newProvince = field(row, 'new_province_code');
    newProvinceOfOld.set(oldProvince, newProvince);
    oldProvincesOfNew.set(newProvince, (oldProvincesOfNew.get(newProvince) ?? new Set()).add(oldProvince));
  }

  const provinceContinues = (newCode: string) => {
    const olds = oldProvincesOfNew.get(newCode);
    return olds !== undefined && olds.size === 1 && olds.has(newCode);
  };
  const communeContinues = (newCode: string) => {
    const predecessors = newCommunePredecessors.get(newCode) ?? [];
    const only = predecessors[0];
    if (predecessors.length !== 1 || !only) return false;
    if (field(only, 'old_commune_code') !== newCode || field(only, 'relation') !== 'whole') return false;
    return (oldCommuneSuccessors.get(newCode) ?? []).length === 1;
  };

  // Type changes after 01/07/2025, by code: the row's 2025 type holds until the day before it takes effect.
  const changesByCode = new Map<string, Row[]>();
  for (const row of files.changes) {
    const code = field(row, 'code');
    changesByCode.set(code, [...(changesByCode.get(code) ?? []), row]);
  }

  const units = new Map<string, PlannedUnit>();
  const preByCode = new Map<string, Row>();
  for (const row of files.pre2025) preByCode.set(`${field(row, 'level')}:${field(row, 'code')}`, row);

  const currentKeyOf = new Map<string, string>();
  const preKeyOf = new Map<string, string>();

  // Pre-2025 units: provinces, districts, communes as they stood on 30/06/2025.
  for (const level of ['province', 'district', 'commune'] as const) {
    for (const row of files.pre2025.filter((candidate) => field(candidate, 'level') === level)) {
      const code = field(row, 'code');
      const continues =
        level === 'province' ? provinceContinues(code) : level === 'commune' ? communeContinues(code) : false;
      const key = unitKey(level, code, null);
      const parentCode = field(row, 'parent_code');
      const parentKey = parentCode
        ? (preKeyOf.get(`${level === 'district' ? 'province' : 'district'}:${parentCode}`) ?? null)
        : null;
      if (parentCode && !parentKey)
        throw new Error(`Đơn vị ${code}: không tìm thấy đơn vị cấp trên ${parentCode}`);
      const provinceCode =
        level === 'province'
          ? code
          : level === 'district'
            ? parentCode
            : field(preByCode.get(`district:${parentCode}`) ?? {}, 'parent_code');
      units.set(key, {
        key,
        code,
        kind: level,
        validFrom: null,
        validTo: continues ? null : LAST_DAY_BEFORE_REFORM_2025,
        provinceCode,
        versions: [versionFromRow(row, parentKey, null, LAST_DAY_BEFORE_REFORM_2025)],
      });
      preKeyOf.set(`${level}:${code}`, key);
      if (continues) currentKeyOf.set(`${level}:${code}`, key);
    }
  }

  // Current units: continuing ones get their post-reform versions, new ones start on 01/07/2025.
  for (const level of ['province', 'commune'] as const) {
    for (const row of files.current.filter((candidate) => field(candidate, 'level') === level)) {
      const code = field(row, 'code');
      const parentCode = field(row, 'parent_code');
      const parentKey = parentCode ? (currentKeyOf.get(`province:${parentCode}`) ?? null) : null;
      if (parentCode && !parentKey) throw new Error(`Đơn vị ${code}: không tìm thấy tỉnh ${parentCode}`);
      const existingKey = currentKeyOf.get(`${level}:${code}`);
      const unit: PlannedUnit = existingKey
        ? units.get(existingKey)!
        : {
            key: unitKey(level, code, REFORM_2025_DATE),
            code,
            kind: level,
            validFrom: REFORM_2025_DATE,
            validTo: null,
            provinceCode: level === 'province' ? code : parentCode,
            versions: [],
          };
      unit.provinceCode = level === 'province' ? code : parentCode;
      const changes = (changesByCode.get(code) ?? []).sort((a, b) =>
        field(a, 'effective_date').localeCompare(field(b, 'effective_date')),
      );
      let from = REFORM_2025_DATE;
      for (const change of changes) {
        const effective = field(change, 'effective_date');
        const before = versionFromRow(row, parentKey, from, dayBefore(effective));
        before.typeName = tidyName(field(change, 'type_2025_07_01'));
        before.fullName = tidyName(field(change, 'full_name_2025_07_01'));
        before.typeCode = TYPE_CODES[before.typeName] ?? null;
        unit.versions.push(before);
        from = effective;
      }
      const latest = versionFromRow(row, parentKey, from, null);
      const lastChange = changes.at(-1);
      if (lastChange) latest.legalBasis = `Nghị quyết ${field(lastChange, 'legal_basis')}`;
      unit.versions.push(latest);
      unit.versions = coalesceVersions(unit.versions);
      units.set(unit.key, unit);
      currentKeyOf.set(`${level}:${code}`, unit.key);
    }
  }

  const lineage: PlannedLineage[] = [];
  // Provinces: every old province whose identity ended went whole into one new province.
  for (const [oldCode, newCode] of newProvinceOfOld) {
    const predecessorKey = preKeyOf.get(`province:${oldCode}`);
    const successorKey = currentKeyOf.get(`province:${newCode}`);
    if (!predecessorKey || !successorKey || predecessorKey === successorKey) continue;
    lineage.push({
      predecessorKey,
      successorKey,
      effectiveDate: REFORM_2025_DATE,
      relation: 'whole',
      change: classifyLineage(1, oldProvincesOfNew.get(newCode)?.size ?? 1),
      note: null,
      legalBasis: PROVINCE_REFORM_BASIS,
    });
  }
  // Communes (and the six rows that name only an old district: island districts, a coastal alluvial area).
  for (const row of lineageRows) {
    const oldCode = field(row, 'old_commune_code');
    const newCode = field(row, 'new_commune_code');
    const predecessorKey = oldCode
      ? preKeyOf.get(`commune:${oldCode}`)
      : preKeyOf.get(`district:${field(row, 'old_district_code')}`);
    const successorKey = currentKeyOf.get(`commune:${newCode}`);
    if (!predecessorKey || !successorKey) {
      throw new Error(
        `Dòng liên kết ${oldCode || field(row, 'old_district_code')} → ${newCode}: không tìm thấy đơn vị`,
      );
    }
    if (predecessorKey === successorKey) continue;
    const successorsOfOld = oldCode ? (oldCommuneSuccessors.get(oldCode)?.length ?? 1) : 1;
    // A row that names an area of a district ("Khu vực bãi bồi ven biển do huyện Kim Sơn quản lý") rather than a
    // commune took only that area from the district: the district as a whole went elsewhere.
    const areaOfDistrict = oldCode ? '' : tidyName(field(row, 'old_commune_name'));
    const note = field(row, 'note_vi') || null;
    lineage.push({
      predecessorKey,
      successorKey,
      effectiveDate: REFORM_2025_DATE,
      relation: areaOfDistrict || field(row, 'relation') === 'partial' ? 'partial' : 'whole',
      change: classifyLineage(successorsOfOld, newCommunePredecessors.get(newCode)?.length ?? 1),
      note: areaOfDistrict ? [areaOfDistrict, note].filter(Boolean).join(': ') : note,
      legalBasis: null,
    });
  }

  // Parents before children, so that a loader can compute paths in one pass. A commune that came through the
  // reform was planned with the pre-2025 units, before the new provinces it now sits under: order by level.
  const levelOrder: Record<string, number> = { province: 0, district: 1, commune: 2 };
  const ordered = [...units.values()].sort((a, b) => (levelOrder[a.kind] ?? 3) - (levelOrder[b.kind] ?? 3));
  return { units: ordered, lineage };
}
