import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addWorkingDays,
  canMove,
  clocksFromDues,
  encodeBase32,
  extensionLimit,
  leadingZeroBits,
  legalClocks,
  normaliseSecret,
  normaliseTrackingCode,
  noticeDueOn,
} from './crime-reports.js';

const none = new Set<string>();

describe('the 3-working-day notice clock', () => {
  it('skips the weekend: received on a Thursday, due the next Tuesday', () => {
    // 2025-10-02 is a Thursday.
    expect(noticeDueOn('2025-10-02', none)).toBe('2025-10-07');
  });
  it('received on a Friday or a Saturday, due on Wednesday', () => {
    expect(noticeDueOn('2025-10-03', none)).toBe('2025-10-08');
    expect(noticeDueOn('2025-10-04', none)).toBe('2025-10-08');
  });
  it('received on a Monday, due on Thursday', () => {
    expect(noticeDueOn('2025-10-06', none)).toBe('2025-10-09');
  });
  it('skips configured public holidays too (2/9 and 1/9 2025)', () => {
    // Friday 29/08/2025, then Mon 1/9 and Tue 2/9 are holidays: Wed 3, Thu 4, Fri 5.
    expect(noticeDueOn('2025-08-29', new Set(['2025-09-01', '2025-09-02']))).toBe('2025-09-05');
    expect(addWorkingDays('2025-08-29', 1, new Set(['2025-09-01', '2025-09-02']))).toBe('2025-09-03');
  });
});

describe('the decision clock', () => {
  it('runs 20 days, turns due-soon and overdue, and stops when decided or transferred', () => {
    const facts = {
      receivedOn: '2025-10-01',
      status: 'verifying' as const,
      noticeSentOn: null,
      firstExtensionUntil: null,
      secondExtensionUntil: null,
      decidedOn: null,
    };
    expect(legalClocks(facts, '2025-10-05', none).decision).toEqual({
      dueOn: '2025-10-21',
      state: 'running',
      daysLeft: 16,
    });
    expect(legalClocks(facts, '2025-10-20', none).decision.state).toBe('due_soon');
    expect(legalClocks(facts, '2025-10-22', none).decision).toMatchObject({ state: 'overdue', daysLeft: -1 });
    expect(legalClocks({ ...facts, status: 'case_opened' }, '2025-10-22', none).decision.state).toBe('done');
    expect(legalClocks({ ...facts, status: 'transferred' }, '2025-10-22', none).decision.state).toBe(
      'stopped',
    );
    expect(legalClocks({ ...facts, noticeSentOn: '2025-10-02' }, '2025-10-22', none).notice.state).toBe(
      'done',
    );
  });
  it('extensions reach 2 months from receipt, then 2 more months', () => {
    expect(extensionLimit({ receivedOn: '2025-10-31', firstExtensionUntil: null }, 1)).toBe('2025-12-31');
    expect(extensionLimit({ receivedOn: '2025-12-31', firstExtensionUntil: null }, 1)).toBe('2026-02-28');
    expect(extensionLimit({ receivedOn: '2025-10-01', firstExtensionUntil: '2025-12-01' }, 2)).toBe(
      '2026-02-01',
    );
    expect(addMonths('2024-12-31', 2)).toBe('2025-02-28');
  });
  it('clocks from stored due dates', () => {
    const clocks = clocksFromDues(
      { noticeDueOn: '2025-10-07', decisionDueOn: '2025-10-21', noticeSentOn: null, status: 'received' },
      '2025-10-08',
    );
    expect(clocks.notice.state).toBe('overdue');
    expect(clocks.decision.state).toBe('running');
  });
});

describe('statuses', () => {
  it('follow the law: received → verifying → transferred or a decision; a decision is final', () => {
    expect(canMove('received', 'verifying')).toBe(true);
    expect(canMove('verifying', 'case_opened')).toBe(true);
    expect(canMove('received', 'case_opened')).toBe(false);
    expect(canMove('case_opened', 'verifying')).toBe(false);
  });
});

describe('codes and proof of work', () => {
  it('tracking codes and secrets read back whatever the case and dashes', () => {
    const code = encodeBase32(crypto.getRandomValues(new Uint8Array(7)), 10, 5);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(normaliseTrackingCode(code.toLowerCase().replace('-', ''))).toBe(code);
    expect(normaliseSecret('abcd efgh-jkmn pqrs')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(normaliseTrackingCode('o1l2i')).toBe('01121');
  });
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(new Uint8Array([0, 0, 0x10]))).toBe(19);
    expect(leadingZeroBits(new Uint8Array([0x80]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0, 1]))).toBe(15);
  });
});
