import { describe, expect, it } from 'vitest';
import {
  addFact,
  columnKey,
  emptyValues,
  INDICATORS,
  indicatorColumns,
  MODEL_SUMMARY_INDICATORS,
  TEAM_SUMMARY_INDICATORS,
} from './indicators.js';

describe('indicator columns', () => {
  it('lists each indicator total, then one column per value of its dimension', () => {
    const columns = indicatorColumns(TEAM_SUMMARY_INDICATORS);
    expect(columns[0]).toMatchObject({
      key: 'teams',
      name: 'Tổ, đội, ban đang hoạt động',
      dimensionValue: null,
    });
    expect(columns[1]).toMatchObject({
      key: 'teams:grassroots_security_team',
      name: 'Tổ bảo vệ an ninh, trật tự ở cơ sở',
    });
    expect(columns.find((column) => column.key === 'team_members:team_leader')?.name).toBe('Tổ trưởng');
  });

  it('takes the values of data-driven dimensions from the caller', () => {
    const columns = indicatorColumns(MODEL_SUMMARY_INDICATORS, {
      model_kind: [{ key: 'camera', label: 'Camera an ninh' }],
    });
    expect(columns.map((column) => column.key)).toContain('models:camera');
    expect(columns.map((column) => column.key)).toContain('camera_points');
  });

  it('adds a fact to the total and to its value', () => {
    const columns = indicatorColumns([INDICATORS.teams]);
    const row = emptyValues(columns);
    addFact(row, INDICATORS.teams, 'mediation_group', 2);
    addFact(row, INDICATORS.teams, 'grassroots_security_team', 3);
    expect(row[columnKey('teams')]).toBe(5);
    expect(row['teams:mediation_group']).toBe(2);
    expect(row['teams:people_security_group']).toBe(0);
  });
});
