/**
 * `npm run bench [-- <scenario> …] [--quick] [--list]`: runs the named scenarios (all by default), prints one
 * table and records it in bench/results/<YYYY-MM-DD>.json. PGlite always; a PostgreSQL server too when
 * TEST_DATABASE_URL (or else DATABASE_URL) names one — scenarios create and drop their own databases there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, loadTestConfig, PROJECT_ROOT } from '../src/server/config.js';
import { describeUrl } from '../src/server/db/client.js';
import {
  type BenchContext,
  formatTable,
  type Measurement,
  machineInfo,
  portAllocator,
  writeResults,
} from './lib/harness.js';
import { SCENARIOS } from './scenarios/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { list: { type: 'boolean' }, quick: { type: 'boolean' } },
});

function say(line: string) {
  process.stdout.write(`${line}\n`);
}

if (values.list) {
  for (const scenario of SCENARIOS) say(`${scenario.name.padEnd(16)} ${scenario.description}`);
  process.exit(0);
}

const unknown = positionals.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
if (unknown.length > 0) {
  console.error(
    `Không có kịch bản đo: ${unknown.join(', ')}. Có: ${SCENARIOS.map((scenario) => scenario.name).join(', ')}`,
  );
  process.exit(1);
}
const selected = positionals.length
  ? SCENARIOS.filter((scenario) => positionals.includes(scenario.name))
  : SCENARIOS;

const config = loadConfig();
const serverUrl = loadTestConfig().testDatabaseUrl ?? config.databaseUrl;
const workDir = mkdtempSync(path.join(tmpdir(), 'antq-bench-'));
const context: BenchContext = {
  drivers: serverUrl ? ['pglite', 'postgres'] : ['pglite'],
  serverUrl,
  sharedDataDir: config.sharedDataDir,
  workDir,
  scale: values.quick ? 0.34 : 1,
  nextPort: portAllocator(),
  log: (line) => say(`  ${line}`),
  shared: new Map(),
};

const machine = machineInfo();
say(
  `ANTQ bench — ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; ` +
    `drivers: ${context.drivers.join(', ')}${serverUrl ? ` (${describeUrl(serverUrl)})` : ''}`,
);

const measurements: Measurement[] = [];
let failed = false;
try {
  for (const scenario of selected) {
    say(`\n▶ ${scenario.name}: ${scenario.description}`);
    try {
      measurements.push(...(await scenario.run(context)));
    } catch (error) {
      failed = true;
      console.error(`✗ ${scenario.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

if (measurements.length > 0) {
  say(`\n${formatTable(measurements)}`);
  const file = writeResults(path.join(PROJECT_ROOT, 'bench/results'), measurements);
  say(`\nKết quả ghi vào ${path.relative(PROJECT_ROOT, file)}`);
}
process.exitCode = failed ? 1 : 0;
