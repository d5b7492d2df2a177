/**
 * Use cases of crime reports: intake from the portal (proof of work, idempotency, routing, encryption), the
 * reporter's follow-up with code and secret, and the officers' inbox (statuses, clocks, assignment, notes,
 * messages, duplicates, transfers, outcomes). One transaction per use case, with its audit event; every
 * officer's read of a report is an audit event too.
 */
import { randomBytes } from 'node:crypto';
import type { ListResult } from '../../../contracts/common.js';
import type {
  ExtensionBody,
  OutcomeBody,
  ReportDetail,
  ReportItem,
  ReportListQuery,
  ReportSummary,
  StatusBody,
  TransferBody,
} from '../../../contracts/crime-reports.js';
import type {
  CreatedReport,
  CreatePublicReportBody,
  PublicReportView,
  StatisticsResponse,
} from '../../../contracts/portal.js';
import {
  canMove,
  clocksFromDues,
  decisionDueOn,
  encodeBase32,
  extensionLimit,
  normaliseSecret,
  normaliseTrackingCode,
  noticeDueOn,
  PUBLIC_STATUS_LABELS,
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
  type ReportStatus,
  STATUS_TRANSITIONS,
  STATUSES_NEEDING_REASON,
} from '../../../domain/crime-reports.js';
import { formatDateVi, todayInVietnam } from '../../../domain/dates.js';
import { AppError, conflict, invalid, notFound } from '../../../domain/errors.js';
import { hasPermission, ROLE_IDS } from '../../../domain/roles.js';
import { toNfc } from '../../../domain/text.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { safeEqual, sha256 } from '../../lib/crypto.js';
import { FailureLimiter } from '../../lib/failure-limiter.js';
import type { FileService } from '../../lib/files/file-service.js';
import { REPORT_EVIDENCE_TYPES } from '../../lib/files/file-types.js';
import { checkPage, paging } from '../../registry/list.js';
import { recordAudit, recordSensitiveRead } from '../audit/audit.service.js';
import { enqueueNotification } from '../notifications/notifications.service.js';
import * as repo from './crime-reports.repo.js';
import { DEFAULT_PUBLIC_HOLIDAYS, DEFAULT_REPORT_CATEGORIES } from './defaults.js';
import type { ProofOfWork, Solution } from './pow.js';

const ENTITY = 'crime_report';
/** Below this a published count could point at a person: it is shown as "fewer than 5". */
export const STATISTICS_THRESHOLD = 5;
const LOOKUP_WINDOW_MINUTES = 15;
const WORKING_ROLES = ROLE_IDS.filter((role) => hasPermission(role, 'crime_reports.work'));

const reportNotFound = () => notFound('reports.not_found', 'Không tìm thấy tin báo, tố giác');
const lookupFailed = () =>
  new AppError(
    'not_found',
    'reports.lookup_failed',
    'Mã theo dõi hoặc mã bí mật không đúng. Hãy kiểm tra lại cả hai mã.',
  );
const lookupThrottled = () =>
  new AppError(
    'too_many',
    'reports.lookup_throttled',
    `Đã nhập sai quá nhiều lần. Vì an toàn của người gửi, hãy thử lại sau ${LOOKUP_WINDOW_MINUTES} phút.`,
  );

/** Text as people wrote it, in NFC, without control characters (line breaks and tabs kept). */
export function cleanLongText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = Array.from(toNfc(value))
    .filter((char) => {
      const code = char.charCodeAt(0);
      return code === 9 || code === 10 || code === 13 || (code >= 32 && code !== 127);
    })
    .join('')
    .trim();
  return text === '' ? null : text;
}

/** The portal's own actor: no user, no address (the reporter's IP address is never written anywhere). */
export function portalActor(requestId: string | null): Actor {
  return {
    userId: null,
    username: 'cổng thông tin công dân',
    role: 'viewer',
    unitId: null,
    scope: { all: true },
    requestId,
    clientIp: null,
  };
}

export interface ReportsOptions {
  db: Database;
  cipher: FieldCipher;
  pow: ProofOfWork;
  lookupMaxFailures: number;
  files: FileService;
  /** Largest video a reporter may attach, in bytes. */
  videoMaxBytes: number;
}

/** A reporter may attach this many files (photos, videos, documents) to one report. */
export const MAX_FILES_PER_REPORT = 10;

export class CrimeReportsService {
  private readonly db: Database;
  private readonly cipher: FieldCipher;
  readonly pow: ProofOfWork;
  private readonly lookupMax: number;
  private readonly addressFailures: FailureLimiter;
  private holidays: { set: Set<string>; expires: number } | undefined;
  private readonly files: FileService;
  private readonly videoMaxBytes: number;

  constructor(options: ReportsOptions) {
    this.db = options.db;
    this.cipher = options.cipher;
    this.pow = options.pow;
    this.lookupMax = options.lookupMaxFailures;
    this.files = options.files;
    this.videoMaxBytes = options.videoMaxBytes;
    this.addressFailures = new FailureLimiter(options.lookupMaxFailures, LOOKUP_WINDOW_MINUTES * 60_000);
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private enc(value: string | null): string | null {
    return value === null ? null : this.cipher.encrypt(value);
  }

  private dec(value: string | null): string | null {
    return value === null ? null : this.cipher.decrypt(value);
  }

  async holidaySet(): Promise<Set<string>> {
    if (this.holidays && this.holidays.expires > Date.now()) return this.holidays.set;
    const rows = await repo.listHolidays(this.db);
    this.holidays = { set: new Set(rows.map((row) => row.day)), expires: Date.now() + 60_000 };
    return this.holidays.set;
  }

  /** Writes the default categories and holidays that are missing (at start-up; harmless to repeat). */
  async ensureDefaults(): Promise<void> {
    await repo.insertDefaults(this.db, DEFAULT_REPORT_CATEGORIES, DEFAULT_PUBLIC_HOLIDAYS);
  }

  forgetHolidays(): void {
    this.holidays = undefined;
  }

  private categoryCache: { codes: Set<string>; expires: number } | undefined;
  private readonly communeCache = new Map<string, { commune: repo.PlaceUnit | undefined; expires: number }>();

  /** Active category codes, kept a minute: every submission checks them. */
  private async activeCategories(): Promise<Set<string>> {
    if (this.categoryCache && this.categoryCache.expires > Date.now()) return this.categoryCache.codes;
    const rows = await repo.listCategories(this.db);
    const codes = new Set(rows.filter((row) => row.active).map((row) => row.code));
    this.categoryCache = { codes, expires: Date.now() + 60_000 };
    return codes;
  }

  /** Today's commune of a code, kept a minute (the hierarchy changes by decree, not by the minute). */
  private async communeOf(code: string, today: string): Promise<repo.PlaceUnit | undefined> {
    const key = `${today}:${code}`;
    const cached = this.communeCache.get(key);
    if (cached && cached.expires > Date.now()) return cached.commune;
    const commune = await repo.findCommuneByCode(this.db, code, today);
    if (this.communeCache.size > 10_000) this.communeCache.clear();
    this.communeCache.set(key, { commune, expires: Date.now() + 60_000 });
    return commune;
  }

  // ---- intake ----------------------------------------------------------------------------------------------------

  /**
   * A report from the portal. With an idempotency key, a retry answers what the first request answered (the same
   * code and secret) and creates nothing; the same key with a different body is refused.
   */
  async createFromPortal(
    body: CreatePublicReportBody,
    idempotencyKey: string | undefined,
    requestId: string | null,
  ): Promise<CreatedReport> {
    const { challenge, ...content } = body;
    const keyHash = idempotencyKey === undefined ? undefined : sha256(`report:${idempotencyKey}`);
    const bodyHash = sha256(JSON.stringify(content));
    if (keyHash) {
      const earlier = await this.replay(keyHash, bodyHash);
      if (earlier) return earlier;
    }
    const spent = this.pow.verify(challenge as Solution | undefined);
    const today = todayInVietnam();
    const description = cleanLongText(body.description);
    if (!description || description.length < 10)
      throw invalid('reports.description_short', 'Hãy mô tả sự việc (ít nhất 10 ký tự)', 'description');
    if (!(await this.activeCategories()).has(body.category))
      throw invalid('reports.category_unknown', 'Loại tin báo không có trong danh mục', 'category');
    const commune = await this.communeOf(body.communeCode, today);
    if (!commune)
      throw invalid(
        'reports.commune_unknown',
        'Không có xã, phường, đặc khu này trong danh mục hiện hành',
        'communeCode',
      );
    if ((body.lat === undefined) !== (body.lng === undefined))
      throw invalid(
        'reports.location_partial',
        'Vị trí trên bản đồ cần cả vĩ độ và kinh độ',
        body.lat === undefined ? 'lat' : 'lng',
      );
    const contact = body.contact
      ? Object.fromEntries(
          Object.entries(body.contact)
            .map(([key, value]) => [key, cleanLongText(value)])
            .filter(([, value]) => value !== null),
        )
      : {};
    const hasContact = Object.keys(contact).length > 0;
    if (hasContact && body.consentContact !== true)
      throw invalid(
        'reports.consent_missing',
        'Bạn đã để lại thông tin liên hệ: hãy đánh dấu đồng ý cho cơ quan công an liên hệ lại, hoặc xóa thông tin đó để gửi ẩn danh',
        'consentContact',
      );
    if (body.occurredAt !== undefined && !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(body.occurredAt))
      throw invalid(
        'reports.occurred_at',
        'Thời điểm xảy ra phải có dạng ngày (và giờ) hợp lệ',
        'occurredAt',
      );
    if (body.occurredAt !== undefined && body.occurredAt.slice(0, 10) > today)
      throw invalid('reports.occurred_in_future', 'Thời điểm xảy ra không được sau hôm nay', 'occurredAt');

    const holidays = await this.holidaySet();
    const secret = encodeBase32(randomBytes(10), 16, 4);
    const receivedAt = new Date();
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = encodeBase32(randomBytes(7), 10, 5);
      const answer: CreatedReport = { code, secret };
      const outcome = await inTransaction(this.db, async (tx) => {
        if (spent && !(await repo.spendChallenge(tx, spent.tokenHash, spent.expiresAt))) {
          throw invalid(
            'challenge.spent',
            'Thử thách chống gửi tự động đã được dùng, hãy gửi lại',
            'challenge',
          );
        }
        const report = await repo.insertReport(tx, {
          code,
          secretHash: sha256(secret),
          category: body.category,
          unitId: commune.id,
          intakeUnitId: commune.id,
          provinceCode: commune.provinceCode,
          receivedAt,
          receivedOn: today,
          noticeDueOn: noticeDueOn(today, holidays),
          decisionDueOn: decisionDueOn({
            receivedOn: today,
            firstExtensionUntil: null,
            secondExtensionUntil: null,
          }),
          occurredAt: body.occurredAt ?? null,
          descriptionEnc: this.cipher.encrypt(description),
          placeEnc: this.enc(cleanLongText(body.place)),
          locationEnc:
            body.lat !== undefined && body.lng !== undefined
              ? this.cipher.encrypt(JSON.stringify({ lat: body.lat, lng: body.lng }))
              : null,
          involvedEnc: this.enc(cleanLongText(body.involved)),
          contactEnc: hasContact ? this.cipher.encrypt(JSON.stringify(contact)) : null,
          anonymous: !hasContact,
          consentContact: hasContact && body.consentContact === true,
        });
        if (!report) return 'code_taken' as const;
        if (keyHash) {
          const stored = await repo.insertSubmission(tx, {
            keyHash,
            bodyHash,
            reportId: report.id,
            answerEnc: this.cipher.encrypt(JSON.stringify(answer)),
          });
          // Another request with the same key committed first: undo this one and answer what it answered.
          if (!stored) throw new ConcurrentRetry();
        }
        const actor = portalActor(requestId);
        await recordAudit(tx, actor, {
          action: 'crime_report.create',
          entityType: ENTITY,
          entityId: report.id,
          unitId: commune.id,
          provinceCode: commune.provinceCode,
          after: { code, category: report.category, status: report.status, anonymous: report.anonymous },
        });
        await enqueueNotification(tx, {
          kind: 'crime_report.new',
          unitId: commune.id,
          provinceCode: commune.provinceCode,
          payload: { reportId: report.id, code, category: report.category },
        });
        return answer;
      }).catch(async (error: unknown) => {
        if (error instanceof ConcurrentRetry && keyHash)
          return (await this.replay(keyHash, bodyHash)) ?? 'code_taken';
        throw error;
      });
      if (outcome !== 'code_taken') return outcome;
    }
    throw new AppError('internal', 'reports.code_exhausted', 'Không tạo được mã theo dõi, hãy gửi lại');
  }

  private async replay(keyHash: string, bodyHash: string): Promise<CreatedReport | undefined> {
    const earlier = await repo.findSubmission(this.db, keyHash);
    if (!earlier) return undefined;
    if (earlier.bodyHash !== bodyHash)
      throw conflict(
        'reports.idempotency_mismatch',
        'Khóa chống gửi trùng (Idempotency-Key) đã được dùng cho một tin báo khác',
        'Idempotency-Key',
      );
    return JSON.parse(this.cipher.decrypt(earlier.answerEnc)) as CreatedReport;
  }

  /** For other public forms (feedback): checks a proof-of-work solution and spends it in the caller's transaction. */
  async spendChallenge(tx: Database, solution: Solution | undefined): Promise<void> {
    const spent = this.pow.verify(solution);
    if (spent && !(await repo.spendChallenge(tx, spent.tokenHash, spent.expiresAt)))
      throw invalid('challenge.spent', 'Thử thách chống gửi tự động đã được dùng, hãy gửi lại', 'challenge');
  }

  async purgeExpired(): Promise<void> {
    await repo.purgeExpired(this.db, new Date());
  }

  // ---- the reporter's follow-up -------------------------------------------------------------------------------------

  /**
   * The report a code and secret open. Wrong pairs count per client address (in memory) and per report (in the
   * database); past the limit both refuse for a while, even the right pair. The answer never says which half was
   * wrong, and an unknown code costs the same hashing as a known one.
   */
  async authenticateReporter(
    codeInput: string,
    secretInput: string,
    clientKey: string,
  ): Promise<repo.ReportRecord> {
    if (this.addressFailures.isBlocked(clientKey)) throw lookupThrottled();
    const code = normaliseTrackingCode(codeInput);
    const secretHash = sha256(normaliseSecret(secretInput));
    const report = await repo.findByCode(this.db, code);
    if (report?.lookupLockedUntil && report.lookupLockedUntil.getTime() > Date.now()) throw lookupThrottled();
    const matches = safeEqual(secretHash, report?.secretHash ?? sha256('no report'));
    if (!report || !matches) {
      this.addressFailures.fail(clientKey);
      if (report) {
        await repo.recordLookupFailure(this.db, report.id, {
          max: this.lookupMax,
          windowMinutes: LOOKUP_WINDOW_MINUTES,
        });
      }
      throw lookupFailed();
    }
    if (report.lookupFailures > 0) await repo.clearLookupFailures(this.db, report.id);
    return report;
  }

  async publicView(report: repo.ReportRecord): Promise<PublicReportView> {
    const today = todayInVietnam();
    const [messages, unit, categories, files] = await Promise.all([
      repo.listMessages(this.db, report.id),
      repo.findUnitName(this.db, report.unitId, today),
      repo.listCategories(this.db),
      repo.listFiles(this.db, report.id),
    ]);
    const status = report.status as ReportStatus;
    return {
      code: report.code,
      category: categories.find((category) => category.code === report.category)?.label ?? report.category,
      status,
      statusLabel: PUBLIC_STATUS_LABELS[status],
      receivedAt: report.receivedAt.toISOString(),
      updatedAt: report.updatedAt.toISOString(),
      receivingUnit: unit ? `Công an ${unit.fullName}` : 'Cơ quan công an',
      messages: messages.map((message) => ({
        id: message.id,
        from: message.author,
        body: this.cipher.decrypt(message.bodyEnc),
        at: message.at,
      })),
      files: files.map((file) => ({
        id: file.id,
        name: this.cipher.decrypt(file.fileNameEnc),
        size: file.sizeBytes,
        at: file.at,
      })),
    };
  }

  /**
   * A file from the reporter: photos re-encoded without metadata (GPS, camera), videos with their metadata boxes
   * blanked, PDF or Word documents as sent; original bytes never written, stored encrypted. The row and its audit event are one transaction; when it fails the bytes go too.
   */
  async attachFromReporter(
    report: repo.ReportRecord,
    upload: { fileName: string; bytes: Buffer },
    requestId: string | null,
  ): Promise<PublicReportView> {
    const existing = await repo.listFiles(this.db, report.id);
    if (existing.length >= MAX_FILES_PER_REPORT)
      throw invalid('reports.files_limit', `Mỗi tin báo gửi kèm tối đa ${MAX_FILES_PER_REPORT} tệp`, 'file');
    const stored = await this.files.accept(upload, {
      encrypt: true,
      keepOriginal: false,
      allowedTypes: REPORT_EVIDENCE_TYPES,
      videoMaxBytes: this.videoMaxBytes,
    });
    try {
      await inTransaction(this.db, async (tx) => {
        const saved = await repo.insertFile(tx, {
          reportId: report.id,
          provinceCode: report.provinceCode,
          storageKey: stored.storageKey,
          fileNameEnc: this.cipher.encrypt(stored.fileName),
          contentType: stored.contentType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          encrypted: stored.encrypted,
          uploadedBy: 'reporter',
        });
        await repo.updateReport(tx, report.id, { lastReporterMessageAt: new Date() });
        await recordAudit(tx, portalActor(requestId), {
          action: 'crime_report.file_add',
          entityType: ENTITY,
          entityId: report.id,
          unitId: report.unitId,
          provinceCode: report.provinceCode,
          details: { fileId: saved.id, contentType: stored.contentType, sizeBytes: stored.sizeBytes },
        });
      });
    } catch (error) {
      await this.files.discard(stored);
      throw error;
    }
    return this.publicView((await repo.findById(this.db, report.id))!);
  }

  /** The bytes of an attached photo for an officer; the read is an audit event. */
  async readFile(
    actor: Actor,
    id: number,
    fileId: number,
  ): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
    const file = await inTransaction(this.db, async (tx) => {
      const report = await this.requireInScope(tx, actor, id);
      const found = (await repo.listFiles(tx, report.id)).find((candidate) => candidate.id === fileId);
      if (!found) throw notFound('reports.file_not_found', 'Không tìm thấy tệp đính kèm');
      await recordSensitiveRead(tx, actor, {
        entityType: ENTITY,
        entityId: report.id,
        unitId: report.unitId,
        provinceCode: report.provinceCode,
        purpose: `xem tệp đính kèm ${fileId}`,
      });
      return found;
    });
    const bytes = await this.files.read({ storageKey: file.storageKey, encrypted: file.encrypted });
    return { bytes, contentType: file.contentType, fileName: this.cipher.decrypt(file.fileNameEnc) };
  }

  async replyFromReporter(
    report: repo.ReportRecord,
    text: string,
    requestId: string | null,
  ): Promise<PublicReportView> {
    const body = cleanLongText(text);
    if (!body) throw invalid('reports.message_empty', 'Tin nhắn không có nội dung', 'body');
    await inTransaction(this.db, async (tx) => {
      await repo.insertMessage(tx, {
        reportId: report.id,
        provinceCode: report.provinceCode,
        author: 'reporter',
        bodyEnc: this.cipher.encrypt(body),
      });
      await repo.updateReport(tx, report.id, { lastReporterMessageAt: new Date() });
      await recordAudit(tx, portalActor(requestId), {
        action: 'crime_report.reporter_message',
        entityType: ENTITY,
        entityId: report.id,
        unitId: report.unitId,
        provinceCode: report.provinceCode,
      });
      await enqueueNotification(tx, {
        kind: 'crime_report.reporter_message',
        unitId: report.unitId,
        provinceCode: report.provinceCode,
        payload: { reportId: report.id, code: report.code },
      });
    });
    return this.publicView((await repo.findById(this.db, report.id))!);
  }

  // ---- statistics ------------------------------------------------------------------------------------------------------

  async statistics(year: number, province: string | undefined): Promise<StatisticsResponse> {
    const rows = await repo.statistics(this.db, year, province, todayInVietnam());
    return {
      year,
      threshold: STATISTICS_THRESHOLD,
      cells: rows.map((row) => {
        const suppressed = row.count < STATISTICS_THRESHOLD;
        return { ...row, count: suppressed ? null : row.count, suppressed };
      }),
    };
  }

  // ---- the inbox ---------------------------------------------------------------------------------------------------------

  private toItem(row: repo.ReportListRow, today: string): ReportItem {
    const clocks = clocksFromDues(row, today);
    const { noticeDueOn: _n, decisionDueOn: _d, noticeSentOn: _s, ...rest } = row;
    return {
      ...rest,
      statusLabel: REPORT_STATUS_LABELS[row.status],
      noticeClock: clocks.notice,
      decisionClock: clocks.decision,
    };
  }

  async list(actor: Actor, query: ReportListQuery): Promise<ListResult<ReportItem>> {
    const paged = paging(query);
    const today = todayInVietnam();
    if (query.from && query.to && query.from > query.to)
      throw invalid('reports.range', 'Ngày bắt đầu phải trước ngày kết thúc', 'from');
    const { rows, total } = await repo.listReports(
      this.db,
      {
        scope: actor.scope,
        statuses: query.status,
        category: query.category,
        clock: query.clock,
        assigneeId:
          query.assigned === 'me' ? (actor.userId ?? -1) : query.assigned === 'none' ? null : undefined,
        open: query.open,
        code: query.code ? normaliseTrackingCode(query.code) : undefined,
        from: query.from,
        to: query.to,
        today,
      },
      paged,
    );
    checkPage(paged, total);
    return {
      items: rows.map((row) => this.toItem(row, today)),
      total,
      page: paged.page,
      pageSize: paged.pageSize,
    };
  }

  async summary(actor: Actor): Promise<ReportSummary> {
    const rows = await repo.summarise(this.db, actor.scope, todayInVietnam());
    const sum = (pick: (row: repo.SummaryRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
    const open = new Set<ReportStatus>(['received', 'verifying', 'transferred', 'suspended']);
    return {
      total: sum((row) => row.count),
      open: sum((row) => (open.has(row.status) ? row.count : 0)),
      overdue: sum((row) => row.overdue),
      dueSoon: sum((row) => row.dueSoon),
      valuable: sum((row) => row.valuable),
      casesSolved: sum((row) => row.casesSolved),
      personsArrested: sum((row) => row.personsArrested),
      propertyRecoveredVnd: sum((row) => Number(row.propertyRecoveredVnd)),
      byStatus: REPORT_STATUSES.map((status) => ({
        status,
        label: REPORT_STATUS_LABELS[status],
        count: rows.find((row) => row.status === status)?.count ?? 0,
      })),
    };
  }

  private async requireInScope(db: Database, actor: Actor, id: number): Promise<repo.ReportRecord> {
    const report = await repo.findInScope(db, actor.scope, id);
    if (!report) throw reportNotFound();
    return report;
  }

  /** The whole report, decrypted; the read itself goes into the audit trail in the same transaction. */
  async detail(actor: Actor, id: number, purpose = 'xem chi tiết'): Promise<ReportDetail> {
    return inTransaction(this.db, async (tx) => {
      const report = await this.requireInScope(tx, actor, id);
      await recordSensitiveRead(tx, actor, {
        entityType: ENTITY,
        entityId: report.id,
        unitId: report.unitId,
        provinceCode: report.provinceCode,
        purpose,
      });
      return this.buildDetail(tx, report);
    });
  }

  private async buildDetail(db: Database, report: repo.ReportRecord): Promise<ReportDetail> {
    const today = todayInVietnam();
    const [row, intake, number, messages, notes, events, duplicates, duplicateOf, files] = await Promise.all([
      repo.findListRow(db, report.id, today),
      repo.findUnitName(db, report.intakeUnitId, today),
      repo.registerNumber(db, report),
      repo.listMessages(db, report.id),
      repo.listNotes(db, report.id),
      repo.listEvents(db, report.id),
      repo.listDuplicates(db, report.id),
      report.duplicateOfId ? repo.findById(db, report.duplicateOfId) : Promise.resolve(undefined),
      repo.listFiles(db, report.id),
    ]);
    const status = report.status as ReportStatus;
    const json = <T>(value: string | null): T | null =>
      value === null ? null : (JSON.parse(this.cipher.decrypt(value)) as T);
    return {
      ...this.toItem(row, today),
      description: this.cipher.decrypt(report.descriptionEnc),
      occurredAt: report.occurredAt,
      place: this.dec(report.placeEnc),
      location: json<{ lat: number; lng: number }>(report.locationEnc),
      provinceCode: report.provinceCode,
      involved: this.dec(report.involvedEnc),
      contact: json(report.contactEnc),
      consentContact: report.consentContact,
      intakeUnit: { id: report.intakeUnitId, code: intake?.code ?? '', fullName: intake?.fullName ?? '' },
      registerNumber: number,
      noticeSentOn: report.noticeSentOn,
      firstExtension: report.firstExtensionUntil
        ? { until: report.firstExtensionUntil, reason: this.dec(report.firstExtensionReasonEnc) ?? '' }
        : null,
      secondExtension: report.secondExtensionUntil
        ? { until: report.secondExtensionUntil, reason: this.dec(report.secondExtensionReasonEnc) ?? '' }
        : null,
      statusReason: this.dec(report.statusReasonEnc),
      decidedOn: report.decidedOn,
      duplicateOf: duplicateOf ? { id: duplicateOf.id, code: duplicateOf.code } : null,
      duplicates,
      casesSolved: report.casesSolved,
      personsArrested: report.personsArrested,
      propertyRecoveredVnd: Number(report.propertyRecoveredVnd),
      allowedStatuses: [...STATUS_TRANSITIONS[status]],
      files: files.map((file) => ({
        id: file.id,
        name: this.cipher.decrypt(file.fileNameEnc),
        contentType: file.contentType,
        size: file.sizeBytes,
        uploadedBy: file.uploadedBy as 'reporter' | 'officer',
        at: file.at,
      })),
      messages: messages.map((message) => ({
        id: message.id,
        from: message.author,
        authorName: message.author === 'officer' ? message.authorName : null,
        body: this.cipher.decrypt(message.bodyEnc),
        at: message.at,
      })),
      notes: notes.map((note) => ({
        id: note.id,
        authorName: note.authorName,
        body: this.cipher.decrypt(note.bodyEnc),
        at: note.at,
      })),
      events: events.map((event) => ({
        id: event.id,
        kind: event.kind,
        label: eventLabel(event),
        actorName: event.actorName,
        detail: this.dec(event.detailEnc),
        at: event.at,
      })),
    };
  }

  /** Runs a change of a report in one transaction with its event and audit record, answers the fresh detail. */
  private async change(
    actor: Actor,
    id: number,
    work: (
      tx: Database,
      report: repo.ReportRecord,
    ) => Promise<{
      changes: Partial<repo.NewReport>;
      event: {
        kind: string;
        fromStatus?: string;
        toStatus?: string;
        fromUnitId?: number;
        toUnitId?: number;
        detail?: string | null;
      };
      audit: {
        action: string;
        before?: Record<string, unknown>;
        after?: Record<string, unknown>;
        details?: Record<string, unknown>;
      };
    }>,
  ): Promise<ReportDetail> {
    return inTransaction(this.db, async (tx) => {
      const report = await this.requireInScope(tx, actor, id);
      const { changes, event, audit } = await work(tx, report);
      const updated =
        Object.keys(changes).length > 0 ? await repo.updateReport(tx, report.id, changes) : report;
      await repo.insertEvent(tx, {
        reportId: report.id,
        provinceCode: updated.provinceCode,
        kind: event.kind,
        fromStatus: event.fromStatus ?? null,
        toStatus: event.toStatus ?? null,
        fromUnitId: event.fromUnitId ?? null,
        toUnitId: event.toUnitId ?? null,
        actorUserId: actor.userId,
        detailEnc: this.enc(event.detail ?? null),
      });
      await recordAudit(tx, actor, {
        action: audit.action,
        entityType: ENTITY,
        entityId: report.id,
        unitId: updated.unitId,
        provinceCode: updated.provinceCode,
        ...(audit.before ? { before: audit.before } : {}),
        ...(audit.after ? { after: audit.after } : {}),
        ...(audit.details ? { details: audit.details } : {}),
      });
      // An officer who may still see the report gets the fresh detail; one who transferred it away does not.
      const visible = await repo.findInScope(tx, actor.scope, report.id);
      return visible ? this.buildDetail(tx, visible) : this.buildDetail(tx, updated);
    });
  }

  async setStatus(actor: Actor, id: number, body: StatusBody): Promise<ReportDetail> {
    return this.change(actor, id, async (_tx, report) => {
      const from = report.status as ReportStatus;
      if (from === body.status) throw invalid('reports.status_same', 'Tin báo đã ở trạng thái này', 'status');
      if (!canMove(from, body.status))
        throw invalid(
          'reports.status_not_allowed',
          `Không chuyển được từ “${REPORT_STATUS_LABELS[from]}” sang “${REPORT_STATUS_LABELS[body.status]}”`,
          'status',
        );
      const reason = cleanLongText(body.reason);
      if (STATUSES_NEEDING_REASON.includes(body.status) && !reason)
        throw invalid('reports.reason_required', 'Hãy ghi rõ lý do', 'reason');
      const today = todayInVietnam();
      const decided = ['case_opened', 'case_not_opened', 'suspended'].includes(body.status);
      const decidedOn = decided ? (body.decidedOn ?? today) : null;
      if (decidedOn && (decidedOn > today || decidedOn < report.receivedOn))
        throw invalid(
          'reports.decided_on',
          'Ngày quyết định phải từ ngày tiếp nhận đến hôm nay',
          'decidedOn',
        );
      return {
        changes: {
          status: body.status,
          statusReasonEnc: this.enc(reason),
          decidedOn,
          ...(body.status === 'verifying' ? { duplicateOfId: null } : {}),
        },
        event: { kind: 'status', fromStatus: from, toStatus: body.status, detail: reason },
        audit: {
          action: 'crime_report.status',
          before: { status: from },
          after: { status: body.status, decidedOn },
        },
      };
    });
  }

  async recordNotice(actor: Actor, id: number, sentOn: string): Promise<ReportDetail> {
    return this.change(actor, id, async (_tx, report) => {
      if (sentOn < report.receivedOn || sentOn > todayInVietnam())
        throw invalid(
          'reports.notice_date',
          'Ngày gửi thông báo phải từ ngày tiếp nhận đến hôm nay',
          'sentOn',
        );
      return {
        changes: { noticeSentOn: sentOn },
        event: { kind: 'notice', detail: `Đã gửi thông báo bằng văn bản ngày ${formatDateVi(sentOn)}` },
        audit: {
          action: 'crime_report.notice',
          before: { noticeSentOn: report.noticeSentOn },
          after: { noticeSentOn: sentOn },
        },
      };
    });
  }

  async extend(actor: Actor, id: number, body: ExtensionBody): Promise<ReportDetail> {
    return this.change(actor, id, async (_tx, report) => {
      const reason = cleanLongText(body.reason);
      if (!reason) throw invalid('reports.reason_required', 'Hãy ghi rõ lý do gia hạn', 'reason');
      if (['case_opened', 'case_not_opened', 'closed_duplicate', 'closed_unfounded'].includes(report.status))
        throw invalid('reports.extension_closed', 'Tin báo đã có kết quả, không gia hạn được', 'until');
      const which: 1 | 2 = report.firstExtensionUntil ? 2 : 1;
      if (which === 2 && report.secondExtensionUntil)
        throw invalid(
          'reports.extension_exhausted',
          'Đã gia hạn hai lần: luật không cho gia hạn thêm',
          'until',
        );
      const limit = extensionLimit(report, which);
      const current = report.decisionDueOn;
      if (body.until <= current)
        throw invalid(
          'reports.extension_short',
          `Hạn mới phải sau hạn hiện tại ${formatDateVi(current)}`,
          'until',
        );
      if (body.until > limit)
        throw invalid(
          'reports.extension_too_long',
          `Lần gia hạn thứ ${which} chỉ được đến ${formatDateVi(limit)} (tối đa 2 tháng)`,
          'until',
        );
      const changes: Partial<repo.NewReport> =
        which === 1
          ? {
              firstExtensionUntil: body.until,
              firstExtensionReasonEnc: this.cipher.encrypt(reason),
              decisionDueOn: body.until,
            }
          : {
              secondExtensionUntil: body.until,
              secondExtensionReasonEnc: this.cipher.encrypt(reason),
              decisionDueOn: body.until,
            };
      return {
        changes,
        event: { kind: `extension_${which}`, detail: `Gia hạn đến ${formatDateVi(body.until)}: ${reason}` },
        audit: {
          action: 'crime_report.extend',
          before: { decisionDueOn: current },
          after: { decisionDueOn: body.until, extension: which },
        },
      };
    });
  }

  async assignees(actor: Actor, id: number) {
    const report = await this.requireInScope(this.db, actor, id);
    return repo.listAssignees(this.db, report.unitId, WORKING_ROLES, todayInVietnam());
  }

  async assign(actor: Actor, id: number, assigneeId: number | null): Promise<ReportDetail> {
    return this.change(actor, id, async (tx, report) => {
      let name: string | null = null;
      if (assigneeId !== null) {
        const candidates = await repo.listAssignees(tx, report.unitId, WORKING_ROLES, todayInVietnam());
        const found = candidates.find((candidate) => candidate.id === assigneeId);
        if (!found)
          throw invalid(
            'reports.assignee_invalid',
            'Cán bộ này không phụ trách địa bàn của tin báo',
            'assigneeId',
          );
        name = found.fullName;
      }
      return {
        changes: { assigneeId },
        event: { kind: 'assign', detail: name ? `Giao cho ${name}` : 'Bỏ giao việc' },
        audit: {
          action: 'crime_report.assign',
          before: { assigneeId: report.assigneeId },
          after: { assigneeId },
        },
      };
    });
  }

  async addNote(actor: Actor, id: number, text: string): Promise<ReportDetail> {
    const body = cleanLongText(text);
    if (!body) throw invalid('reports.note_empty', 'Ghi chú không có nội dung', 'body');
    return inTransaction(this.db, async (tx) => {
      const report = await this.requireInScope(tx, actor, id);
      await repo.insertNote(tx, {
        reportId: report.id,
        provinceCode: report.provinceCode,
        authorUserId: actor.userId,
        bodyEnc: this.cipher.encrypt(body),
      });
      await recordAudit(tx, actor, {
        action: 'crime_report.note',
        entityType: ENTITY,
        entityId: report.id,
        unitId: report.unitId,
        provinceCode: report.provinceCode,
      });
      return this.buildDetail(tx, report);
    });
  }

  async messageReporter(actor: Actor, id: number, text: string): Promise<ReportDetail> {
    const body = cleanLongText(text);
    if (!body) throw invalid('reports.message_empty', 'Tin nhắn không có nội dung', 'body');
    return inTransaction(this.db, async (tx) => {
      const report = await this.requireInScope(tx, actor, id);
      await repo.insertMessage(tx, {
        reportId: report.id,
        provinceCode: report.provinceCode,
        author: 'officer',
        authorUserId: actor.userId,
        bodyEnc: this.cipher.encrypt(body),
      });
      const updated = await repo.updateReport(tx, report.id, { lastOfficerMessageAt: new Date() });
      await recordAudit(tx, actor, {
        action: 'crime_report.message',
        entityType: ENTITY,
        entityId: report.id,
        unitId: report.unitId,
        provinceCode: report.provinceCode,
      });
      return this.buildDetail(tx, updated);
    });
  }

  async markDuplicate(
    actor: Actor,
    id: number,
    duplicateOfCode: string,
    reasonText?: string,
  ): Promise<ReportDetail> {
    return this.change(actor, id, async (tx, report) => {
      let target = await repo.findByCodeInScope(tx, actor.scope, normaliseTrackingCode(duplicateOfCode));
      if (!target)
        throw invalid(
          'reports.duplicate_unknown',
          'Không tìm thấy tin báo có mã này trong địa bàn của bạn',
          'duplicateOfCode',
        );
      if (target.duplicateOfId) target = (await repo.findById(tx, target.duplicateOfId)) ?? target;
      if (target.id === report.id)
        throw invalid(
          'reports.duplicate_self',
          'Không thể đánh dấu tin báo trùng với chính nó',
          'duplicateOfCode',
        );
      const from = report.status as ReportStatus;
      if (!canMove(from, 'closed_duplicate'))
        throw invalid(
          'reports.status_not_allowed',
          `Tin báo đang “${REPORT_STATUS_LABELS[from]}”, không đóng vì trùng được`,
          'duplicateOfCode',
        );
      const reason = cleanLongText(reasonText) ?? `Trùng nội dung với tin báo ${target.code}`;
      return {
        changes: {
          status: 'closed_duplicate',
          duplicateOfId: target.id,
          statusReasonEnc: this.cipher.encrypt(reason),
        },
        event: {
          kind: 'duplicate',
          fromStatus: from,
          toStatus: 'closed_duplicate',
          detail: `Trùng với ${target.code}. ${reason}`,
        },
        audit: {
          action: 'crime_report.duplicate',
          before: { status: from },
          after: { status: 'closed_duplicate', duplicateOfId: target.id },
        },
      };
    });
  }

  async transfer(actor: Actor, id: number, body: TransferBody): Promise<ReportDetail> {
    const today = todayInVietnam();
    return this.change(actor, id, async (tx, report) => {
      const reason = cleanLongText(body.reason);
      if (!reason) throw invalid('reports.reason_required', 'Hãy ghi rõ lý do chuyển', 'reason');
      let target: repo.PlaceUnit | undefined;
      if (body.to === 'commune') {
        if (!body.communeCode)
          throw invalid('reports.commune_required', 'Hãy chọn xã, phường nhận tin báo', 'communeCode');
        target = await repo.findCommuneByCode(tx, body.communeCode, today);
        if (!target)
          throw invalid(
            'reports.commune_unknown',
            'Không có xã, phường, đặc khu này trong danh mục hiện hành',
            'communeCode',
          );
      } else {
        target = await repo.findProvinceByCode(tx, report.provinceCode, today);
        if (!target) throw invalid('reports.province_unknown', 'Không tìm thấy tỉnh của tin báo', 'to');
      }
      if (target.id === report.unitId)
        throw invalid(
          'reports.transfer_same',
          'Tin báo đang ở chính đơn vị này',
          body.to === 'commune' ? 'communeCode' : 'to',
        );
      await enqueueNotification(tx, {
        kind: 'crime_report.transferred',
        unitId: target.id,
        provinceCode: target.provinceCode,
        payload: { reportId: report.id, code: report.code, category: report.category },
      });
      return {
        changes: { unitId: target.id, provinceCode: target.provinceCode, assigneeId: null },
        event: { kind: 'transfer', fromUnitId: report.unitId, toUnitId: target.id, detail: reason },
        audit: {
          action: 'crime_report.transfer',
          before: { unitId: report.unitId },
          after: { unitId: target.id },
        },
      };
    });
  }

  async setOutcome(actor: Actor, id: number, body: OutcomeBody): Promise<ReportDetail> {
    return this.change(actor, id, async (_tx, report) => {
      const before = {
        valuable: report.valuable,
        casesSolved: report.casesSolved,
        personsArrested: report.personsArrested,
        propertyRecoveredVnd: Number(report.propertyRecoveredVnd),
      };
      const after = { ...before, ...body };
      const parts = [
        after.valuable ? 'tin có giá trị' : 'không đánh dấu giá trị',
        `${after.casesSolved} vụ làm rõ`,
        `${after.personsArrested} người bị bắt`,
        `${after.propertyRecoveredVnd.toLocaleString('vi-VN')} đồng tài sản thu hồi`,
      ];
      return {
        changes: after,
        event: { kind: 'outcome', detail: `Kết quả: ${parts.join(', ')}` },
        audit: { action: 'crime_report.outcome', before, after },
      };
    });
  }

  // ---- configuration --------------------------------------------------------------------------------------------------

  async saveHoliday(actor: Actor, day: string, name: string): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      await repo.upsertHoliday(tx, day, name.trim());
      await recordAudit(tx, actor, {
        action: 'public_holiday.save',
        entityType: 'public_holiday',
        entityId: day,
        after: { name },
      });
    });
    this.forgetHolidays();
  }

  async removeHoliday(actor: Actor, day: string): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      if (!(await repo.deleteHoliday(tx, day)))
        throw notFound('holidays.not_found', `Ngày ${formatDateVi(day)} không có trong danh sách ngày nghỉ`);
      await recordAudit(tx, actor, {
        action: 'public_holiday.remove',
        entityType: 'public_holiday',
        entityId: day,
      });
    });
    this.forgetHolidays();
  }

  async saveCategory(
    actor: Actor,
    code: string,
    body: { label: string; labelEn: string; sortOrder?: number | undefined; active?: boolean | undefined },
  ) {
    return inTransaction(this.db, async (tx) => {
      const saved = await repo.upsertCategory(tx, {
        code,
        label: body.label.trim(),
        labelEn: body.labelEn.trim(),
        sortOrder: body.sortOrder ?? 0,
        active: body.active ?? true,
      });
      await recordAudit(tx, actor, {
        action: 'report_category.save',
        entityType: 'report_category',
        entityId: code,
        after: { ...saved },
      });
      this.categoryCache = undefined;
      return saved;
    });
  }
}

class ConcurrentRetry extends Error {}

const EVENT_LABELS: Record<string, string> = {
  status: 'Chuyển trạng thái',
  notice: 'Gửi thông báo bằng văn bản',
  extension_1: 'Gia hạn lần 1',
  extension_2: 'Gia hạn lần 2',
  assign: 'Giao cán bộ thụ lý',
  duplicate: 'Đóng vì trùng',
  transfer: 'Chuyển đơn vị',
  outcome: 'Cập nhật kết quả',
};

function eventLabel(event: {
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  fromUnitName: string | null;
  toUnitName: string | null;
}): string {
  if (event.kind === 'status' && event.toStatus)
    return `${REPORT_STATUS_LABELS[event.fromStatus as ReportStatus] ?? event.fromStatus} → ${REPORT_STATUS_LABELS[event.toStatus as ReportStatus] ?? event.toStatus}`;
  if (event.kind === 'transfer')
    return `Chuyển từ ${event.fromUnitName ?? '?'} đến ${event.toUnitName ?? '?'}`;
  return EVENT_LABELS[event.kind] ?? event.kind;
}
