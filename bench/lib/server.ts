/**
 * Starts the real server the way `npm start` does (`tsx src/server/main.ts`) on a loopback port, and times it
 * from the spawn to the first 200 answer of GET /api/health.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/server/config.js';

export interface RunningServer {
  url: string;
  /** Milliseconds from spawn to the first 200 of /api/health. */
  startupMs: number;
  stop(): Promise<void>;
}

const TSX = path.join(PROJECT_ROOT, 'node_modules/.bin/tsx');
const MAIN = path.join(PROJECT_ROOT, 'src/server/main.ts');

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServer(options: {
  port: number;
  dataDir: string;
  databaseUrl?: string | undefined;
  demo?: boolean;
  timeoutMs?: number;
  /** More settings for this server (e.g. ANTQ_POW_DIFFICULTY=0). */
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const url = `http://127.0.0.1:${options.port}`;
  if (await healthy(url)) throw new Error(`Cổng ${options.port} đang có máy chủ khác trả lời`);
  // The child gets this process's environment (PATH…) with the settings of the run on top; a DATABASE_URL of the
  // caller must not leak into a PGlite run.
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    ANTQ_DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl ?? '',
    ANTQ_DEMO: options.demo === false ? '0' : '1',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  // As `npm start`: the default (development) mode.
  delete env.NODE_ENV;
  const started = performance.now();
  const child = spawn(TSX, [MAIN], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    errors = (errors + chunk).slice(-4000);
  });
  const deadline = started + (options.timeoutMs ?? 180_000);
  while (!(await healthy(url))) {
    if (child.exitCode !== null || performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Máy chủ không khởi động được (mã thoát ${child.exitCode}):\n${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const startupMs = performance.now() - started;
  return {
    url,
    startupMs,
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}
