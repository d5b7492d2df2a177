/**
 * Counts failures per key (a client address) in a sliding window, in memory only: the address is never written
 * anywhere. Used where a wrong guess must cost more than a right one (tracking code + secret).
 */
export class FailureLimiter {
  private readonly entries = new Map<string, { count: number; windowStart: number; blockedUntil: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  isBlocked(key: string, now = Date.now()): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.blockedUntil > now;
  }

  fail(key: string, now = Date.now()): void {
    if (this.entries.size > 100_000) this.prune(now);
    const entry = this.entries.get(key);
    if (!entry || now - entry.windowStart > this.windowMs) {
      this.entries.set(key, { count: 1, windowStart: now, blockedUntil: 0 });
      return;
    }
    entry.count += 1;
    if (entry.count >= this.max) {
      entry.blockedUntil = now + this.windowMs;
      entry.count = 0;
      entry.windowStart = now;
    }
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.blockedUntil <= now && now - entry.windowStart > this.windowMs) this.entries.delete(key);
    }
  }
}
