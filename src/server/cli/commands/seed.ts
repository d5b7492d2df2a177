/** `antq seed demo`: the clearly synthetic demo records, after making sure the official units are there. */
import type { Command } from 'commander';
import { seedDemo } from '../../bootstrap/demo.js';
import { FieldCipher, loadOrCreateKey } from '../../lib/crypto.js';
import { type CliContext, elapsedSince } from '../context.js';
import { formatDuration } from '../output.js';
import { migrateAndReport } from './migrate.js';
import { importUnitsAndReport } from './units.js';

export function registerSeedCommands(program: Command, context: CliContext): void {
  const seed = program.command('seed').description('dữ liệu mẫu');
  seed
    .command('demo')
    .description('tạo dữ liệu mẫu để dùng thử (nạp danh mục đơn vị trước nếu chưa có)')
    .action(async () => {
      await context.withDatabase(async (database) => {
        await migrateAndReport(context, database);
        await importUnitsAndReport(context, database);
        const started = performance.now();
        const demo = await seedDemo(database.db, new FieldCipher(loadOrCreateKey(context.config())));
        context.output.line(
          demo.skipped
            ? 'Dữ liệu mẫu đã có sẵn, không tạo thêm.'
            : `Đã tạo dữ liệu mẫu: ${demo.summary} sau ${formatDuration(elapsedSince(started))}.`,
        );
      });
    });
}
