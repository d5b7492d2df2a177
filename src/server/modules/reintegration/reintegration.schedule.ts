/**
 * The retention run inside the server: once shortly after start, then every day. Logs only counts.
 */
import type { Database } from '../../db/client.js';
import { safeErrorSummary } from '../../lib/safe-error.js';
import { runRetention } from './reintegration.service.js';

const DAY_MS = 24 * 3600_000;

export function startRetentionSchedule(
  db: Database,
  years: number,
  log: {
    info: (message: string) => void;
    error: (payload: object, message: string) => void;
  },
  options: { firstRunMs?: number; everyMs?: number } = {},
) {
  const run = () =>
    runRetention(db, { years })
      .then((result) => {
        if (result.cases > 0)
          log.info(`Thời hạn lưu trữ: đã xóa thông tin cá nhân của ${result.cases} hồ sơ tái hòa nhập`);
      })
      .catch((error: unknown) => log.error(safeErrorSummary(error), 'chạy thời hạn lưu trữ thất bại'));
  const first = setTimeout(run, options.firstRunMs ?? 60_000);
  const timer = setInterval(run, options.everyMs ?? DAY_MS);
  first.unref();
  timer.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
