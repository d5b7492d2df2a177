/**
 * The proof-of-work of the public forms, self-hosted: the server signs a challenge (difficulty, expiry, random)
 * with a key derived from the installation key, so any process of the installation can check it without storing
 * it; the browser finds a nonce whose SHA-256 with the token starts with `difficulty` zero bits; a used token is
 * written to `spent_challenges` in the transaction of the submission, so it solves one submission only.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { leadingZeroBits, powInput } from '../../../domain/crime-reports.js';
import { invalid } from '../../../domain/errors.js';
import { safeEqual } from '../../lib/crypto.js';

export const CHALLENGE_TTL_MS = 15 * 60_000;

export interface Challenge {
  token: string;
  difficulty: number;
  expiresAt: string;
}

export interface Solution {
  token: string;
  nonce: number;
}

export class ProofOfWork {
  constructor(
    private readonly key: Buffer,
    readonly difficulty: number,
  ) {}

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 32);
  }

  issue(now = Date.now()): Challenge {
    const expires = now + CHALLENGE_TTL_MS;
    const body = `v1.${this.difficulty}.${expires}.${randomBytes(12).toString('base64url')}`;
    return {
      token: `${body}.${this.mac(body)}`,
      difficulty: this.difficulty,
      expiresAt: new Date(expires).toISOString(),
    };
  }

  /**
   * Checks a solution; answers the expiry of the token (to keep it as spent until then) or throws a 400 naming
   * the `challenge` field. With difficulty 0 no solution is needed.
   */
  verify(solution: Solution | undefined, now = Date.now()): { tokenHash: string; expiresAt: Date } | null {
    if (this.difficulty === 0) return null;
    const fail = (code: string, message: string) => invalid(code, message, 'challenge');
    if (!solution)
      throw fail(
        'challenge.missing',
        'Thiếu lời giải thử thách chống gửi tự động, hãy tải lại trang và gửi lại',
      );
    const parts = solution.token.split('.');
    if (parts.length !== 5 || parts[0] !== 'v1')
      throw fail('challenge.invalid', 'Thử thách chống gửi tự động không hợp lệ, hãy gửi lại');
    const body = parts.slice(0, 4).join('.');
    if (!safeEqual(parts[4]!, this.mac(body)))
      throw fail('challenge.invalid', 'Thử thách chống gửi tự động không hợp lệ, hãy gửi lại');
    const difficulty = Number(parts[1]);
    const expires = Number(parts[2]);
    if (expires < now) throw fail('challenge.expired', 'Thử thách chống gửi tự động đã hết hạn, hãy gửi lại');
    if (difficulty < this.difficulty)
      throw fail('challenge.too_easy', 'Thử thách chống gửi tự động không còn phù hợp, hãy gửi lại');
    const digest = createHash('sha256').update(powInput(solution.token, solution.nonce)).digest();
    if (leadingZeroBits(digest) < difficulty)
      throw fail('challenge.unsolved', 'Lời giải thử thách chống gửi tự động không đúng, hãy gửi lại');
    return {
      tokenHash: createHash('sha256').update(solution.token).digest('hex'),
      expiresAt: new Date(expires),
    };
  }
}

/** A solver for tests and benchmarks (the browser runs the same loop in a worker). */
export function solveChallenge(token: string): Solution {
  const difficulty = Number(token.split('.')[1]);
  for (let nonce = 0; ; nonce++) {
    const digest = createHash('sha256').update(powInput(token, nonce)).digest();
    if (leadingZeroBits(digest) >= difficulty) return { token, nonce };
  }
}
