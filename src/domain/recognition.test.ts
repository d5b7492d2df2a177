import { describe, expect, it } from 'vitest';
import {
  type ChildrenCounts,
  type CriterionAnswer,
  type CriterionDefinition,
  canTransition,
  childrenRule,
  defaultCycle,
  evaluateCriterion,
  judgeAssessment,
  overdueOf,
  shareLabel,
  standardYearOn,
  targetOf,
} from './recognition.js';

const base = { threshold: null, events: null, computedRule: null, evidenceRequired: false } as const;
const yesNo: CriterionDefinition & { id: number } = {
  ...base,
  id: 1,
  code: '1',
  text: 'Có nghị quyết',
  kind: 'yes_no',
};
const households: CriterionDefinition & { id: number } = {
  ...base,
  id: 2,
  code: '2',
  text: 'Hộ gia đình đăng ký',
  kind: 'number_threshold',
  threshold: { comparator: 'at_least', value: 100, label: 'Tỷ lệ hộ đăng ký', unit: '%' },
};
const events: CriterionDefinition & { id: number } = {
  ...base,
  id: 3,
  code: '3',
  text: 'Không để xảy ra các vụ việc',
  kind: 'no_events',
  events: ['Gây rối', 'Khiếu kiện đông người'],
};
const computed: CriterionDefinition & { id: number } = {
  ...base,
  id: 4,
  code: '4',
  text: '100% đăng ký, ít nhất 70% được công nhận',
  kind: 'computed',
  computedRule: 'children_registered_recognised',
};
const answer = (patch: Partial<CriterionAnswer>): CriterionAnswer => ({
  met: null,
  value: null,
  occurredEvents: [],
  ...patch,
});
const counts = (recognised: number, total = 25, pending = 0): ChildrenCounts => ({
  total,
  registered: total,
  recognised,
  pending,
});

describe('the commune criterion: 100% registered and at least 70% recognised', () => {
  it('fails at 17 of 25 (68%) and passes at 18 of 25 (72%)', () => {
    expect(childrenRule(counts(17)).met).toBe(false);
    expect(childrenRule(counts(17)).label).toBe('17/25 = 68%');
    expect(childrenRule(counts(18)).met).toBe(true);
    expect(childrenRule(counts(18)).label).toBe('18/25 = 72%');
    expect(evaluateCriterion(computed, undefined, counts(17))).toBe('not_met');
    expect(evaluateCriterion(computed, undefined, counts(18))).toBe('met');
  });
  it('is exact at the threshold and needs every child registered', () => {
    expect(childrenRule(counts(7, 10)).met).toBe(true);
    expect(childrenRule({ total: 25, registered: 24, recognised: 20, pending: 0 }).met).toBe(false);
    expect(childrenRule(counts(0, 0)).met).toBe(false);
  });
  it('blocks approval while a child is pending', () => {
    expect(childrenRule(counts(18, 25, 1)).blocking).toBe(true);
    expect(childrenRule(counts(18, 25, 0)).blocking).toBe(false);
  });
  it('writes shares with a decimal comma', () => {
    expect(shareLabel(2, 3)).toBe('2/3 = 66,7%');
  });
});

describe('judging an assessment', () => {
  const criteria = [yesNo, households, events];
  it('recognises only when every criterion is met', () => {
    const answers = new Map([
      [1, answer({ met: true })],
      [2, answer({ value: 100 })],
      [3, answer({ met: true })],
    ]);
    expect(judgeAssessment(criteria, answers).eligible).toBe(true);
    answers.set(2, answer({ value: 96 }));
    expect(judgeAssessment(criteria, answers)).toMatchObject({ eligible: false, notMet: ['2'] });
  });
  it('an event that occurred makes the unit not recognised whatever else holds', () => {
    const answers = new Map([
      [1, answer({ met: true })],
      [2, answer({ value: 100 })],
      [3, answer({ met: true, occurredEvents: [1] })],
    ]);
    const judgement = judgeAssessment(criteria, answers);
    expect(judgement.disqualified).toBe(true);
    expect(judgement.eligible).toBe(false);
  });
  it('lists what is not answered', () => {
    expect(judgeAssessment(criteria, new Map()).unanswered).toEqual(['1', '2', '3']);
  });
});

describe('the yearly cycle', () => {
  it('has the windows and deadlines of the circular', () => {
    expect(defaultCycle('residential_area', 2025)).toEqual({
      windowFrom: '2024-11-01',
      windowTo: '2025-10-31',
      registrationDeadline: '2025-03-31',
      decisionDeadline: '2025-11-15',
      classificationDeadline: '2025-11-20',
      approvingLevel: 'commune',
    });
    expect(defaultCycle('commune', 2025)).toMatchObject({
      windowFrom: '2024-11-16',
      windowTo: '2025-11-15',
      decisionDeadline: '2025-11-20',
      classificationDeadline: '2025-11-30',
      approvingLevel: 'province',
    });
  });
  it('knows what is overdue', () => {
    const cycle = defaultCycle('residential_area', 2025);
    expect(overdueOf(null, cycle, '2025-03-31')).toBeNull();
    expect(overdueOf(null, cycle, '2025-04-01')).toEqual({ kind: 'registration', deadline: '2025-03-31' });
    expect(overdueOf('submitted', cycle, '2025-11-16')).toEqual({ kind: 'decision', deadline: '2025-11-15' });
    expect(overdueOf('recognised', cycle, '2025-12-01')).toBeNull();
  });
  it('places a date in its standard year', () => {
    expect(standardYearOn('residential_area', '2025-11-02')).toBe(2026);
    expect(standardYearOn('commune', '2025-11-02')).toBe(2025);
  });
  it('maps unit kinds to the sets of the circular', () => {
    expect(targetOf('enterprise')).toBe('agency_enterprise');
    expect(targetOf('province')).toBeNull();
  });
  it('allows only the workflow transitions', () => {
    expect(canTransition('registered', 'submit')).toBe(true);
    expect(canTransition('submitted', 'self_assess')).toBe(false);
    expect(canTransition('recognised', 'reopen')).toBe(true);
    expect(canTransition('returned', 'recognise')).toBe(false);
  });
});
