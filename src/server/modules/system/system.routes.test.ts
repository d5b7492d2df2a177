import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeSignedInUser } from '../../../../test/helpers/users.js';
import { UNIT_KINDS } from '../../../domain/units.js';
import type { DatabaseHandle } from '../../db/client.js';
import { readJournal } from '../../db/migrate.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
});

afterAll(async () => {
  await close?.();
});

interface Operation {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: { enum?: string[] } }>;
  responses?: Record<string, { description?: string; content?: unknown }>;
  summary?: string;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
}

describe('GET /api/health', () => {
  it('says which database driver runs, the schema version and the time, without signing in', async () => {
    const response = await app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    const health = response.json();
    const journal = readJournal();
    expect(health).toMatchObject({
      status: 'ok',
      driver: inject('databaseTemplate').driver,
      schemaVersion: journal.at(-1)!.tag,
      migrationsApplied: journal.length,
    });
    expect(Math.abs(Date.parse(health.time) - Date.now())).toBeLessThan(60_000);
    expect(health.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  });
});

describe('GET /api/openapi.json', () => {
  let document: OpenApiDocument;

  beforeAll(async () => {
    const response = await app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    document = response.json() as OpenApiDocument;
  });

  it('is an OpenAPI 3 document with every operation described and answering', () => {
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document.info.title).toBeTruthy();
    expect(document.info.version).toBeTruthy();
    const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
    for (const [path, item] of Object.entries(document.paths)) {
      expect(path, path).toMatch(/^\/api\//);
      expect(path, 'Fastify ":id" must become "{id}"').not.toContain(':');
      for (const [method, operation] of Object.entries(item)) {
        if (!methods.has(method)) continue;
        const responses = Object.entries(operation.responses ?? {});
        expect(responses.length, `${method} ${path}`).toBeGreaterThan(0);
        for (const [status, answer] of responses) {
          expect(status, `${method} ${path}`).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
          expect(answer.description, `${method} ${path} ${status}`).toBeTruthy();
        }
        // Every {placeholder} in the path is a required path parameter.
        const placeholders = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
        for (const name of placeholders) {
          expect(operation.parameters, `${method} ${path}`).toContainEqual(
            expect.objectContaining({ in: 'path', name, required: true }),
          );
        }
      }
    }
  });

  it('resolves every $ref inside the document', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]!);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\//);
      const target = ref
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      expect(target, ref).toBeDefined();
    }
  });

  it('lists the units endpoints with their query parameters', () => {
    const list = document.paths['/api/units']?.get;
    expect(list).toBeDefined();
    const query = new Map(
      (list!.parameters ?? []).filter((parameter) => parameter.in === 'query').map((p) => [p.name, p]),
    );
    expect([...query.keys()].sort()).toEqual(['asOf', 'kind', 'page', 'pageSize', 'parent', 'q']);
    expect(query.get('kind')?.schema?.enum).toEqual([...UNIT_KINDS]);
    expect(Object.keys(list!.responses ?? {})).toEqual(expect.arrayContaining(['200', '400']));
    expect(document.paths['/api/units/{id}']?.get?.responses?.['404']).toBeDefined();
    expect(document.paths['/api/units/{id}/children']?.get).toBeDefined();
    expect(document.paths['/api/geo/provinces']?.get).toBeDefined();
  });
});

describe('GET /api/docs', () => {
  it('opens the browsable API reference for a signed-in user', async () => {
    const viewer = await makeSignedInUser(app, database.db, 'viewer', 'VN');
    let response = await viewer.request('GET', '/api/docs');
    if (response.statusCode >= 300 && response.statusCode < 400) {
      response = await viewer.request('GET', String(response.headers.location));
    }
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toMatch(/swagger/i);
  });
});
