/**
 * `antq`, the administration command line (started by bin/antq.mjs or `npm run antq --`). It reads the same
 * configuration as the server (DATABASE_URL, ANTQ_DATA_DIR…), so it works on the database the server uses.
 * Each command group lives in commands/<group>.ts; a new group is one line in COMMAND_GROUPS.
 */
import { registerAuditCommands } from './commands/audit.js';
import { registerDbCommands } from './commands/db.js';
import { registerImportCommands } from './commands/import.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerReportsCommands } from './commands/reports.js';
import { registerRetentionCommands } from './commands/retention.js';
import { registerSeedCommands } from './commands/seed.js';
import { registerUnitsCommands } from './commands/units.js';
import { registerUserCommands } from './commands/user.js';
import { createContext } from './context.js';
import { type CommandGroup, runCli } from './run.js';

export const COMMAND_GROUPS: CommandGroup[] = [
  registerMigrateCommand,
  registerUnitsCommands,
  registerSeedCommands,
  registerDbCommands,
  registerUserCommands,
  registerImportCommands,
  registerAuditCommands,
  registerRetentionCommands,
  registerReportsCommands,
];

process.exitCode = await runCli(process.argv, COMMAND_GROUPS, createContext());
