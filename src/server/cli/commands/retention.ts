/**
 * `antq retention run`: removes the personal fields of reintegration files that ended more than
 * ANTQ_REINTEGRATION_RETENTION_YEARS years ago (the server also runs this once a day). Counts stay.
 */
import type { Command } from 'commander';
import { formatDateVi } from '../../../domain/dates.js';
import { runRetention } from '../../modules/reintegration/reintegration.service.js';
import { type CliContext, elapsedSince } from '../context.js';
import { CliError } from '../errors.js';
import { formatCount, formatDuration } from '../output.js';
import { migrateAndReport } from './migrate.js';

export function registerRetentionCommands(program: Command, context: CliContext): void {
  const retention = program.command('retention').description('thời hạn lưu trữ dữ liệu cá nhân');
  retention
    .command('run')
    .description(
      'xóa thông tin cá nhân của hồ sơ tái hòa nhập đã kết thúc quá thời hạn lưu trữ (giữ số liệu)',
    )
    .option('--years <n>', 'số năm lưu sau khi kết thúc (mặc định theo ANTQ_REINTEGRATION_RETENTION_YEARS)')
    .action(async (options: { years?: string }) => {
      const years =
        options.years === undefined ? context.config().reintegrationRetentionYears : Number(options.years);
      if (!Number.isInteger(years) || years <= 0) throw new CliError('--years phải là số nguyên dương');
      await context.withDatabase(async (database) => {
        await migrateAndReport(context, database);
        const started = performance.now();
        const result = await runRetention(database.db, { years });
        context.output.line(
          `Đã xóa thông tin cá nhân của ${formatCount(result.cases)} hồ sơ kết thúc đến ngày ${formatDateVi(result.cutoff)} (lưu ${years} năm) sau ${formatDuration(elapsedSince(started))}.`,
        );
      });
    });
}
