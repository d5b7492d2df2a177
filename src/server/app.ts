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
import { createFileService, type FileService } from './lib/files/file-service.js';
import { type Mailer, SmtpMailer } from './lib/smtp.js';
import { accountsRoutes } from './modules/accounts/accounts.routes.js';
import { AuthService } from './modules/accounts/auth.service.js';
import { activitiesRoutes } from './modules/activities/activities.routes.js';
import { attachmentsRoutes } from './modules/attachments/attachments.routes.js';
import { AttachmentOwners } from './modules/attachments/attachments.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { awardsRoutes } from './modules/awards/awards.routes.js';
import { committeesRoutes } from './modules/committees/committees.routes.js';
import { crimeReportRoutes } from './modules/crime-reports/crime-reports.routes.js';
import { CrimeReportsService } from './modules/crime-reports/crime-reports.service.js';
import { ProofOfWork } from './modules/crime-reports/pow.js';
import { publicReportRoutes } from './modules/crime-reports/public.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { documentsRoutes } from './modules/documents/documents.routes.js';
import { feedbackRoutes } from './modules/feedback/feedback.routes.js';
import { geoRoutes } from './modules/geo/geo.routes.js';
import { jobsRoutes } from './modules/jobs/jobs.routes.js';
import { JobRunner } from './modules/jobs/jobs.service.js';
import { modelsRoutes } from './modules/models/models.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { Notifier } from './modules/notifications/notifications.service.js';
import { portalRoutes } from './modules/portal/portal.routes.js';
import { programmesRoutes } from './modules/programmes/programmes.routes.js';
import { classificationRoutes } from './modules/recognition/classification.routes.js';
import { recognitionRoutes } from './modules/recognition/recognition.routes.js';
import { reintegrationRoutes } from './modules/reintegration/reintegration.routes.js';
import { reportExportRoutes } from './modules/reports/reports.export.routes.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { teamsRoutes } from './modules/teams/teams.routes.js';
import { unitsRoutes } from './modules/units/units.routes.js';
import { drainFacts } from './reporting/aggregates.js';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  /** Encrypts the most sensitive fields; built from the configured or generated installation key. */
  cipher: FieldCipher;
  scopes: ScopeCache;
  /** Background jobs (imports), run in this process. */
  jobs: JobRunner;
  /** Attachment bytes: checked, cleaned and stored (disk under `dataDir/files` by default). */
  files: FileService;
  /** The modules whose records take attachments, each deciding who may see its files. */
  attachmentOwners: AttachmentOwners;
  /** Turns notification events into in-app notices and e-mails, in the background of this process. */
  notifier: Notifier;
}

declare module 'fastify' {
  interface FastifyInstance {
    notifier: Notifier;
    crimeReports: CrimeReportsService;
  }
}

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  /** Tests pass a key so that no key file is written; otherwise it comes from configuration or the data folder. */
  cipher?: FieldCipher;
  /** Tests may pass their own file service (e.g. with a scanner that finds a test virus). */
  files?: FileService;
  /** Where e-mail notices go; by default the configured SMTP server, if any. */
  mailer?: Mailer;
}

export async function buildApp(options: AppOptions) {
  const cipher = options.cipher ?? new FieldCipher(loadOrCreateKey(options.config));
  const mailer =
    options.mailer ??
    (options.config.smtpUrl
      ? new SmtpMailer({ url: options.config.smtpUrl, from: options.config.smtpFrom })
      : undefined);
  const deps: AppDeps = {
    config: options.config,
    database: options.database,
    cipher,
    scopes: new ScopeCache(),
    jobs: new JobRunner(options.database.db),
    files: options.files ?? createFileService(options.config, cipher),
    attachmentOwners: new AttachmentOwners(),
    notifier: new Notifier(options.database.db, mailer, options.config.publicUrl),
  };
  const crimeReports = new CrimeReportsService({
    db: deps.database.db,
    cipher: deps.cipher,
    pow: new ProofOfWork(deps.cipher.deriveKey('proof-of-work'), deps.config.powDifficulty),
    lookupMaxFailures: deps.config.lookupMaxFailures,
    files: deps.files,
    videoMaxBytes: deps.config.reportVideoMaxMegabytes * 1024 * 1024,
  });
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
      await documentsRoutes(api, deps);
      await activitiesRoutes(api, deps);
      await awardsRoutes(api, deps);
      await feedbackRoutes(api, deps);
      await attachmentsRoutes(api, deps);
      await reintegrationRoutes(api, deps);
      await programmesRoutes(api, deps);
      await committeesRoutes(api, deps);
      await reportsRoutes(api, deps);
      await reportExportRoutes(api, deps);
      await crimeReportRoutes(api, deps, crimeReports);
      await publicReportRoutes(api, deps.database.db, crimeReports, {
        submitsPerHour: deps.config.publicSubmitsPerHour,
        fileMaxMegabytes: deps.config.attachmentMaxMegabytes,
        videoMaxMegabytes: deps.config.reportVideoMaxMegabytes,
      });
      await portalRoutes(api, deps);
      await notificationsRoutes(api, deps);
      await recognitionRoutes(api, deps);
      await classificationRoutes(api, deps);
      await dashboardRoutes(api, deps);
    },
    { prefix: '/api' },
  );

  app.decorate('notifier', deps.notifier);
  app.decorate('crimeReports', crimeReports);
  deps.notifier.attachLogger(app.log);
  let purge: NodeJS.Timeout | undefined;
  let drain: NodeJS.Timeout | undefined;
  let draining: Promise<unknown> | undefined;
  app.addHook('onReady', async () => {
    await crimeReports.ensureDefaults();
    deps.notifier.start();
    // Spent challenges and day-old idempotency keys are only needed while they can be replayed.
    purge = setInterval(() => {
      crimeReports.purgeExpired().catch(() => undefined);
    }, 10 * 60_000);
    purge.unref();
    // The aggregates' change log is drained before every read; draining it in the background too keeps that cheap.
    drain = setInterval(() => {
      draining ??= drainFacts(options.database.db)
        .catch((error: unknown) => app.log.error({ err: error }, 'aggregate change log not drained'))
        .finally(() => {
          draining = undefined;
        });
    }, 5_000);
    drain.unref();
  });
  app.addHook('onClose', async () => {
    deps.notifier.stop();
    if (purge) clearInterval(purge);
    if (drain) clearInterval(drain);
    await draining;
  });

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
