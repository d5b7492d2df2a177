import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.js';
import { AppError, notFound } from '../../domain/errors.js';
import { type DatabaseHandle, queryRows } from '../db/client.js';
import { registerErrorHandler, safeErrorSummary } from './error-handler.js';
import { loggerOptions } from './logging.js';

/** Personal data that must never reach a log: a phone number and a name. */
const PHONE = '0912345678';
const NAME = 'Nguyễn Văn Bình';

let database: DatabaseHandle;
let app: FastifyInstance;
const logLines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // The logger the server uses, writing into an array instead of stdout.
  app = Fastify({
    logger: {
      ...(loggerOptions('info') as Record<string, unknown>),
      stream: { write: (line: string) => logLines.push(line) },
    },
  });
  registerErrorHandler(app);
  app.get('/boom', async () => {
    throw new Error(`Không gọi được số ${PHONE} của ${NAME}`);
  });
  app.get('/query', async () => {
    // A failed query: the driver's message quotes the SQL and the parameter.
    await queryRows(database.db, sql`select ${`${PHONE} ${NAME}\nat home:12:30`}::int as n`);
  });
  app.get('/internal', async () => {
    throw new AppError('internal', 'reports.broken', 'Không dựng được báo cáo', {
      details: { reporter: NAME, phone: PHONE },
    });
  });
  app.get('/thrown-string', async () => {
    throw `chuỗi có ${PHONE}`;
  });
  app.get('/missing', async () => {
    throw notFound('things.not_found', 'Không tìm thấy');
  });
  app.post(
    '/echo',
    { schema: { body: Type.Object({ name: Type.String() }) } },
    async (request) => request.body,
  );
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

function logsSince(start: number): string {
  return logLines.slice(start).join('');
}

describe('an unexpected error', () => {
  it('answers 500 with the generic Vietnamese message and logs what failed, not what it said', async () => {
    const start = logLines.length;
    const response = await app.inject(`/boom?ten=${encodeURIComponent(NAME)}&sdt=${PHONE}`);
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      code: 'internal',
      message: 'Hệ thống gặp lỗi, vui lòng thử lại sau',
      requestId: expect.any(String),
    });
    expect(response.body).not.toContain(PHONE);

    const logs = logsSince(start);
    const entry = logs
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.msg === 'lỗi không mong đợi');
    expect(entry).toMatchObject({ level: 50, errType: 'Error', reqId: response.json().requestId });
    expect((entry!.frames as string[]).length).toBeGreaterThan(0);
    expect(logs).toContain('/boom');
    expect(logs).not.toContain(PHONE);
    expect(logs).not.toContain('Nguy');
  });

  it('logs a failed query by its error codes, never its SQL or parameters', async () => {
    const start = logLines.length;
    const response = await app.inject('/query');
    expect(response.statusCode).toBe(500);
    expect(response.json().code).toBe('internal');
    expect(response.body).not.toMatch(/select|0912/i);
    const logs = logsSince(start);
    expect(logs).toContain('lỗi không mong đợi');
    expect(logs).toContain('22P02');
    expect(logs).not.toContain(PHONE);
    expect(logs).not.toContain('Nguy');
    expect(logs).not.toMatch(/select|::int|at home/i);
  });

  it('logs an internal AppError without its details', async () => {
    const start = logLines.length;
    const response = await app.inject('/internal');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'reports.broken', message: 'Không dựng được báo cáo' });
    const logs = logsSince(start);
    expect(logs).toContain('reports.broken');
    expect(logs).not.toContain(PHONE);
    expect(logs).not.toContain('Nguy');
  });

  it('answers 500 when something that is not an Error is thrown', async () => {
    const start = logLines.length;
    const response = await app.inject('/thrown-string');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'internal' });
    expect(logsSince(start)).not.toContain(PHONE);
  });
});

describe('expected errors', () => {
  it('answers a domain error with its status, stable code and Vietnamese message', async () => {
    const response = await app.inject('/missing');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'things.not_found', message: 'Không tìm thấy' });
  });

  it('answers a body that is not JSON with 400 in Vietnamese, quoting nothing of it', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: `{"name": "${PHONE}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'bad_request', message: 'Yêu cầu không hợp lệ' });
    expect(response.body).not.toContain(PHONE);
  });

  it('names the missing field of a body', async () => {
    const response = await app.inject({ method: 'POST', url: '/echo', payload: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'validation',
      field: 'name',
      message: 'Thiếu trường bắt buộc "name"',
    });
  });

  it('answers an unknown address with 404 naming the path but not the query', async () => {
    const response = await app.inject(`/khong-co?sdt=${PHONE}`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      code: 'route.not_found',
      message: 'Không có địa chỉ GET /khong-co',
    });
    expect(response.body).not.toContain(PHONE);
  });
});

describe('safeErrorSummary', () => {
  it('keeps the type, codes and frames, and drops the message even when it spans lines', () => {
    const error = Object.assign(new Error(`Failed query: select $1\nparams: ${PHONE}\nat ${NAME}:1:2`), {
      code: 'E1',
      cause: Object.assign(new Error(`invalid input "${PHONE}"`), { code: '22P02' }),
    });
    const summary = safeErrorSummary(error);
    expect(summary).toMatchObject({ errType: 'Error', code: 'E1', causeType: 'Error', causeCode: '22P02' });
    expect((summary.frames as string[]).length).toBeGreaterThan(0);
    expect(JSON.stringify(summary)).not.toContain(PHONE);
    expect(JSON.stringify(summary)).not.toContain('Nguy');
  });

  it('copes with things thrown that are not errors', () => {
    expect(safeErrorSummary('chuỗi')).toMatchObject({ frames: [] });
    expect(safeErrorSummary(undefined)).toMatchObject({ frames: [] });
  });
});

describe('the web app in production', () => {
  let webDir: string;
  let web: FastifyInstance;

  beforeAll(async () => {
    webDir = mkdtempSync(path.join(tmpdir(), 'antq-web-'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>ANTQ</title>');
    // Served the way app.ts serves the built web app.
    web = Fastify();
    registerErrorHandler(web, { spaIndex: true });
    await web.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
    await web.ready();
  });

  afterAll(async () => {
    await web?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('opens deep links on the single-page app and keeps JSON 404s under /api', async () => {
    for (const url of ['/', '/don-vi/123']) {
      const page = await web.inject(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toContain('<title>ANTQ</title>');
    }
    const api = await web.inject('/api/khong-co');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'route.not_found' });
    const post = await web.inject({ method: 'POST', url: '/don-vi/123' });
    expect(post.statusCode).toBe(404);
  });
});
