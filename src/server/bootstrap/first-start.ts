/**
 * What an empty database gets on its first start: the official units, the seed criteria sets and scoring sheets,
 * then (unless ANTQ_DEMO=0) the demo data. Every step is idempotent, so a start that was interrupted simply does them again.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import { systemActor } from '../context.js';
import type { DatabaseHandle } from '../db/client.js';
import { FieldCipher, loadOrCreateKey } from '../lib/crypto.js';
import { ensureInitialAdmin } from '../modules/accounts/accounts.service.js';
import { ensureReferenceProgrammes } from '../modules/programmes/programmes.service.js';
import { seedStandards } from '../modules/recognition/recognition.seed.js';
import { ensureBuiltInTemplates } from '../modules/reports/reports.service.js';
import { importOfficialUnits } from '../modules/units/units.service.js';
import { ensureAggregates } from '../reporting/aggregates.js';
import { seedDemo } from './demo.js';

export interface PreparedDatabase {
  /** Set only on the very first start: the administrator's one-time password, to be shown once and never logged. */
  initialAdminPassword: string | null;
}

export async function prepareDatabase(
  database: DatabaseHandle,
  config: Config,
  log: Pick<FastifyBaseLogger, 'info'>,
): Promise<PreparedDatabase> {
  let lastReported = -1;
  const units = await importOfficialUnits(database.db, config.sharedDataDir, {
    onProgress: (phase, done, total) => {
      const percent = Math.floor((done / total) * 10) * 10;
      if (percent !== lastReported) {
        lastReported = percent;
        log.info(`Nạp danh mục đơn vị hành chính: ${percent}% (${phase})`);
      }
    },
  });
  if (!units.skipped)
    log.info(`Đã nạp ${units.units} đơn vị, ${units.versions} phiên bản, ${units.lineage} liên kết sáp nhập`);
  // Aggregates built with another definition, or not yet (a database migrated or restored from before them).
  const rebuilt = await ensureAggregates(database.db);
  if (rebuilt.length > 0) log.info(`Đã tính lại số liệu tổng hợp của ${rebuilt.length} chỉ tiêu`);
  const standards = await seedStandards(database.db);
  if (standards > 0)
    log.info(`Đã nạp ${standards} bộ tiêu chí "An toàn về an ninh, trật tự" và phiếu chấm điểm`);
  const initialAdminPassword = await ensureInitialAdmin(database.db, systemActor('khởi tạo hệ thống'));
  if (await ensureReferenceProgrammes(database.db, systemActor('khởi tạo hệ thống')))
    log.info('Đã cài sẵn Chương trình phối hợp số 09 và các giai đoạn');
  if ((await ensureBuiltInTemplates(database.db)) > 0)
    log.info('Đã cài sẵn các mẫu báo cáo sơ kết, tổng kết, giai đoạn và Ngày hội');
  if (config.demo) {
    const demo = await seedDemo(database.db, new FieldCipher(loadOrCreateKey(config)));
    if (!demo.skipped) log.info(`Đã tạo dữ liệu mẫu: ${demo.summary}`);
  }
  return { initialAdminPassword };
}
