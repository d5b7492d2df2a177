import { describe, expect, it } from 'vitest';
import { REGISTRY_SETTINGS } from './registry-settings.js';
import {
  addMonths,
  ageOnJoining,
  checkEligibility,
  checkExcellentQuota,
  checkRatable,
  checkTeamPlacement,
  maxExcellent,
  memberRoleLabel,
  ratingPeriod,
  ratingYearOf,
  rolesForKind,
  serviceMonthsInPeriod,
  wholeMonthsBetween,
  wholeYearsBetween,
} from './teams.js';

const base = {
  kind: 'grassroots_security_team' as const,
  joinedOn: '2025-03-01',
  residenceSince: '2010-01-01',
  approvedException: null,
};

describe('calendar arithmetic', () => {
  it('adds months, landing on the last day of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 9)).toBe('2025-08-15');
    expect(addMonths('2025-03-10', -3)).toBe('2024-12-10');
  });

  it('counts whole months and years', () => {
    expect(wholeMonthsBetween('2025-02-15', '2025-11-15')).toBe(9);
    expect(wholeMonthsBetween('2025-02-16', '2025-11-15')).toBe(8);
    expect(wholeMonthsBetween('2025-05-01', '2025-04-01')).toBe(0);
    expect(wholeYearsBetween('2024-03-01', '2025-03-01')).toBe(1);
    expect(wholeYearsBetween('2024-03-02', '2025-03-01')).toBe(0);
  });
});

describe('eligibility on entry: 18–70 years old, 1 year of residence', () => {
  it('admits 18 and 70 year olds (age from the birth year in the year of joining)', () => {
    expect(ageOnJoining(2007, '2025-03-01')).toBe(18);
    expect(checkEligibility({ ...base, birthYear: 2007 })).toEqual([]);
    expect(checkEligibility({ ...base, birthYear: 1955 })).toEqual([]);
  });

  it('refuses a 17 year old with a message naming the age and the field', () => {
    const [problem] = checkEligibility({ ...base, birthYear: 2008 });
    expect(problem).toMatchObject({ code: 'members.too_young', field: 'birthYear' });
    expect(problem!.message).toContain('17 tuổi');
    expect(problem!.message).toContain('từ 18 đến 70 tuổi');
  });

  it('refuses a 71 year old unless an approved exception is given', () => {
    const [problem] = checkEligibility({ ...base, birthYear: 1954 });
    expect(problem).toMatchObject({ code: 'members.too_old', field: 'birthYear' });
    expect(problem!.message).toContain('71 tuổi');
    expect(
      checkEligibility({ ...base, birthYear: 1954, approvedException: 'UBND xã chấp thuận ngày 01/02/2025' }),
    ).toEqual([]);
    // A blank reason is no reason.
    expect(checkEligibility({ ...base, birthYear: 1954, approvedException: '   ' })).toHaveLength(1);
  });

  it('refuses residence of less than one year, and a missing residence date, naming residenceSince', () => {
    const short = checkEligibility({ ...base, birthYear: 1990, residenceSince: '2024-03-02' });
    expect(short).toHaveLength(1);
    expect(short[0]).toMatchObject({ code: 'members.residence_too_short', field: 'residenceSince' });
    expect(short[0]!.message).toContain('02/03/2024');
    expect(checkEligibility({ ...base, birthYear: 1990, residenceSince: '2024-03-01' })).toEqual([]);
    expect(checkEligibility({ ...base, birthYear: 1990, residenceSince: null })[0]).toMatchObject({
      code: 'members.residence_required',
      field: 'residenceSince',
    });
  });

  it('the exception covers age only, never residence', () => {
    const problems = checkEligibility({
      ...base,
      birthYear: 1950,
      residenceSince: '2025-01-01',
      approvedException: 'Được chấp thuận',
    });
    expect(problems.map((problem) => problem.field)).toEqual(['residenceSince']);
  });

  it('does not apply age and residence limits to committees and mediation groups', () => {
    expect(
      checkEligibility({ ...base, kind: 'steering_committee', birthYear: 1940, residenceSince: null }),
    ).toEqual([]);
    expect(
      checkEligibility({ ...base, kind: 'mediation_group', birthYear: 1945, residenceSince: null }),
    ).toEqual([]);
  });
});

describe('rating period and the 9-month rule', () => {
  it('runs from 15/11 of the previous year to 14/11', () => {
    expect(ratingPeriod(2025)).toEqual({ year: 2025, from: '2024-11-15', to: '2025-11-14' });
    expect(ratingYearOf('2025-11-14')).toBe(2025);
    expect(ratingYearOf('2025-11-15')).toBe(2026);
    expect(REGISTRY_SETTINGS.ratingPeriodStart).toEqual({ month: 11, day: 15 });
  });

  it('counts service inside the period only', () => {
    const period = ratingPeriod(2025);
    expect(serviceMonthsInPeriod({ joinedOn: '2020-01-01', leftOn: null }, period)).toBe(12);
    expect(serviceMonthsInPeriod({ joinedOn: '2025-02-15', leftOn: null }, period)).toBe(9);
    expect(serviceMonthsInPeriod({ joinedOn: '2020-01-01', leftOn: '2025-05-15' }, period)).toBe(6);
  });

  it('rates a member with exactly 9 months and refuses one with 8, saying why', () => {
    expect(checkRatable({ joinedOn: '2025-02-15', leftOn: null }, 2025)).toBeNull();
    const problem = checkRatable({ joinedOn: '2025-02-16', leftOn: null }, 2025);
    expect(problem).toMatchObject({ code: 'ratings.service_too_short', field: 'rating' });
    expect(problem!.message).toContain('8 tháng');
    expect(problem!.message).toContain('ít nhất 9 tháng');
    expect(problem!.message).toContain('15/11/2024 – 14/11/2025');
  });
});

describe('"xuất sắc" at most 20% of those rated "tốt"', () => {
  it('allows floor(20% of the "tốt" count)', () => {
    expect(maxExcellent(4)).toBe(0);
    expect(maxExcellent(5)).toBe(1);
    expect(maxExcellent(8)).toBe(1);
    expect(maxExcellent(10)).toBe(2);
    expect(maxExcellent(15)).toBe(3);
  });

  it('accepts at the limit and refuses above it with the numbers', () => {
    expect(checkExcellentQuota({ excellent: 2, good: 10 })).toBeNull();
    expect(checkExcellentQuota({ excellent: 1, good: 8 })).toBeNull();
    const problem = checkExcellentQuota({ excellent: 2, good: 8 });
    expect(problem?.message).toBe('Đã có 2 thành viên xuất sắc trên 8 thành viên tốt: tối đa 20% (1)');
    expect(checkExcellentQuota({ excellent: 1, good: 0 })?.message).toContain('tối đa 20% (0)');
  });

  it('takes the percentage from configuration', () => {
    expect(checkExcellentQuota({ excellent: 3, good: 10 }, 30)).toBeNull();
    expect(checkExcellentQuota({ excellent: 3, good: 10 }, 20)?.message).toContain('tối đa 20% (2)');
  });
});

describe('kinds, roles and placement', () => {
  it('gives committees their own roles and guard teams their own words', () => {
    expect(rolesForKind('steering_committee')).toEqual(['chairman', 'vice_chairman', 'committee_member']);
    expect(rolesForKind('grassroots_security_team')).toEqual(['team_leader', 'deputy_leader', 'member']);
    expect(memberRoleLabel('unit_guard_team', 'team_leader')).toBe('Đội trưởng');
    expect(memberRoleLabel('grassroots_security_team', 'team_leader')).toBe('Tổ trưởng');
  });

  it('sets up a grassroots team only in a residential area, and old kinds only before 01/07/2024', () => {
    expect(
      checkTeamPlacement({
        kind: 'grassroots_security_team',
        unitKind: 'commune',
        unitName: 'Xã A',
        establishedOn: '2024-08-01',
      })[0],
    ).toMatchObject({ code: 'teams.unit_kind', field: 'unitId' });
    expect(
      checkTeamPlacement({
        kind: 'civil_defence_team',
        unitKind: 'commune',
        unitName: 'Xã A',
        establishedOn: '2024-07-01',
      })[0],
    ).toMatchObject({ code: 'teams.kind_historical', field: 'kind' });
    expect(
      checkTeamPlacement({
        kind: 'civil_defence_team',
        unitKind: 'commune',
        unitName: 'Xã A',
        establishedOn: '2024-06-30',
      }),
    ).toEqual([]);
  });
});
