/**
 * Renders the seed criteria sets, scoring sheets and classification levels (src/server/modules/recognition/
 * recognition.seed.ts, src/domain/classification.ts) into the custom migration 0006_recognition_seed.sql.
 * Run once when the seed changes before the migration lands: `npx tsx scripts/render-recognition-seed.ts`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LEVELS } from '../src/domain/classification.js';
import { PROJECT_ROOT } from '../src/server/config.js';
import { SEED_SETS, SEED_SHEETS } from '../src/server/modules/recognition/recognition.seed.js';

const text = (value: string | null | undefined) =>
  value === null || value === undefined ? 'null' : `'${value.normalize('NFC').replace(/'/g, "''")}'`;
const json = (value: unknown) =>
  value === null || value === undefined ? 'null' : `${text(JSON.stringify(value))}::jsonb`;

const lines: string[] = [
  '-- Seed criteria sets (Thông tư 124/2021/TT-BCA, Thông tư 23/2012/TT-BCA), scoring sheets (Quyết định 510/QĐ-BCA-V05)',
  '-- and classification levels. Rendered by scripts/render-recognition-seed.ts; the texts are summaries (see the seed file).',
];
for (const set of SEED_SETS) {
  lines.push(
    `insert into criteria_sets (code, version, target, legal_basis, title, from_year, to_year, status, frozen) values (${text(set.code)}, 1, ${text(set.target)}, ${text(set.legalBasis)}, ${text(set.title)}, ${set.fromYear}, ${set.toYear ?? 'null'}, 'active', false);`,
    '--> statement-breakpoint',
  );
  set.criteria.forEach((criterion, index) => {
    lines.push(
      `insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, ${index + 1}, ${text(criterion.code)}, ${text(criterion.text)}, ${text(criterion.kind)}, ${json(criterion.threshold)}, ${json(criterion.events)}, ${text(criterion.computedRule)}, ${criterion.evidenceRequired} from criteria_sets where code = ${text(set.code)} and version = 1;`,
      '--> statement-breakpoint',
    );
  });
}
for (const sheet of SEED_SHEETS) {
  lines.push(
    `insert into classification_sheets (code, version, target, legal_basis, title, from_year, status, frozen) values (${text(sheet.code)}, 1, ${text(sheet.target)}, ${text(sheet.legalBasis)}, ${text(sheet.title)}, ${sheet.fromYear}, 'active', false);`,
    '--> statement-breakpoint',
  );
  sheet.items.forEach((item, index) => {
    lines.push(
      `insert into classification_items (sheet_id, position, code, text, max_points) select id, ${index + 1}, ${text(item.code)}, ${text(item.text)}, ${item.maxPoints} from classification_sheets where code = ${text(sheet.code)} and version = 1;`,
      '--> statement-breakpoint',
    );
  });
}
for (const level of DEFAULT_LEVELS) {
  lines.push(
    `insert into classification_levels (province_code, code, label, min_points, enabled) values ('', ${text(level.code)}, ${text(level.label)}, ${level.minPoints}, ${level.enabled});`,
    '--> statement-breakpoint',
  );
}
lines.pop();
const file = path.join(PROJECT_ROOT, 'db/migrations/0006_recognition_seed.sql');
writeFileSync(file, `${lines.join('\n')}\n`);
process.stdout.write(`wrote ${file}\n`);
