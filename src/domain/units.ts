/**
 * The administrative hierarchy as the movement sees it: provinces, districts (until 30/06/2025), communes, and the
 * units below or beside a commune (residential areas, agencies, enterprises, schools).
 */
import { addDays, type IsoDate, type ValidityInterval } from './dates.js';

export const UNIT_KINDS = [
  'province',
  'district',
  'commune',
  'residential_area',
  'agency',
  'enterprise',
  'school',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  province: 'Tỉnh, thành phố',
  district: 'Quận, huyện, thị xã',
  commune: 'Xã, phường, đặc khu',
  residential_area: 'Khu dân cư',
  agency: 'Cơ quan',
  enterprise: 'Doanh nghiệp',
  school: 'Cơ sở giáo dục',
};

/** Kinds that sit under a commune and are created by users or imports, not by the official lists. */
export const LOCAL_UNIT_KINDS: readonly UnitKind[] = ['residential_area', 'agency', 'enterprise', 'school'];

export const UNIT_SOURCES = ['official', 'user', 'import', 'demo'] as const;
export type UnitSource = (typeof UNIT_SOURCES)[number];

export const LINEAGE_RELATIONS = ['whole', 'partial'] as const;
export type LineageRelation = (typeof LINEAGE_RELATIONS)[number];

/** merge: several went into one; split: one went into several; rename: one became one (name, code or type). */
export const LINEAGE_CHANGES = ['merge', 'split', 'rename'] as const;
export type LineageChange = (typeof LINEAGE_CHANGES)[number];

/** 01/07/2025: districts abolished, 63 provinces became 34, 10,035 communes became 3,321 (Nghị quyết 202/2025/QH15). */
export const REFORM_2025_DATE: IsoDate = '2025-07-01';
export const LAST_DAY_BEFORE_REFORM_2025: IsoDate = '2025-06-30';

/** Path of unit ids from the province down, e.g. "/1/20/345/": `LIKE '/1/%'` selects a subtree. */
export function pathOf(ancestorIds: readonly number[], id: number): string {
  return `/${[...ancestorIds, id].join('/')}/`;
}

export function idsInPath(path: string): number[] {
  return path
    .split('/')
    .filter((part) => part.length > 0)
    .map(Number);
}

/**
 * Classifies a lineage link from the shape of the crosswalk: a predecessor with several successors was split,
 * a successor with several predecessors is a merger, and a one-to-one link is a rename (or a change of code or type).
 */
export function classifyLineage(
  predecessorSuccessorCount: number,
  successorPredecessorCount: number,
): LineageChange {
  if (predecessorSuccessorCount > 1) return 'split';
  if (successorPredecessorCount > 1) return 'merge';
  return 'rename';
}

export interface PathInterval extends ValidityInterval {
  path: string;
}

/**
 * A unit's own versions (name, type, parent) cut again wherever its parent's path changes, so that every
 * resulting piece has one materialised path. Used when a village is added under a commune whose parent moved
 * on 01/07/2025: the village needs one path before and one after.
 */
export function splitByParentPaths<T extends ValidityInterval>(
  version: T,
  parentPaths: readonly PathInterval[],
  unitId: number,
): Array<T & { path: string }> {
  const pieces: Array<T & { path: string }> = [];
  for (const parent of parentPaths) {
    const from = maxDate(version.validFrom, parent.validFrom);
    const to = minDate(version.validTo, parent.validTo);
    if (from !== null && to !== null && from > to) continue;
    const path = `${parent.path}${unitId}/`;
    const previous = pieces.at(-1);
    // A parent renamed or retyped keeps its path: its child needs no cut there.
    if (
      previous &&
      previous.path === path &&
      previous.validTo !== null &&
      from !== null &&
      addDays(previous.validTo, 1) === from
    ) {
      previous.validTo = to;
      continue;
    }
    pieces.push({ ...version, validFrom: from, validTo: to, path });
  }
  return pieces;
}

function maxDate(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

function minDate(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** The day before a date, used to close one version when the next one starts. */
export function dayBefore(date: IsoDate): IsoDate {
  return addDays(date, -1);
}
