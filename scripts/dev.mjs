#!/usr/bin/env node
/**
 * `npm run dev`: the API with `tsx watch` (restarts on server changes) and the Vite dev server with hot reload,
 * which proxies /api to it. Ctrl+C stops both.
 *
 *   node scripts/dev.mjs [--port 3000] [--api-port 3001]
 *
 * Vite runs in this process (its API lets the proxy follow --api-port); the API is a child process that gets
 * the signals this process receives.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    'api-port': { type: 'string', default: '3001' },
  },
});
const webPort = Number(values.port);
const apiPort = Number(values['api-port']);
for (const [name, port] of [
  ['--port', webPort],
  ['--api-port', apiPort],
]) {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    process.stderr.write(`${name} phải là số cổng từ 1 đến 65535\n`);
    process.exit(2);
  }
}

const tsxCli = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const api = spawn(process.execPath, [tsxCli, 'watch', '--clear-screen=false', 'src/server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  // This is a launcher: the API reads its own configuration (src/server/config.ts) from the environment it is
  // given, so the whole environment is passed through and only the port is set here.
  env: { ...process.env, PORT: String(apiPort) },
});

const { createServer } = await import('vite');
const vite = await createServer({
  configFile: path.join(root, 'vite.config.ts'),
  server: {
    port: webPort,
    strictPort: true,
    // Merged into the proxy of vite.config.ts, which keeps its other settings.
    proxy: { '/api': { target: `http://localhost:${apiPort}` } },
  },
});
await vite.listen();
process.stdout.write(
  `\nGiao diện (tự tải lại khi sửa mã): http://localhost:${webPort}\n` +
    `API: http://localhost:${apiPort}/api (lần chạy đầu cần khoảng 15 giây để nạp danh mục đơn vị)\n` +
    'Nhấn Ctrl+C để dừng cả hai.\n\n',
);

let stopping = false;
async function stop(signal, exitCode) {
  if (stopping) return;
  stopping = true;
  if (api.exitCode === null && api.signalCode === null) api.kill(signal);
  await vite.close();
  if (api.exitCode === null && api.signalCode === null) {
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        api.kill('SIGKILL');
        resolve();
      }, 10_000);
      api.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  process.exit(exitCode);
}

process.on('SIGINT', () => void stop('SIGINT', 130));
process.on('SIGTERM', () => void stop('SIGTERM', 143));
api.on('exit', (code, signal) => {
  if (stopping) return;
  process.stderr.write(`API đã dừng (${signal ?? `mã ${code}`}); dừng luôn máy chủ giao diện.\n`);
  void stop('SIGTERM', code ?? 1);
});
