/**
 * Builds the `antq` program from its command groups and runs it: every failure becomes one Vietnamese line on
 * stderr and exit code 1, with the stack trace only under --debug.
 */
import { Command, CommanderError } from 'commander';
import type { CliContext } from './context.js';
import { describeError, isExplainedError } from './errors.js';

export type CommandGroup = (program: Command, context: CliContext) => void;

const HEADINGS: [RegExp, string][] = [
  [/^Usage:/gm, 'Cách dùng:'],
  [/^Arguments:/gm, 'Tham số:'],
  [/^Options:/gm, 'Tùy chọn:'],
  [/^Commands:/gm, 'Lệnh:'],
  [/^Global Options:/gm, 'Tùy chọn chung:'],
];

const COMMANDER_ERRORS: [RegExp, (...groups: string[]) => string][] = [
  [/unknown command '([^']*)'/, (name) => `không có lệnh "${name}"`],
  [/unknown option '([^']*)'/, (name) => `không có tùy chọn "${name}"`],
  [/missing required argument '([^']*)'/, (name) => `thiếu tham số <${name}>`],
  [/option '([^']*)' argument missing/, (name) => `tùy chọn ${name} cần một giá trị`],
  [/too many arguments/, () => 'thừa tham số'],
];

/** Commander speaks English; the people at this console read Vietnamese. */
export function translateCommanderMessage(message: string): string {
  const body = message.replace(/^error:\s*/i, '').trim();
  const suggestion = /\(Did you mean ([^)?]+)\?\)/.exec(body)?.[1];
  for (const [pattern, translate] of COMMANDER_ERRORS) {
    const match = pattern.exec(body);
    if (match) {
      const text = translate(...match.slice(1));
      return `Lỗi: ${text}${suggestion ? ` (có phải ý bạn là ${suggestion}?)` : ''}.\n`;
    }
  }
  return `Lỗi: ${body}\n`;
}

export function buildProgram(
  groups: CommandGroup[],
  context: CliContext,
  stderr: Pick<NodeJS.WriteStream, 'write'> = process.stderr,
): Command {
  const program = new Command('antq');
  program
    .description(
      'Dòng lệnh quản trị ANTQ: lược đồ, danh mục đơn vị, dữ liệu mẫu, nhập Excel, sao lưu và khôi phục',
    )
    .version('0.1.0', '-V, --version', 'in phiên bản')
    .helpOption('-h, --help', 'hiển thị trợ giúp')
    .helpCommand('help [lệnh]', 'hiển thị trợ giúp của một lệnh')
    .option('--debug', 'khi có lỗi, in cả chi tiết kỹ thuật (stack trace)')
    .showHelpAfterError('(chạy "antq --help" để xem cách dùng)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => {
        context.output.line(
          HEADINGS.reduce((out, [pattern, vi]) => out.replace(pattern, vi), text).trimEnd(),
        );
      },
      writeErr: (text) => {
        stderr.write(HEADINGS.reduce((out, [pattern, vi]) => out.replace(pattern, vi), text));
      },
      outputError: (text, write) => write(translateCommanderMessage(text)),
    });
  for (const register of groups) register(program, context);
  return program;
}

/** Runs one command line and answers the exit code; never throws. */
export async function runCli(
  argv: string[],
  groups: CommandGroup[],
  context: CliContext,
  stderr: Pick<NodeJS.WriteStream, 'write'> = process.stderr,
): Promise<number> {
  const program = buildProgram(groups, context, stderr);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    // Commander has already said what was wrong (or shown help or the version).
    if (error instanceof CommanderError) return error.exitCode;
    stderr.write(`Lỗi: ${describeError(error)}\n`);
    if (argv.includes('--debug')) {
      stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    } else if (!isExplainedError(error)) {
      stderr.write('(chạy lại với --debug để xem chi tiết kỹ thuật)\n');
    }
    return 1;
  }
}
