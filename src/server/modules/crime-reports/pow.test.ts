import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, powInput } from '../../../domain/crime-reports.js';
import { sha256Text } from '../../../domain/sha256.js';
import { ProofOfWork, solveChallenge } from './pow.js';

describe('proof of work', () => {
  it('the browser’s SHA-256 agrees with node:crypto', () => {
    for (const text of ['', 'abc', 'v1.16.123.xyz:42', 'Tiếng Việt có dấu', 'x'.repeat(1000)]) {
      expect(Buffer.from(sha256Text(text)).toString('hex')).toBe(
        createHash('sha256').update(text).digest('hex'),
      );
    }
  });

  it('a solution found the browser’s way is accepted; an expired, forged or unsolved one is refused', () => {
    const pow = new ProofOfWork(Buffer.alloc(32, 7), 8);
    const { token } = pow.issue();
    let nonce = 0;
    while (leadingZeroBits(sha256Text(powInput(token, nonce))) < 8) nonce++;
    expect(pow.verify({ token, nonce })).toMatchObject({ tokenHash: expect.any(String) });
    expect(() => pow.verify({ token, nonce }, Date.now() + 16 * 60_000)).toThrow(/hết hạn/);
    expect(() => new ProofOfWork(Buffer.alloc(32, 8), 8).verify({ token, nonce })).toThrow(/không hợp lệ/);
    const unsolved = solveChallenge(token).nonce === 0 ? 1 : 0;
    if (leadingZeroBits(sha256Text(powInput(token, unsolved))) < 8)
      expect(() => pow.verify({ token, nonce: unsolved })).toThrow(/không đúng/);
    expect(new ProofOfWork(Buffer.alloc(32, 7), 0).verify(undefined)).toBeNull();
  });
});

describe('defaults', () => {
  it('seed exactly the category codes of the issue', async () => {
    const { DEFAULT_REPORT_CATEGORIES } = await import('./defaults.js');
    const { SEEDED_CATEGORY_CODES } = await import('../../../domain/crime-reports.js');
    expect(DEFAULT_REPORT_CATEGORIES.map((category) => category.code)).toEqual([...SEEDED_CATEGORY_CODES]);
  });
});
