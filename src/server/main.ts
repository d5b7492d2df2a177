/** config -> database -> migrate -> first-start data -> buildApp -> listen -> graceful close. */
import { buildApp } from './app.js';
import { prepareDatabase } from './bootstrap/first-start.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { sealAll, startAuditSealer } from './modules/audit/audit.service.js';
import { startRetentionSchedule } from './modules/reintegration/reintegration.schedule.js';

const startedAt = performance.now();
const config = loadConfig();
const database = await openDatabase(config);
await migrateDatabase(database);
const app = await buildApp({ config, database });
const prepared = await prepareDatabase(database, config, app.log);
await app.listen({ port: config.port, host: config.host });
if (prepared.initialAdminPassword) {
  // Shown once on the terminal of the first start, never through the logger: it must not end up in log files.
  process.stdout.write(
    `\n  Tài khoản quản trị đầu tiên: admin\n  Mật khẩu dùng một lần:        ${prepared.initialAdminPassword}\n` +
      '  (đổi mật khẩu ngay ở lần đăng nhập đầu; lệnh "npx antq user reset-password --username admin" cấp mật khẩu mới)\n\n',
  );
}
const sealer = startAuditSealer(database.db, app.log);
const retention = startRetentionSchedule(database.db, config.reintegrationRetentionYears, app.log);
app.log.info(
  `ANTQ sẵn sàng tại http://localhost:${config.port} (${database.target}) sau ${Math.round(performance.now() - startedAt)} ms`,
);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info(`Nhận ${signal}, đang dừng máy chủ`);
  const timer = setTimeout(() => process.exit(1), 10_000);
  try {
    sealer.stop();
    retention.stop();
    await app.close();
    await sealAll(database.db);
    await database.close();
  } finally {
    clearTimeout(timer);
    process.exit(0);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
