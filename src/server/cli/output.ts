/**
 * What the CLI prints. Results go to stdout one line at a time; progress is a bar on a terminal and, when stdout is
 * not a terminal (CI, a log file, a pipe), a plain line at every tenth so the log stays readable.
 */
import { SingleBar } from 'cli-progress';

export interface Progress {
  /** `done` of `total` units of work; `detail` names the current step (a table, a phase). */
  update(done: number, detail?: string): void;
  stop(): void;
}

export interface Output {
  line(text?: string): void;
  progress(label: string, total: number): Progress;
}

const numberFormat = new Intl.NumberFormat('vi-VN');

/** 14000 -> "14.000", the Vietnamese way. */
export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** 850 -> "850 ms", 12345 -> "12,3 giây". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} giây`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} phút ${Math.round(seconds - minutes * 60)} giây`;
}

/** 1536 -> "1,5 KB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString('vi-VN', { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

type Stream = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean };

/** Progress as plain lines: "label: 30% (detail)" at each new tenth, and 100% once at the end. */
function lineProgress(stream: Stream, label: string, total: number): Progress {
  let lastTenth = -1;
  let last = { done: 0, detail: '' };
  const report = (done: number, detail: string) => {
    const percent = total === 0 ? 100 : Math.min(100, Math.floor((done / total) * 100));
    const tenth = Math.floor(percent / 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    const suffix = detail ? ` (${detail})` : '';
    stream.write(`${label}: ${tenth * 10}% — ${formatCount(done)}/${formatCount(total)}${suffix}\n`);
  };
  return {
    update(done, detail = '') {
      last = { done: Math.min(done, total), detail };
      report(last.done, detail);
    },
    stop() {
      if (lastTenth < 10) {
        lastTenth = 9;
        report(total, last.detail);
      }
    },
  };
}

function barProgress(stream: Stream, label: string, total: number): Progress {
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} | {detail}`,
    stream: stream as NodeJS.WritableStream,
    hideCursor: true,
    clearOnComplete: false,
    barsize: 30,
    formatValue: (value, _options, type) =>
      type === 'value' || type === 'total' ? formatCount(Number(value)) : String(value),
  });
  bar.start(Math.max(total, 1), 0, { detail: '' });
  return {
    update(done, detail = '') {
      bar.update(Math.min(done, Math.max(total, 1)), { detail });
    },
    stop() {
      bar.update(Math.max(total, 1));
      bar.stop();
    },
  };
}

export function createOutput(stream: Stream = process.stdout): Output {
  return {
    line(text = '') {
      stream.write(`${text}\n`);
    },
    progress(label, total) {
      return stream.isTTY ? barProgress(stream, label, total) : lineProgress(stream, label, total);
    },
  };
}
