/**
 * buildApp(deps): every plugin and module, no listen. main.ts and the tests build the app the same way.
 */
import { existsSync } from 'node:fs';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/client.js';
import { ScopeCache } from './db/scope.js';
import authPlugin from './http/auth.js';
import { registerErrorHandler } from './http/error-handler.js';
import { loggerOptions } from './http/logging.js';
import { FieldCipher, loadOrCreateKey } from './lib/crypto.js';
import { accountsRoutes } from './modules/accounts/accounts.routes.js';
import { AuthService } from './modules/accounts/auth.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { geoRoutes } from './modules/geo/geo.routes.js';
import { jobsRoutes } from './modules/jobs/jobs.routes.js';
import { JobRunner } from './modules/jobs/jobs.service.js';
import { modelsRoutes } from './modules/models/models.routes.js';
import { classificationRoutes } from './modules/recognition/classification.routes.js';
import { recognitionRoutes } from './modules/recognition/recognition.routes.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { teamsRoutes } from './modules/teams/teams.routes.js';
import { unitsRoutes } from './modules/units/units.routes.js';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  /** Encrypts the most sensitive fields; built from the configured or generated installation key. */
  cipher: FieldCipher;
  scopes: ScopeCache;
  /** Background jobs (imports), run in this process. */
  jobs: JobRunner;
}

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  /** Tests pass a key so that no key file is written; otherwise it comes from configuration or the data folder. */
  cipher?: FieldCipher;
}

export async function buildApp(options: AppOptions) {
  const deps: AppDeps = {
    config: options.config,
    database: options.database,
    cipher: options.cipher ?? new FieldCipher(loadOrCreateKey(options.config)),
    scopes: new ScopeCache(),
    jobs: new JobRunner(options.database.db),
  };
  const auth = new AuthService(deps.database.db, deps.config, deps.cipher);
  const app = Fastify({
    logger: loggerOptions(deps.config.logLevel),
    trustProxy: true,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<TypeBoxTypeProvider>();

  const serveWeb = existsSync(deps.config.webDistDir);
  registerErrorHandler(app, { spaIndex: serveWeb });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its styles at run time (CSS-in-JS), which needs inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: deps.config.cookieSecure,
  });
  await app.register(rateLimit, { global: false });
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(multipart, {
    limits: { fileSize: deps.config.uploadMaxMegabytes * 1024 * 1024, files: 1, fields: 10 },
  });
  await app.register(authPlugin, {
    auth,
    db: deps.database.db,
    scopes: deps.scopes,
    cookieSecure: deps.config.cookieSecure,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ANTQ API',
        description: 'Giao diện lập trình của nền tảng Phong trào Toàn dân bảo vệ an ninh Tổ quốc',
        version: '0.1.0',
      },
      servers: [],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
    staticCSP: true,
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );

  await app.register(
    async (instance) => {
      const api = instance.withTypeProvider<TypeBoxTypeProvider>();
      await systemRoutes(api, deps);
      await unitsRoutes(api, deps);
      await geoRoutes(api, deps);
      await accountsRoutes(api, { ...deps, auth });
      await auditRoutes(api, deps);
      await jobsRoutes(api, deps);
      await teamsRoutes(api, deps);
      await modelsRoutes(api, deps);
      await recognitionRoutes(api, deps);
      await classificationRoutes(api, deps);
    },
    { prefix: '/api' },
  );

  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: deps.config.webDistDir,
      wildcard: false,
      index: ['index.html'],
    });
  }
  return app;
}

export type AppInstance = Awaited<ReturnType<typeof buildApp>>;
