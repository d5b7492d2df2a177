/** `antq audit verify`: walks the whole hash chain of the audit trail; exit 0 when it holds, 1 naming the first bad row. */
import type { Command } from 'commander';
import { describeProblem, verifyChain } from '../../modules/audit/audit.service.js';
import { type CliContext, elapsedSince } from '../context.js';
import { CliError } from '../errors.js';
import { formatCount, formatDuration } from '../output.js';
import { migrateAndReport } from './migrate.js';

export function registerAuditCommands(program: Command, context: CliContext): void {
  const audit = program.command('audit').description('nhật ký hệ thống');
  audit
    .command('verify')
    .description('kiểm tra chuỗi băm của nhật ký: phát hiện bản ghi bị sửa hoặc bị xóa')
    .action(async () => {
      await context.withDatabase(async (database) => {
        await migrateAndReport(context, database);
        const started = performance.now();
        let progress: ReturnType<typeof context.output.progress> | undefined;
        const result = await verifyChain(database.db, (done, total) => {
          progress ??= context.output.progress('Kiểm tra nhật ký', total);
          progress.update(done);
        });
        progress?.stop();
        if (!result.ok && result.problem) {
          throw new CliError(`Chuỗi nhật ký KHÔNG toàn vẹn. ${describeProblem(result.problem)}.`);
        }
        context.output.line(
          `Chuỗi nhật ký toàn vẹn: ${formatCount(result.checked)} bản ghi đã kiểm tra sau ${formatDuration(elapsedSince(started))}.`,
        );
      });
    });
}
