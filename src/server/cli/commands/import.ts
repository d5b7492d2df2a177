/**
 * `antq import teams|members|models|activities|awards|documents|feedback <file.xlsx> [--unit CODE] [--dry-run]`: the Excel import of the web pages, from
 * the console. The same code checks every row first and writes only a file without a single error, in one
 * transaction; each bad row is printed with its sheet, row and column, and the exit code is 1. With --unit the
 * rows may only name units inside that unit's subtree (as for an officer of that unit).
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { ImportResult } from '../../../contracts/registry.js';
import { type Actor, systemActor } from '../../context.js';
import type { DatabaseHandle } from '../../db/client.js';
import { resolveScope } from '../../db/scope.js';
import { resolveUnitCode } from '../../modules/accounts/accounts.service.js';
import { runActivitiesImport } from '../../modules/activities/activities.import.js';
import { ensureActivityKinds } from '../../modules/activities/activities.service.js';
import { runAwardsImport } from '../../modules/awards/awards.import.js';
import { ensureAwardOptions } from '../../modules/awards/awards.service.js';
import { runDocumentsImport } from '../../modules/documents/documents.import.js';
import { ensureSeededDocuments } from '../../modules/documents/documents.service.js';
import { runFeedbackImport } from '../../modules/feedback/feedback.import.js';
import { runModelsImport } from '../../modules/models/models.import.js';
import { ensureModelKinds } from '../../modules/models/models.service.js';
import { MEMBER_SHEET, runTeamsImport, TEAM_SHEET } from '../../modules/teams/teams.import.js';
import { type CliContext, elapsedSince } from '../context.js';
import { CliError } from '../errors.js';
import { formatCount, formatDuration, type Progress } from '../output.js';
import { migrateAndReport } from './migrate.js';

export const IMPORT_KINDS = [
  'teams',
  'members',
  'models',
  'activities',
  'awards',
  'documents',
  'feedback',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const LABELS: Record<ImportKind, string> = {
  teams: 'tổ, đội, ban và thành viên',
  members: 'thành viên tổ, đội, ban',
  models: 'mô hình tự quản',
  activities: 'hoạt động phong trào',
  awards: 'khen thưởng',
  documents: 'văn bản chỉ đạo',
  feedback: 'ý kiến phản ánh của Nhân dân',
};

/** The sheet a file of this kind must have rows in. */
const REQUIRED_SHEET: Partial<Record<ImportKind, string>> = { teams: TEAM_SHEET, members: MEMBER_SHEET };

/** Errors printed one per line before "… và N lỗi khác". */
const PRINTED_ERRORS = 200;

async function actorFor(database: DatabaseHandle, unitCode: string | undefined): Promise<Actor> {
  const actor = systemActor('dòng lệnh nhập Excel');
  if (unitCode === undefined) return actor;
  const unitId = await resolveUnitCode(database.db, unitCode);
  if (unitId === null) return actor;
  return { ...actor, unitId, scope: await resolveScope(database.db, unitId) };
}

export async function importAndReport(
  context: CliContext,
  database: DatabaseHandle,
  kind: ImportKind,
  file: string,
  options: { unit?: string; dryRun?: boolean },
): Promise<ImportResult> {
  const { output } = context;
  const content = await readFile(file);
  const actor = await actorFor(database, options.unit);
  const dryRun = options.dryRun === true;
  output.line(
    `Nhập ${LABELS[kind]} từ ${file}${options.unit ? `, phạm vi đơn vị mã ${options.unit}` : ''}` +
      (dryRun ? ' (chỉ kiểm tra, không ghi)' : ''),
  );
  const started = performance.now();
  let progress: Progress | undefined;
  const report = (phase: string, _done: number, _total: number, percent: number) => {
    progress ??= output.progress('Tiến độ', 100);
    progress.update(Math.floor(percent), phase);
  };
  let result: ImportResult;
  try {
    const db = database.db;
    switch (kind) {
      case 'models':
        await ensureModelKinds(db);
        result = await runModelsImport(db, actor, content, { dryRun }, report);
        break;
      case 'activities':
        await ensureActivityKinds(db);
        result = await runActivitiesImport(db, actor, content, { dryRun }, report);
        break;
      case 'awards':
        await ensureAwardOptions(db);
        result = await runAwardsImport(db, actor, content, { dryRun }, report);
        break;
      case 'documents':
        await ensureSeededDocuments(db);
        result = await runDocumentsImport(db, actor, content, { dryRun }, report);
        break;
      case 'feedback':
        // A bulk file never carries a resident's contact, so nothing here needs the field cipher.
        result = await runFeedbackImport(db, undefined, actor, content, { dryRun }, report);
        break;
      default:
        result = await runTeamsImport(db, actor, content, { dryRun }, report);
    }
  } finally {
    progress?.stop();
  }

  for (const sheet of result.sheets) {
    output.line(
      `Trang "${sheet.sheet}": ${formatCount(sheet.rows)} dòng, ${formatCount(sheet.valid)} hợp lệ, ` +
        `${formatCount(sheet.created)} đã ghi.`,
    );
  }
  const required = REQUIRED_SHEET[kind];
  if (required && !result.sheets.some((sheet) => sheet.sheet === required && sheet.rows > 0)) {
    throw new CliError(`Tệp không có dòng dữ liệu nào ở trang "${required}" (xem tệp mẫu): không ghi gì.`);
  }
  if (result.errorCount > 0) {
    output.line(`Các dòng bị lỗi (${formatCount(result.errorCount)} lỗi):`);
    for (const error of result.errors.slice(0, PRINTED_ERRORS)) {
      output.line(`  Trang "${error.sheet}", dòng ${error.row}, cột "${error.field}": ${error.message}`);
    }
    const unprinted = result.errorCount - Math.min(result.errors.length, PRINTED_ERRORS);
    if (unprinted > 0) output.line(`  … và ${formatCount(unprinted)} lỗi khác.`);
    throw new CliError(
      `Tệp có ${formatCount(result.errorCount)} lỗi: không ghi dòng nào. Sửa các ô trên rồi chạy lại.`,
    );
  }
  const rows = result.sheets.reduce((sum, sheet) => sum + sheet.rows, 0);
  if (rows === 0) throw new CliError('Tệp không có dòng dữ liệu nào: không ghi gì.');
  const elapsed = formatDuration(elapsedSince(started));
  output.line(
    dryRun
      ? `Kiểm tra xong sau ${elapsed}: cả ${formatCount(rows)} dòng hợp lệ, chưa ghi gì (bỏ --dry-run để ghi).`
      : `Đã ghi toàn bộ ${formatCount(rows)} dòng trong một giao dịch sau ${elapsed}.`,
  );
  return result;
}

export function registerImportCommands(program: Command, context: CliContext): void {
  program
    .command('import')
    .description(
      'nhập Excel theo tệp mẫu: teams (tổ, đội, ban và thành viên), members (thành viên vào tổ đã có), models (mô hình tự quản), ' +
        'activities (hoạt động), awards (khen thưởng), documents (văn bản), feedback (ý kiến phản ánh); có lỗi thì không ghi gì',
    )
    .argument('<loại>', IMPORT_KINDS.join(', '))
    .argument('<tệp>', 'tệp .xlsx theo mẫu tải ở trang web')
    .option('--unit <mã>', 'chỉ nhận các dòng thuộc đơn vị có mã này và các đơn vị trực thuộc')
    .option('--dry-run', 'chỉ kiểm tra và in các dòng lỗi, không ghi')
    .action(async (kind: string, file: string, options: { unit?: string; dryRun?: boolean }) => {
      if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
        throw new CliError(`Không có loại nhập "${kind}": dùng ${IMPORT_KINDS.join(', ')}.`);
      }
      await context.withDatabase(async (database) => {
        await migrateAndReport(context, database);
        await importAndReport(context, database, kind as ImportKind, file, options);
      });
    });
}
