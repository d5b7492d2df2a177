/** `antq db backup` and `antq db restore`: logical backups that restore on either driver (see ../backup.ts). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { backupDatabase, restoreDatabase } from '../backup.js';
import { type CliContext, elapsedSince } from '../context.js';
import { CliError } from '../errors.js';
import { formatBytes, formatCount, formatDuration, type Progress } from '../output.js';

/** antq-20251122-070502.jsonl.gz, in UTC so that names sort by time whatever the server's zone. */
export function defaultBackupName(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');
  return `antq-${stamp}.jsonl.gz`;
}

export function registerDbCommands(program: Command, context: CliContext): void {
  const db = program.command('db').description('sao lưu và khôi phục cơ sở dữ liệu');

  db.command('backup')
    .description('sao lưu toàn bộ dữ liệu ra một tệp khôi phục được trên cả PGlite và PostgreSQL')
    .option('--out <file>', 'tệp sao lưu (mặc định: <ANTQ_DATA_DIR>/backups/antq-<thời điểm>.jsonl.gz)')
    .action(async (options: { out?: string }) => {
      const { output } = context;
      const file = path.resolve(
        options.out ?? path.join(context.config().dataDir, 'backups', defaultBackupName()),
      );
      if (existsSync(file)) throw new CliError(`Tệp ${file} đã tồn tại: hãy chọn tên khác (--out).`);
      await context.withDatabase(async (database) => {
        const started = performance.now();
        let progress: Progress | undefined;
        const result = await backupDatabase(database, file, {
          onStart: (header) => {
            output.line(`Lược đồ: ${header.schemaVersion}; ${header.tables.length} bảng.`);
            progress = output.progress(
              'Sao lưu',
              header.tables.reduce((sum, table) => sum + table.rows, 0),
            );
          },
          onProgress: (done, _total, table) => progress?.update(done, table),
        });
        progress?.stop();
        output.line(
          `Đã sao lưu ${formatCount(result.rows)} dòng của ${result.header.tables.length} bảng vào ${file} ` +
            `(${formatBytes(result.bytes)}) sau ${formatDuration(elapsedSince(started))}.`,
        );
        output.line(
          `Lưu ý: các trường mã hóa chỉ đọc lại được với cùng khóa bí mật (ANTQ_SECRET_KEY hoặc tệp ${path.join(context.config().dataDir, 'secret.key')}); ` +
            'hãy cất khóa riêng, không để cùng chỗ với bản sao lưu.',
        );
      });
    });

  db.command('restore')
    .description('khôi phục dữ liệu từ một tệp sao lưu: thay toàn bộ dữ liệu hiện có')
    .argument('<file>', 'tệp sao lưu do "antq db backup" tạo ra')
    .option('--yes', 'xác nhận xóa dữ liệu đang có trong cơ sở dữ liệu đích')
    .action(async (fileArgument: string, options: { yes?: boolean }) => {
      const { output } = context;
      const file = path.resolve(fileArgument);
      if (!existsSync(file)) throw new CliError(`Không tìm thấy tệp sao lưu ${file}.`);
      await context.withDatabase(async (database) => {
        const started = performance.now();
        let progress: Progress | undefined;
        const result = await restoreDatabase(database, file, {
          confirmed: options.yes ?? false,
          onStart: (header) => {
            output.line(
              `Bản sao lưu tạo lúc ${header.createdAt} trên ${header.sourceDriver}, lược đồ ${header.schemaVersion}, ${header.tables.length} bảng.`,
            );
            progress = output.progress(
              'Khôi phục',
              header.tables.reduce((sum, table) => sum + table.rows, 0),
            );
          },
          onProgress: (done, _total, table) => progress?.update(done, table),
        });
        progress?.stop();
        for (const table of result.tables) output.line(`  ${table.name}: ${formatCount(table.rows)} dòng`);
        if (result.emptyTables.length > 0) {
          output.line(`  Bảng mới hơn bản sao lưu, để trống: ${result.emptyTables.join(', ')}`);
        }
        output.line(
          `Đã khôi phục ${formatCount(result.rows)} dòng của ${result.tables.length} bảng sau ${formatDuration(elapsedSince(started))}.`,
        );
      });
    });
}
