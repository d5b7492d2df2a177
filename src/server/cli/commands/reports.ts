/**
 * `antq reports rebuild`: recomputes the aggregate tables that serve reports and dashboards from the records
 * (src/server/reporting/aggregates.ts). The numbers do not change: the tables are kept current as records change;
 * this is for after a manual repair of the database, or to check that nothing drifted.
 */
import type { Command } from 'commander';
import { rebuildAggregates } from '../../reporting/aggregates.js';
import { type CliContext, elapsedSince } from '../context.js';
import { formatCount, formatDuration, type Progress } from '../output.js';
import { migrateAndReport } from './migrate.js';

export function registerReportsCommands(program: Command, context: CliContext): void {
  const reports = program.command('reports').description('báo cáo và số liệu tổng hợp');
  reports
    .command('rebuild')
    .description('tính lại toàn bộ bảng số liệu tổng hợp (phục vụ báo cáo, bảng điều khiển) từ hồ sơ gốc')
    .action(async () => {
      await context.withDatabase(async (database) => {
        await migrateAndReport(context, database);
        const started = performance.now();
        let progress: Progress | undefined;
        const result = await rebuildAggregates(database.db, {
          onProgress: (done, total, indicator) => {
            progress ??= context.output.progress('Tính lại số liệu tổng hợp', total);
            progress.update(done, indicator);
          },
        });
        progress?.stop();
        context.output.line(
          `Đã tính lại ${formatCount(result.indicators)} chỉ tiêu từ ${formatCount(result.facts)} dữ kiện sau ${formatDuration(elapsedSince(started))}.`,
        );
      });
    });
}
