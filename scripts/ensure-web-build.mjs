#!/usr/bin/env node
/**
 * Builds the web app (vite build → dist/web) only when the build is missing or older than its sources, so that
 * `npm start` and `npm run test:e2e` serve what the code says without paying for a build on every run.
 * Node built-ins only: it runs before anything else and must not depend on what it checks.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist/web/index.html');
const sources = ['src/web', 'src/contracts', 'src/domain', 'vite.config.ts'].map((entry) =>
  path.join(root, entry),
);

/** The newest modification time under a file or folder, and the path that has it. */
function newest(entry) {
  if (!existsSync(entry)) return { time: 0, file: entry };
  const stats = statSync(entry);
  if (!stats.isDirectory()) return { time: stats.mtimeMs, file: entry };
  let best = { time: 0, file: entry };
  for (const child of readdirSync(entry)) {
    const candidate = newest(path.join(entry, child));
    if (candidate.time > best.time) best = candidate;
  }
  return best;
}

function reasonToBuild() {
  if (!existsSync(builtIndex)) return 'chưa có bản dựng';
  const builtAt = statSync(builtIndex).mtimeMs;
  for (const source of sources) {
    const latest = newest(source);
    if (latest.time > builtAt) return `${path.relative(root, latest.file)} mới hơn bản dựng`;
  }
  return undefined;
}

const reason = reasonToBuild();
if (reason) {
  process.stdout.write(`Đang dựng giao diện web (${reason}), vui lòng chờ…\n`);
  const viteCli = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [viteCli, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.stderr.write('Dựng giao diện web thất bại; xem lỗi ở trên.\n');
    process.exit(result.status ?? 1);
  }
  process.stdout.write('Đã dựng xong giao diện web vào dist/web.\n');
}
