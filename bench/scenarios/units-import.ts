/** units-import: importOfficialUnits of every official unit into a fresh, migrated database, on each driver. */
import type { DriverName } from '../../src/server/db/client.js';
import { importOfficialUnits } from '../../src/server/modules/units/units.service.js';
import { freshDatabase } from '../lib/databases.js';
import type { Measurement, Scenario } from '../lib/harness.js';
import { summarise } from '../lib/harness.js';

export const unitsImport: Scenario = {
  name: 'units-import',
  description:
    'ms to load all official units (units, dated versions, lineage) into a fresh migrated database; PGlite in a data folder, and the PostgreSQL server when configured',
  async run(context) {
    const runs = Math.max(1, Math.round(3 * context.scale));
    const results: Measurement[] = [];
    for (const driver of context.drivers) {
      const samples: number[] = [];
      let rows = 0;
      for (let run = 0; run < runs; run++) {
        const fresh = await freshDatabase(context, driver as DriverName);
        const handle = await fresh.open();
        try {
          const started = performance.now();
          const result = await importOfficialUnits(handle.db, context.sharedDataDir);
          const ms = performance.now() - started;
          rows = result.units + result.versions + result.lineage;
          samples.push(ms);
          context.log(`units-import ${driver} #${run + 1}: ${ms.toFixed(0)} ms (${result.units} units)`);
        } finally {
          await handle.close();
          await fresh.drop();
        }
      }
      const median = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
      results.push(
        summarise('units-import', driver, 'ms, whole official hierarchy, one transaction', samples, {
          throughput: { value: rows / (median / 1000), unit: 'rows/s' },
        }),
      );
    }
    return results;
  },
};
