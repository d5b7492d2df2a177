import { describe, expect, it } from 'vitest';
import { DEFAULT_LEVELS, levelFor, levelProblems, scoreProblems, sheetProblems } from './classification.js';

describe('classification levels', () => {
  it('gives the highest level whose threshold the total reaches', () => {
    expect(levelFor(95, DEFAULT_LEVELS)?.label).toBe('Xuất sắc');
    expect(levelFor(90, DEFAULT_LEVELS)?.label).toBe('Xuất sắc');
    expect(levelFor(89.5, DEFAULT_LEVELS)?.label).toBe('Khá');
    expect(levelFor(50, DEFAULT_LEVELS)?.label).toBe('Trung bình');
  });
  it('uses Yếu only when it is switched on', () => {
    expect(levelFor(30, DEFAULT_LEVELS)?.label).toBe('Trung bình');
    const withWeak = DEFAULT_LEVELS.map((level) => ({ ...level, enabled: true }));
    expect(levelFor(30, withWeak)?.label).toBe('Yếu');
  });
  it('refuses thresholds out of order', () => {
    const wrong = DEFAULT_LEVELS.map((level) =>
      level.code === 'good' ? { ...level, minPoints: 95 } : level,
    );
    expect(levelProblems(wrong)[0]?.code).toBe('levels.order');
    expect(levelProblems(DEFAULT_LEVELS)).toEqual([]);
  });
});

describe('scoring', () => {
  it('keeps points within the item and in half points', () => {
    const item = { id: 7, code: '1', maxPoints: 3 };
    expect(scoreProblems(item, 3)).toEqual([]);
    expect(scoreProblems(item, 3.5)[0]?.field).toBe('scores.7');
    expect(scoreProblems(item, 1.25)[0]?.code).toBe('classification.points_step');
  });
  it('needs sheets of 100 points', () => {
    expect(
      sheetProblems([
        { id: 1, code: '1', maxPoints: 60 },
        { id: 2, code: '2', maxPoints: 40 },
      ]),
    ).toEqual([]);
    expect(sheetProblems([{ id: 1, code: '1', maxPoints: 60 }])[0]?.code).toBe('classification.sheet_total');
  });
});
