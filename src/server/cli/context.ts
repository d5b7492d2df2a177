/**
 * What every command gets: the configuration (read the same way as the server does, so the CLI works on the
 * database the server uses), the output, and a helper that opens the database and always closes it.
 */
import { type Config, loadConfig } from '../config.js';
import { type DatabaseHandle, openDatabase } from '../db/client.js';
import { createOutput, type Output } from './output.js';

export interface CliContext {
  output: Output;
  /** Parsed on first use, so `antq --help` works even with a broken environment. */
  config(): Config;
  withDatabase<T>(work: (database: DatabaseHandle) => Promise<T>): Promise<T>;
}

export function createContext(
  options: { env?: Record<string, string | undefined>; output?: Output } = {},
): CliContext {
  let config: Config | undefined;
  const context: CliContext = {
    output: options.output ?? createOutput(),
    config() {
      config ??= loadConfig(options.env);
      return config;
    },
    async withDatabase(work) {
      const database = await openDatabase(context.config());
      context.output.line(`Cơ sở dữ liệu: ${database.target}`);
      try {
        return await work(database);
      } finally {
        await database.close();
      }
    },
  };
  return context;
}

/** Milliseconds since `start`, for the "xong sau …" line every command prints. */
export function elapsedSince(start: number): number {
  return performance.now() - start;
}
