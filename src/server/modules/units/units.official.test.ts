import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, isValidOn } from '../../../domain/dates.js';
import { LAST_DAY_BEFORE_REFORM_2025, REFORM_2025_DATE } from '../../../domain/units.js';
import { loadConfig } from '../../config.js';
import {
  type OfficialUnitsPlan,
  type PlannedUnit,
  type PlannedVersion,
  planOfficialUnits,
  readOfficialFiles,
} from './units.official.js';

/** The files in shared/data say how things stood on this day; nothing changed since in the sources compared. */
const STATUS_DATE = '2026-10-09';

let plan: OfficialUnitsPlan;
let byKey: Map<string, PlannedUnit>;

beforeAll(() => {
  plan = planOfficialUnits(readOfficialFiles(loadConfig().sharedDataDir));
  byKey = new Map(plan.units.map((unit) => [unit.key, unit]));
});

function versionOn(unit: PlannedUnit, date: string): PlannedVersion | undefined {
  return unit.versions.find((version) => isValidOn(version, date));
}

function unitsOn(
  date: string,
  kind?: PlannedUnit['kind'],
): Array<{ unit: PlannedUnit; version: PlannedVersion }> {
  return plan.units
    .filter((unit) => kind === undefined || unit.kind === kind)
    .flatMap((unit) => {
      const version = versionOn(unit, date);
      return version ? [{ unit, version }] : [];
    });
}

function parentOf(version: PlannedVersion): PlannedUnit | undefined {
  return version.parentKey ? byKey.get(version.parentKey) : undefined;
}

function countByType(date: string, kind: PlannedUnit['kind']): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { version } of unitsOn(date, kind))
    counts[version.typeName] = (counts[version.typeName] ?? 0) + 1;
  return counts;
}

function only(
  date: string,
  kind: PlannedUnit['kind'],
  code: string,
): { unit: PlannedUnit; version: PlannedVersion } {
  const found = unitsOn(date, kind).filter(({ unit }) => unit.code === code);
  expect(found, `${kind} ${code} on ${date}`).toHaveLength(1);
  return found[0]!;
}

describe('official units plan: the hierarchy on 30/06/2025', () => {
  it('has the 63 provinces, 696 districts and 10,035 communes of the official pre-reform figures', () => {
    expect(unitsOn(LAST_DAY_BEFORE_REFORM_2025, 'province')).toHaveLength(63);
    expect(unitsOn(LAST_DAY_BEFORE_REFORM_2025, 'district')).toHaveLength(696);
    expect(unitsOn(LAST_DAY_BEFORE_REFORM_2025, 'commune')).toHaveLength(10_035);
    expect(countByType(LAST_DAY_BEFORE_REFORM_2025, 'commune')).toEqual({
      Xã: 7692,
      Phường: 1726,
      'Thị trấn': 617,
    });
  });

  it('puts every commune under a district and every district under a province', () => {
    const expected: Record<string, string | undefined> = { district: 'province', commune: 'district' };
    const misplaced = unitsOn(LAST_DAY_BEFORE_REFORM_2025)
      .filter(({ unit, version }) => parentOf(version)?.kind !== expected[unit.kind])
      .map(({ unit }) => unit.key);
    expect(misplaced).toEqual([]);
  });
});

describe('official units plan: the hierarchy since 01/07/2025', () => {
  it('has 34 provinces and 3,321 communes and no district', () => {
    for (const date of [REFORM_2025_DATE, STATUS_DATE]) {
      expect(unitsOn(date, 'province')).toHaveLength(34);
      expect(unitsOn(date, 'commune')).toHaveLength(3321);
      expect(unitsOn(date, 'district')).toHaveLength(0);
    }
  });

  it('counts 2,621 xã, 687 phường, 13 đặc khu on 01/07/2025 and 2,599 / 709 / 13 after the 2026 type changes', () => {
    expect(countByType(REFORM_2025_DATE, 'commune')).toEqual({ Xã: 2621, Phường: 687, 'Đặc khu': 13 });
    expect(countByType(STATUS_DATE, 'commune')).toEqual({ Xã: 2599, Phường: 709, 'Đặc khu': 13 });
    expect(countByType(REFORM_2025_DATE, 'province')).toEqual({ 'Thành phố': 6, Tỉnh: 28 });
    expect(countByType(STATUS_DATE, 'province')).toEqual({ 'Thành phố': 9, Tỉnh: 25 });
  });

  it('names Đồng Nai "Tỉnh" until 29/04/2026 and "Thành phố" from 30/04/2026, as one identity', () => {
    const before = only('2026-04-29', 'province', '75');
    const after = only('2026-04-30', 'province', '75');
    expect(before.version.fullName).toBe('Tỉnh Đồng Nai');
    expect(after.version.fullName).toBe('Thành phố Đồng Nai');
    expect(after.version.legalBasis).toBe('Nghị quyết 30/2026/QH16');
    expect(after.unit).toBe(before.unit);
    // Đồng Nai took in Bình Phước: the merged province is a new identity, the old Tỉnh Đồng Nai ended.
    expect(after.unit.validFrom).toBe(REFORM_2025_DATE);
    expect(only(LAST_DAY_BEFORE_REFORM_2025, 'province', '75').unit).not.toBe(after.unit);
  });

  it('turns 12 Bắc Ninh communes from Xã into Phường on 20/09/2026', () => {
    const typeOf = (date: string) =>
      new Map(
        unitsOn(date, 'commune')
          .filter(({ unit }) => unit.provinceCode === '24')
          .map(({ unit, version }) => [unit.code, version.typeName]),
      );
    const before = typeOf('2026-09-19');
    const after = typeOf('2026-09-20');
    const changed = [...after].filter(([code, type]) => before.get(code) !== type);
    expect(changed).toHaveLength(12);
    for (const [code, type] of changed) {
      expect(type, code).toBe('Phường');
      expect(before.get(code), code).toBe('Xã');
    }
    expect(only('2026-09-20', 'commune', '07294').version.fullName).toBe('Phường Bố Hạ');
    expect(only('2026-09-19', 'commune', '07294').version.fullName).toBe('Xã Bố Hạ');
  });

  it('puts every commune directly under its province', () => {
    const misplaced = unitsOn(REFORM_2025_DATE, 'commune')
      .filter(({ unit, version }) => {
        const parent = parentOf(version);
        return parent?.kind !== 'province' || parent.code !== unit.provinceCode;
      })
      .map(({ unit }) => unit.key);
    expect(misplaced).toEqual([]);
  });
});

describe('official units plan: identities and versions', () => {
  it('gives every unit versions that follow each other without gap or overlap and span its own dates', () => {
    const broken = plan.units
      .filter((unit) => {
        const { versions } = unit;
        if (versions.length === 0) return true;
        if (versions[0]!.validFrom !== unit.validFrom || versions.at(-1)!.validTo !== unit.validTo)
          return true;
        return versions.some(
          (version, index) =>
            index > 0 &&
            (versions[index - 1]!.validTo === null ||
              version.validFrom !== addDays(versions[index - 1]!.validTo!, 1)),
        );
      })
      .map((unit) => unit.key);
    expect(broken).toEqual([]);
  });

  it('gives every version a parent that exists for the whole of it', () => {
    const orphans = plan.units.flatMap((unit) =>
      unit.versions
        .filter((version) => {
          if (!version.parentKey) return false;
          const parent = parentOf(version);
          return (
            !parent ||
            !versionOn(parent, version.validFrom ?? '1900-01-01') ||
            !versionOn(parent, version.validTo ?? STATUS_DATE)
          );
        })
        .map((version) => `${unit.key} → ${version.parentKey}`),
    );
    expect(orphans).toEqual([]);
  });

  it('lists every parent before its children, so that paths can be computed in one pass', () => {
    const seen = new Set<string>();
    const early: string[] = [];
    for (const unit of plan.units) {
      for (const version of unit.versions) {
        if (version.parentKey && !seen.has(version.parentKey))
          early.push(`${unit.key} → ${version.parentKey}`);
      }
      seen.add(unit.key);
    }
    expect(early).toEqual([]);
  });

  it('keeps one identity for a commune that came through unchanged, moving it from its district to its province', () => {
    const before = only(LAST_DAY_BEFORE_REFORM_2025, 'commune', '00859');
    const after = only(REFORM_2025_DATE, 'commune', '00859');
    expect(after.unit).toBe(before.unit);
    expect(after.unit.validFrom).toBeNull();
    expect(after.unit.validTo).toBeNull();
    expect(before.version.fullName).toBe('Xã Ngọc Long');
    expect(after.version.fullName).toBe('Xã Ngọc Long');
    expect(byKey.get(before.version.parentKey!)).toMatchObject({ kind: 'district', code: '028' });
    expect(byKey.get(after.version.parentKey!)).toMatchObject({ kind: 'province', code: '08' });
    expect(plan.lineage.filter((link) => link.successorKey === after.unit.key)).toHaveLength(0);
  });

  it('starts a merged commune as a new identity, even when it reuses a predecessor code', () => {
    const truc = only(LAST_DAY_BEFORE_REFORM_2025, 'commune', '00004');
    const baDinh = only(REFORM_2025_DATE, 'commune', '00004');
    expect(truc.version.fullName).toBe('Phường Trúc Bạch');
    expect(baDinh.version.fullName).toBe('Phường Ba Đình');
    expect(baDinh.unit).not.toBe(truc.unit);
    expect(truc.unit.validTo).toBe(LAST_DAY_BEFORE_REFORM_2025);
    expect(baDinh.unit.validFrom).toBe(REFORM_2025_DATE);
  });

  it('ends every district on 30/06/2025', () => {
    const districts = plan.units.filter((unit) => unit.kind === 'district');
    expect(districts).toHaveLength(696);
    expect(districts.every((unit) => unit.validTo === LAST_DAY_BEFORE_REFORM_2025)).toBe(true);
  });
});

describe('official units plan: lineage', () => {
  it('links predecessors that end on 30/06/2025 to successors that exist on 01/07/2025', () => {
    // 10,571 crosswalk rows less the 132 communes that continue, plus 52 links of the provinces that ended.
    expect(plan.lineage).toHaveLength(10_491);
    const broken = plan.lineage
      .filter((link) => {
        const predecessor = byKey.get(link.predecessorKey);
        const successor = byKey.get(link.successorKey);
        return (
          link.effectiveDate !== REFORM_2025_DATE ||
          predecessor?.validTo !== LAST_DAY_BEFORE_REFORM_2025 ||
          !successor ||
          !versionOn(successor, REFORM_2025_DATE) ||
          successor.kind !== (predecessor.kind === 'province' ? 'province' : 'commune')
        );
      })
      .map((link) => `${link.predecessorKey} → ${link.successorKey}`);
    expect(broken).toEqual([]);
  });

  it('accounts for every pre-reform commune: it either continues or has a successor', () => {
    const withSuccessor = new Set(plan.lineage.map((link) => link.predecessorKey));
    const lost = unitsOn(LAST_DAY_BEFORE_REFORM_2025, 'commune')
      .filter(({ unit }) => unit.validTo !== null && !withSuccessor.has(unit.key))
      .map(({ unit }) => unit.key);
    expect(lost).toEqual([]);
    expect(
      unitsOn(LAST_DAY_BEFORE_REFORM_2025, 'commune').filter(({ unit }) => unit.validTo === null),
    ).toHaveLength(132);
  });

  it('links Trúc Bạch wholly into the new Phường Ba Đình, a merger', () => {
    const truc = only(LAST_DAY_BEFORE_REFORM_2025, 'commune', '00004').unit;
    const baDinh = only(REFORM_2025_DATE, 'commune', '00004').unit;
    const link = plan.lineage.find(
      (candidate) => candidate.predecessorKey === truc.key && candidate.successorKey === baDinh.key,
    );
    expect(link).toMatchObject({ relation: 'whole', change: 'merge', note: 'Nhập toàn bộ' });
  });

  it('links each island district to the special zone it became', () => {
    const islands = { '318': '11948', '471': '19742', '498': '20333', '536': '21548', '755': '26732' };
    for (const [districtCode, zoneCode] of Object.entries(islands)) {
      const district = only(LAST_DAY_BEFORE_REFORM_2025, 'district', districtCode);
      const zone = only(REFORM_2025_DATE, 'commune', zoneCode);
      expect(zone.version.typeName).toBe('Đặc khu');
      const links = plan.lineage.filter((link) => link.predecessorKey === district.unit.key);
      expect(links, districtCode).toEqual([
        expect.objectContaining({ successorKey: zone.unit.key, relation: 'whole', change: 'rename' }),
      ]);
    }
    expect(only(REFORM_2025_DATE, 'commune', '20333').version.fullName).toBe('Đặc khu Hoàng Sa');
  });

  it('links Huyện Kim Sơn to Xã Kim Đông only for its coastal alluvial area, not as a whole', () => {
    const kimSon = only(LAST_DAY_BEFORE_REFORM_2025, 'district', '376').unit;
    const links = plan.lineage.filter((link) => link.predecessorKey === kimSon.key);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ relation: 'partial' });
    expect(links[0]!.note).toContain('Khu vực bãi bồi ven biển');
  });

  it('merges each old province whole into exactly one new province', () => {
    const provinceLinks = plan.lineage.filter((link) => byKey.get(link.predecessorKey)?.kind === 'province');
    const ended = unitsOn(LAST_DAY_BEFORE_REFORM_2025, 'province').filter(
      ({ unit }) => unit.validTo !== null,
    );
    expect(provinceLinks).toHaveLength(ended.length);
    expect(new Set(provinceLinks.map((link) => link.predecessorKey)).size).toBe(ended.length);
    expect(provinceLinks.every((link) => link.relation === 'whole')).toBe(true);
    const intoDaNang = provinceLinks
      .filter((link) => byKey.get(link.successorKey)?.code === '48')
      .map((link) => byKey.get(link.predecessorKey)?.code)
      .sort();
    expect(intoDaNang).toEqual(['48', '49']);
  });
});
