/** `antq units import`: loads the official administrative units of shared/data, the same loader as the first start. */
import type { Command } from 'commander';
import type { DatabaseHandle } from '../../db/client.js';
import { importOfficialUnits } from '../../modules/units/units.service.js';
import { type CliContext, elapsedSince } from '../context.js';
import { formatCount, formatDuration, type Progress } from '../output.js';
import { migrateAndReport } from './migrate.js';

/** Imports with a progress bar and prints what happened; idempotent unless `force`. */
export async function importUnitsAndReport(
  context: CliContext,
  database: DatabaseHandle,
  options: { force?: boolean } = {},
): Promise<void> {
  const { output } = context;
  const dataDir = context.config().sharedDataDir;
  output.line(`Nguồn danh mục: ${dataDir}`);
  const started = performance.now();
  let progress: Progress | undefined;
  const result = await importOfficialUnits(database.db, dataDir, {
    force: options.force ?? false,
    onProgress: (phase, done, total) => {
      progress ??= output.progress('Nạp đơn vị hành chính', total);
      progress.update(done, phase);
    },
  });
  progress?.stop();
  if (result.skipped) {
    output.line(
      'Danh mục đơn vị hành chính đã cập nhật với các tệp nguồn, không có gì thay đổi (dùng --force để nạp lại).',
    );
    return;
  }
  output.line(
    `Đã nạp ${formatCount(result.units)} đơn vị, ${formatCount(result.versions)} phiên bản tên và cấp trên, ` +
      `${formatCount(result.lineage)} liên kết sáp nhập, chia tách sau ${formatDuration(elapsedSince(started))}.`,
  );
}

export function registerUnitsCommands(program: Command, context: CliContext): void {
  const units = program.command('units').description('danh mục đơn vị hành chính');
  units
    .command('import')
    .description(
      'nạp danh mục đơn vị hành chính chính thức từ thư mục dữ liệu dùng chung (ANTQ_SHARED_DATA_DIR)',
    )
    .option('--force', 'nạp lại kể cả khi các tệp nguồn không đổi')
    .action(async (options: { force?: boolean }) => {
      await context.withDatabase(async (database) => {
        await migrateAndReport(context, database);
        await importUnitsAndReport(context, database, options);
      });
    });
}
