/**
 * Notifications to officers. A use case writes an outbox row in its own transaction (`enqueueNotification`); the
 * notifier of the server process turns pending rows into in-app notifications for every officer whose role reads
 * crime reports and whose scope covers the unit, and queues e-mails to those who gave an address; e-mails go
 * through the configured SMTP server with retries. No content of a report ever enters a notification.
 */
import { sql } from 'drizzle-orm';
import type { NotificationList, NotificationSettings } from '../../../contracts/notifications.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { notFound } from '../../../domain/errors.js';
import { hasPermission, ROLE_IDS } from '../../../domain/roles.js';
import type { Actor } from '../../context.js';
import { type Database, queryRows } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import { safeErrorSummary } from '../../lib/safe-error.js';
import type { Mailer } from '../../lib/smtp.js';
import { toTextArray } from '../../registry/units.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  emailOutbox,
  notificationOutbox,
  notificationSettings,
  notifications,
} from './notifications.table.js';

export interface OutboxEntry {
  kind: 'crime_report.new' | 'crime_report.transferred' | 'crime_report.reporter_message';
  unitId: number;
  provinceCode: string;
  payload: { reportId: number; code: string; category?: string };
}

export async function enqueueNotification(db: Database, entry: OutboxEntry): Promise<void> {
  await db.insert(notificationOutbox).values(entry);
}

const READERS = ROLE_IDS.filter((role) => hasPermission(role, 'crime_reports.read'));

function describe(entry: OutboxEntry): { title: string; body: string; link: string } {
  const link = `/to-giac/${entry.payload.reportId}`;
  switch (entry.kind) {
    case 'crime_report.new':
      return {
        title: `Tin báo mới ${entry.payload.code}`,
        body: 'Có tin báo, tố giác tội phạm mới gửi qua cổng thông tin cho địa bàn của đồng chí. Thời hạn thông báo bằng văn bản: 3 ngày làm việc.',
        link,
      };
    case 'crime_report.transferred':
      return {
        title: `Tin báo ${entry.payload.code} được chuyển đến`,
        body: 'Một tin báo, tố giác tội phạm vừa được chuyển đến đơn vị của đồng chí.',
        link,
      };
    case 'crime_report.reporter_message':
      return {
        title: `Người gửi tin báo ${entry.payload.code} vừa nhắn tin`,
        body: 'Người gửi tin báo đã trả lời hoặc bổ sung thông tin trên cổng thông tin.',
        link,
      };
  }
}

type Logger = { error: (payload: object, message: string) => void };

export class Notifier {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly db: Database,
    private readonly mailer: Mailer | undefined,
    private readonly publicUrl: string | undefined,
    private log: Logger = { error: () => {} },
  ) {}

  attachLogger(log: Logger): void {
    this.log = log;
  }

  start(everyMs = 3000): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = true;
      this.drain()
        .catch((error: unknown) => this.log.error(safeErrorSummary(error), 'gửi thông báo thất bại'))
        .finally(() => {
          this.running = false;
        });
    }, everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Processes pending outbox rows and e-mails; answers how many outbox rows were handled. */
  async drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const batch = await this.fanOut();
      handled += batch;
      if (batch === 0) break;
    }
    await this.sendEmails();
    return handled;
  }

  private async fanOut(): Promise<number> {
    return inTransaction(this.db, async (tx) => {
      const pending = await queryRows<OutboxEntry & { id: number }>(
        tx,
        sql`select id, kind, unit_id as "unitId", province_code as "provinceCode", payload from notification_outbox
            where processed_at is null order by id limit 100 for update skip locked`,
      );
      const today = todayInVietnam();
      for (const entry of pending) {
        const recipients = await queryRows<{ id: number; email: string | null }>(
          tx,
          sql`select usr.id, s.email from users usr
              left join notification_settings s on s.user_id = usr.id
              where usr.active and usr.role = any(${toTextArray(READERS)}::text[])
                and (usr.unit_id is null or exists (
                  select 1 from unit_versions uv join unit_versions rv on rv.unit_id = ${entry.unitId}
                    and (rv.valid_from is null or rv.valid_from <= ${today}::date) and (rv.valid_to is null or rv.valid_to >= ${today}::date)
                  where uv.unit_id = usr.unit_id
                    and (uv.valid_from is null or uv.valid_from <= ${today}::date) and (uv.valid_to is null or uv.valid_to >= ${today}::date)
                    and rv.path like uv.path || '%'))`,
        );
        const text = describe(entry);
        if (recipients.length > 0) {
          await tx
            .insert(notifications)
            .values(recipients.map((recipient) => ({ userId: recipient.id, kind: entry.kind, ...text })));
          const mails = recipients.filter((recipient) => recipient.email);
          if (mails.length > 0 && this.mailer) {
            const link = this.publicUrl ? `\n\n${this.publicUrl}${text.link}` : '';
            await tx.insert(emailOutbox).values(
              mails.map((recipient) => ({
                recipient: recipient.email!,
                subject: `[ANTQ] ${text.title}`,
                body: `${text.body}${link}\n\nĐăng nhập hệ thống để xem chi tiết. Thư này không chứa nội dung tin báo.`,
              })),
            );
          }
        }
        await tx.execute(
          sql`update notification_outbox set processed_at = now(), attempts = attempts + 1 where id = ${entry.id}`,
        );
      }
      return pending.length;
    });
  }

  private async sendEmails(): Promise<void> {
    if (!this.mailer) return;
    const due = await queryRows<{
      id: number;
      recipient: string;
      subject: string;
      body: string;
      attempts: number;
    }>(
      this.db,
      sql`select id, recipient, subject, body, attempts from email_outbox
          where sent_at is null and next_attempt_at <= now() and attempts < 8 order by id limit 50`,
    );
    for (const mail of due) {
      try {
        await this.mailer.send({ to: mail.recipient, subject: mail.subject, text: mail.body });
        await this.db.execute(
          sql`update email_outbox set sent_at = now(), attempts = attempts + 1, last_error = null where id = ${mail.id}`,
        );
      } catch (error) {
        // Back-off doubles from one minute; the error kept is the server's reply, never the message.
        const minutes = 2 ** mail.attempts;
        const reason = error instanceof Error ? error.message.slice(0, 300) : 'lỗi không rõ';
        await this.db.execute(
          sql`update email_outbox set attempts = attempts + 1, last_error = ${reason},
                next_attempt_at = now() + make_interval(mins => ${minutes}) where id = ${mail.id}`,
        );
      }
    }
  }
}

export async function listNotifications(
  db: Database,
  actor: Actor,
  query: { unread?: boolean | undefined; page?: number | undefined; pageSize?: number | undefined },
): Promise<NotificationList> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const rows = await queryRows<{
    id: number;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    createdAt: string;
    read: boolean;
    total: number;
    unread: number;
  }>(
    db,
    sql`select id, kind, title, body, link, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
          read_at is not null as read, count(*) over()::int as total,
          (select count(*)::int from notifications x where x.user_id = ${actor.userId} and x.read_at is null) as unread
        from notifications where user_id = ${actor.userId} ${query.unread ? sql`and read_at is null` : sql``}
        order by created_at desc, id desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  let unread = rows[0]?.unread;
  if (unread === undefined) {
    const counted = await queryRows<{ unread: number }>(
      db,
      sql`select count(*)::int as unread from notifications where user_id = ${actor.userId} and read_at is null`,
    );
    unread = counted[0]?.unread ?? 0;
  }
  return {
    items: rows.map(({ total: _total, unread: _unread, ...row }) => row),
    total: rows[0]?.total ?? 0,
    page,
    pageSize,
    unread,
  };
}

export async function markRead(db: Database, actor: Actor, id: number | 'all'): Promise<void> {
  if (id === 'all') {
    await db.execute(
      sql`update notifications set read_at = now() where user_id = ${actor.userId} and read_at is null`,
    );
    return;
  }
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update notifications set read_at = coalesce(read_at, now()) where id = ${id} and user_id = ${actor.userId} returning id`,
  );
  if (rows.length === 0) throw notFound('notifications.not_found', 'Không tìm thấy thông báo');
}

export async function getSettings(db: Database, actor: Actor): Promise<NotificationSettings> {
  const rows = await queryRows<{ email: string | null }>(
    db,
    sql`select email from notification_settings where user_id = ${actor.userId}`,
  );
  return { email: rows[0]?.email ?? null };
}

export async function saveSettings(
  db: Database,
  actor: Actor,
  settings: NotificationSettings,
): Promise<NotificationSettings> {
  const email = settings.email?.trim() || null;
  await inTransaction(db, async (tx) => {
    await tx
      .insert(notificationSettings)
      .values({ userId: actor.userId!, email })
      .onConflictDoUpdate({ target: notificationSettings.userId, set: { email, updatedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: 'notification_settings.save',
      entityType: 'user',
      entityId: actor.userId,
      details: { emailNotices: email !== null },
    });
  });
  return { email };
}
