/** Every scenario, in the order a full run takes them. A new scenario is a file here and one line below. */
import type { Scenario } from '../lib/harness.js';
import { reportsIntake } from './reports-intake.js';
import { reportsRollup } from './reports-rollup.js';
import { startupEmpty, startupLoaded } from './startup.js';
import { unitsImport } from './units-import.js';
import { unitsSearch } from './units-search.js';

export const SCENARIOS: Scenario[] = [
  startupEmpty,
  startupLoaded,
  unitsImport,
  unitsSearch,
  reportsIntake,
  reportsRollup,
];
