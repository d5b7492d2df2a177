/**
 * The only reader of the environment. Parsed once, typed, and it fails fast with a message that names the variable.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** A PostgreSQL connection string; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database, backups and generated keys. */
  dataDir: string;
  /** Load the demo data on the first start of an empty database. */
  demo: boolean;
  /** Folder with the official unit lists and boundaries (vn-units-*.csv, vn-*-2025.geojson). */
  sharedDataDir: string;
  logLevel: LogLevel;
  /** Folder of the built web app served at `/`. */
  webDistDir: string;
  /** 32-byte key (base64) for fields encrypted at rest; when absent it is generated into `dataDir/secret.key`. */
  secretKey: string | undefined;
  /** A session ends after this many minutes without a request… */
  sessionIdleMinutes: number;
  /** …and in any case this many hours after login. */
  sessionMaxHours: number;
  /** Consecutive failed logins before a username is locked, and for how long. */
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Login attempts allowed per client address per minute, before any password is checked. */
  loginRatePerMinute: number;
  /** Send the session cookie with `Secure` (HTTPS only); on by default in production. */
  cookieSecure: boolean;
  /** Largest file accepted by an upload (Excel imports), in megabytes. */
  uploadMaxMegabytes: number;
  /**
   * Leading zero bits the proof-of-work of the public forms must reach (about 2^n hashes in the browser);
   * 0 turns it off (benchmarks) and is refused in production.
   */
  powDifficulty: number;
  /** Crime reports, feedback and messages accepted per client address per hour on the public portal. */
  publicSubmitsPerHour: number;
  /** Wrong tracking code/secret pairs accepted per client address, and per report, in 15 minutes. */
  lookupMaxFailures: number;
  /** smtp:// or smtps:// URL of the mail server for e-mail notices; absent: in-app notifications only. */
  smtpUrl: string | undefined;
  /** Sender address of e-mail notices. */
  smtpFrom: string;
  /** The address people use to reach the server, for links in e-mails (e.g. https://antq.tinh.gov.vn). */
  publicUrl: string | undefined;
  /** Folder of attachment files (photos, scans, minutes): `dataDir/files`. */
  filesDir: string;
  /** Largest attachment accepted, in megabytes (never more than `uploadMaxMegabytes`, which bounds every upload). */
  attachmentMaxMegabytes: number;
  /** Largest video a citizen may attach to a crime report, in megabytes (never more than `uploadMaxMegabytes`). */
  reportVideoMaxMegabytes: number;
  /** Years after a reintegration case ends before its personal fields are removed (Law 91/2025: retention limits). */
  reintegrationRetentionYears: number;
}

type Env = Record<string, string | undefined>;

class ConfigError extends Error {}

function readPort(env: Env): number {
  const raw = env.PORT ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT phải là số cổng từ 0 đến 65535, nhận được "${raw}"`);
  }
  return port;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} phải là 0 hoặc 1, nhận được "${raw}"`);
}

function readLogLevel(env: Env, nodeEnv: Config['nodeEnv']): LogLevel {
  const raw = env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info');
  const levels: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!levels.includes(raw as LogLevel))
    throw new ConfigError(`LOG_LEVEL phải là một trong ${levels.join(', ')}`);
  return raw as LogLevel;
}

function readNodeEnv(env: Env): Config['nodeEnv'] {
  const raw = env.NODE_ENV ?? 'development';
  if (raw === 'production' || raw === 'test' || raw === 'development') return raw;
  throw new ConfigError(`NODE_ENV phải là development, production hoặc test, nhận được "${raw}"`);
}

function readPositiveInteger(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new ConfigError(`${name} phải là số nguyên dương, nhận được "${raw}"`);
  return value;
}

function readSecretKey(env: Env): string | undefined {
  const raw = env.ANTQ_SECRET_KEY?.trim();
  if (!raw) return undefined;
  if (Buffer.from(raw, 'base64').length !== 32) {
    throw new ConfigError(
      'ANTQ_SECRET_KEY phải là 32 byte mã hóa base64 (tạo bằng: openssl rand -base64 32)',
    );
  }
  return raw;
}

function readPowDifficulty(env: Env, nodeEnv: Config['nodeEnv']): number {
  const raw = env.ANTQ_POW_DIFFICULTY;
  const value = raw === undefined || raw === '' ? 16 : Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 30)
    throw new ConfigError(`ANTQ_POW_DIFFICULTY phải là số nguyên từ 0 đến 30, nhận được "${raw}"`);
  if (value === 0 && nodeEnv === 'production')
    throw new ConfigError(
      'ANTQ_POW_DIFFICULTY=0 (tắt bằng chứng công việc) không được dùng khi NODE_ENV=production',
    );
  return value;
}

function readSmtpUrl(env: Env): string | undefined {
  const raw = env.ANTQ_SMTP_URL?.trim();
  if (!raw) return undefined;
  if (!/^smtps?:\/\/[^/]+/.test(raw))
    throw new ConfigError('ANTQ_SMTP_URL phải có dạng smtp://người_dùng:mật_khẩu@máy:587 hoặc smtps://…:465');
  return raw;
}

function defaultSharedDataDir(): string {
  const besideRepo = path.resolve(PROJECT_ROOT, '../shared/data');
  return existsSync(besideRepo) ? besideRepo : path.resolve(PROJECT_ROOT, 'shared/data');
}

/**
 * The configuration from the environment; `overrides` replace single variables (a tool that chooses its own data
 * folder, a test), so that no other file reads process.env.
 */
export function loadConfig(source: Env = process.env, overrides: Env = {}): Config {
  const env: Env = { ...source, ...overrides };
  const nodeEnv = readNodeEnv(env);
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL phải có dạng postgres://người_dùng@máy:cổng/cơ_sở_dữ_liệu');
  }
  const dataDir = path.resolve(env.ANTQ_DATA_DIR ?? path.join(PROJECT_ROOT, 'data'));
  const uploadMaxMegabytes = readPositiveInteger(env, 'ANTQ_UPLOAD_MAX_MB', 20);
  return {
    nodeEnv,
    host: env.HOST ?? '0.0.0.0',
    port: readPort(env),
    databaseUrl,
    dataDir,
    demo: readBoolean(env, 'ANTQ_DEMO', true),
    sharedDataDir: path.resolve(env.ANTQ_SHARED_DATA_DIR ?? defaultSharedDataDir()),
    logLevel: readLogLevel(env, nodeEnv),
    webDistDir: path.join(PROJECT_ROOT, 'dist/web'),
    secretKey: readSecretKey(env),
    sessionIdleMinutes: readPositiveInteger(env, 'ANTQ_SESSION_IDLE_MINUTES', 480),
    sessionMaxHours: readPositiveInteger(env, 'ANTQ_SESSION_MAX_HOURS', 72),
    loginMaxFailures: readPositiveInteger(env, 'ANTQ_LOGIN_MAX_FAILURES', 5),
    loginLockMinutes: readPositiveInteger(env, 'ANTQ_LOGIN_LOCK_MINUTES', 15),
    loginRatePerMinute: readPositiveInteger(env, 'ANTQ_LOGIN_RATE_PER_MINUTE', 20),
    cookieSecure: readBoolean(env, 'ANTQ_COOKIE_SECURE', nodeEnv === 'production'),
    uploadMaxMegabytes,
    powDifficulty: readPowDifficulty(env, nodeEnv),
    publicSubmitsPerHour: readPositiveInteger(env, 'ANTQ_PUBLIC_SUBMITS_PER_HOUR', 20),
    lookupMaxFailures: readPositiveInteger(env, 'ANTQ_LOOKUP_MAX_FAILURES', 10),
    smtpUrl: readSmtpUrl(env),
    smtpFrom: env.ANTQ_SMTP_FROM?.trim() || 'ANTQ <no-reply@antq.local>',
    publicUrl: env.ANTQ_PUBLIC_URL?.trim().replace(/\/$/, '') || undefined,
    filesDir: path.join(dataDir, 'files'),
    attachmentMaxMegabytes: Math.min(
      readPositiveInteger(env, 'ANTQ_ATTACHMENT_MAX_MB', 10),
      uploadMaxMegabytes,
    ),
    reportVideoMaxMegabytes: Math.min(
      readPositiveInteger(env, 'ANTQ_REPORT_VIDEO_MAX_MB', 20),
      uploadMaxMegabytes,
    ),
    reintegrationRetentionYears: readPositiveInteger(env, 'ANTQ_REINTEGRATION_RETENTION_YEARS', 5),
  };
}

/** Settings of the test harness: which database server the suites run against, if any. */
export interface TestConfig {
  testDatabaseUrl: string | undefined;
  chromiumPath: string;
}

export function loadTestConfig(env: Env = process.env): TestConfig {
  return {
    testDatabaseUrl: env.TEST_DATABASE_URL?.trim() || undefined,
    chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  };
}

export { ConfigError };
