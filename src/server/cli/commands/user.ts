/**
 * `antq user create|reset-password|disable`: accounts from the console, for the first administrator, automation
 * and the day the last administrator forgot their password. Every change is audited as done by the console.
 */
import { userInfo } from 'node:os';
import { type Command, Option } from 'commander';
import { ROLE_IDS, ROLE_LABELS, type RoleId } from '../../../domain/roles.js';
import { type Actor, systemActor } from '../../context.js';
import {
  createUser,
  findUserIdByUsername,
  resetPassword,
  resolveUnitCode,
  updateUser,
} from '../../modules/accounts/accounts.service.js';
import { sealAll } from '../../modules/audit/audit.service.js';
import type { CliContext } from '../context.js';
import { migrateAndReport } from './migrate.js';

/** The console acts with national scope; the trail names the operating-system account that ran it. */
function consoleActor(): Actor {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // Containers may run under a uid without a passwd entry.
  }
  return systemActor(`dòng lệnh (${name})`);
}

function printOneTimePassword(context: CliContext, username: string, password: string | null): void {
  if (password === null) {
    context.output.line('Mật khẩu đã đặt theo tham số --password (không cần đổi ở lần đăng nhập đầu).');
    return;
  }
  context.output.line(`Mật khẩu dùng một lần của ${username}: ${password}`);
  context.output.line(
    'Người dùng phải đổi mật khẩu này ở lần đăng nhập đầu. Mật khẩu không được lưu ở đâu khác.',
  );
}

export function registerUserCommands(program: Command, context: CliContext): void {
  const user = program.command('user').description('tài khoản người dùng');

  user
    .command('create')
    .description('tạo người dùng; không có --password thì in mật khẩu dùng một lần')
    .requiredOption('--username <U>', 'tên đăng nhập (chữ thường không dấu, số, . _ -)')
    .addOption(new Option('--role <ROLE>', 'vai trò').choices([...ROLE_IDS]).makeOptionMandatory())
    .requiredOption('--unit <UNIT_CODE>', 'mã đơn vị phạm vi hiện hành (VN = toàn quốc)')
    .option('--password <P>', 'mật khẩu cố định (cho tự động hóa)')
    .option('--full-name <N>', 'họ và tên')
    .action(
      async (options: {
        username: string;
        role: RoleId;
        unit: string;
        password?: string;
        fullName?: string;
      }) => {
        await context.withDatabase(async (database) => {
          await migrateAndReport(context, database);
          const unitId = await resolveUnitCode(database.db, options.unit);
          const { user: created, oneTimePassword } = await createUser(database.db, consoleActor(), {
            username: options.username,
            fullName: options.fullName ?? options.username,
            role: options.role,
            unitId,
            ...(options.password ? { password: options.password } : {}),
          });
          await sealAll(database.db);
          context.output.line(
            `Đã tạo người dùng ${created.username} — ${ROLE_LABELS[created.role]}, phạm vi ${created.unit?.fullName ?? 'toàn quốc'}.`,
          );
          printOneTimePassword(context, created.username, oneTimePassword);
        });
      },
    );

  user
    .command('reset-password')
    .description(
      'đặt lại mật khẩu; không có --password thì in mật khẩu dùng một lần; mở khóa nếu đang bị khóa',
    )
    .requiredOption('--username <U>', 'tên đăng nhập')
    .option('--password <P>', 'mật khẩu cố định (cho tự động hóa)')
    .action(async (options: { username: string; password?: string }) => {
      await context.withDatabase(async (database) => {
        await migrateAndReport(context, database);
        const id = await findUserIdByUsername(database.db, options.username);
        const { oneTimePassword } = await resetPassword(database.db, consoleActor(), id, options.password);
        await sealAll(database.db);
        context.output.line(
          `Đã đặt lại mật khẩu của ${options.username}; mọi phiên đăng nhập của người này đã kết thúc.`,
        );
        printOneTimePassword(context, options.username, oneTimePassword);
      });
    });

  user
    .command('disable')
    .description('khóa tài khoản (không xóa; nhật ký vẫn giữ tên người dùng)')
    .requiredOption('--username <U>', 'tên đăng nhập')
    .action(async (options: { username: string }) => {
      await context.withDatabase(async (database) => {
        await migrateAndReport(context, database);
        const id = await findUserIdByUsername(database.db, options.username);
        await updateUser(database.db, consoleActor(), id, { active: false });
        await sealAll(database.db);
        context.output.line(`Đã khóa tài khoản ${options.username}; mọi phiên đăng nhập đã kết thúc.`);
      });
    });
}
