/**
 * The benchmark harness: a registry of named scenarios, each answering measurements per driver; the runner
 * prints them as one table and records them in bench/results/<date>.json with a description of the machine.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { DriverName } from '../../src/server/db/client.js';

export interface Measurement {
  scenario: string;
  driver: DriverName;
  /** What one sample is, e.g. "ms to first 200 of /api/health". */
  measures: string;
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
  throughput?: { value: number; unit: string };
  note?: string;
}

export interface BenchContext {
  /** Always PGlite; PostgreSQL too when a server is configured (TEST_DATABASE_URL or DATABASE_URL). */
  drivers: DriverName[];
  /** A server URL whose user may CREATE DATABASE: scenarios make and drop their own databases on it. */
  serverUrl: string | undefined;
  sharedDataDir: string;
  /** A folder of this run, removed at the end. */
  workDir: string;
  /** Sample counts are multiplied by this (`--quick` = fewer samples). */
  scale: number;
  /** A free loopback port in 3300-3399 for a server started by a scenario. */
  nextPort(): Promise<number>;
  log(line: string): void;
  /** State shared between scenarios of one run (e.g. a loaded data folder). */
  shared: Map<string, unknown>;
}

export interface Scenario {
  name: string;
  /** One line: what it measures and how. */
  description: string;
  run(context: BenchContext): Promise<Measurement[]>;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function summarise(
  scenario: string,
  driver: DriverName,
  measures: string,
  samples: number[],
  extra: Pick<Measurement, 'throughput' | 'note'> = {},
): Measurement {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    scenario,
    driver,
    measures,
    samples: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)),
    ...extra,
  };
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

export function formatTable(measurements: Measurement[]): string {
  const header = ['scenario', 'driver', 'n', 'p50', 'p95', 'p99', 'throughput', 'measures'];
  const rows = measurements.map((m) => [
    m.scenario,
    m.driver,
    String(m.samples),
    m.p50.toFixed(1),
    m.p95.toFixed(1),
    m.p99.toFixed(1),
    m.throughput ? `${m.throughput.value.toFixed(1)} ${m.throughput.unit}` : '',
    m.measures + (m.note ? ` (${m.note})` : ''),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const numeric = new Set([2, 3, 4, 5, 6]);
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => pad(cell, widths[column]!, numeric.has(column)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * Merges into bench/results/<YYYY-MM-DD>.json: a measurement replaces the one of the same scenario and driver,
 * others of the day are kept, so running one scenario does not erase the rest.
 */
export function writeResults(folder: string, measurements: Measurement[], now = new Date()): string {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${now.toISOString().slice(0, 10)}.json`);
  const previous = existsSync(file)
    ? ((JSON.parse(readFileSync(file, 'utf8')) as { results?: Measurement[] }).results ?? [])
    : [];
  const key = (m: Measurement) => `${m.scenario}/${m.driver}`;
  const fresh = new Set(measurements.map(key));
  const results = [...previous.filter((m) => !fresh.has(key(m))), ...measurements];
  const document = { updatedAt: now.toISOString(), machine: machineInfo(), results };
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Hands out loopback ports of 3300-3399 in turn, skipping those another program holds (MariaDB has 3306). */
export function portAllocator(first = 3300, last = 3399): () => Promise<number> {
  let next = first;
  return async () => {
    for (let tries = 0; tries <= last - first; tries++) {
      const port = next;
      next = next >= last ? first : next + 1;
      if (await canListen(port)) return port;
    }
    throw new Error(`Không còn cổng trống trong khoảng ${first}-${last}`);
  };
}
