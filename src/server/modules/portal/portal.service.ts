/**
 * The portal's content: news and legal-education posts written by officers for their unit (draft → published),
 * and residents' feedback sent from the portal (text and contact encrypted at rest).
 */
import { sql } from 'drizzle-orm';
import type { ListResult } from '../../../contracts/common.js';
import {
  FEEDBACK_TOPIC_LABELS,
  type FeedbackBody,
  type FeedbackItem,
  type PostBody,
  type PostItem,
  type PublicPost,
} from '../../../contracts/portal.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { invalid, notFound } from '../../../domain/errors.js';
import type { Actor } from '../../context.js';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import { inTransaction } from '../../db/transaction.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { checkPage, paging } from '../../registry/list.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  type CrimeReportsService,
  cleanLongText,
  portalActor,
} from '../crime-reports/crime-reports.service.js';
import type { Solution } from '../crime-reports/pow.js';
import { portalPosts, residentFeedback } from './portal.table.js';

const utc = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const unitNameOf = (column: string) =>
  sql.raw(
    `(select v.full_name from unit_versions v where v.unit_id = ${column} order by v.valid_to desc nulls first limit 1)`,
  );

/**
 * Posts are plain text with a little Markdown, rendered by the web as text nodes (never as HTML); tags are
 * removed anyway so that nothing that looks like markup is kept.
 */
export function sanitisePostText(text: string): string {
  return (cleanLongText(text) ?? '').replace(/<\/?[a-zA-Z][^>]*>/g, '').replace(/\n{3,}/g, '\n\n');
}

const postNotFound = () => notFound('posts.not_found', 'Không tìm thấy bài viết');

async function unitForPost(
  db: Database,
  scope: Scope,
  unitId: number,
): Promise<{ id: number; provinceCode: string }> {
  const rows = await queryRows<{ id: number; provinceCode: string; kind: string }>(
    db,
    sql`select u.id, u.province_code as "provinceCode", u.kind from units u
        where u.id = ${unitId} and u.valid_to is null and ${unitInScope(scope, sql`u.id`)}`,
  );
  const unit = rows[0];
  if (!unit || !['commune', 'province'].includes(unit.kind))
    throw invalid(
      'posts.unit_invalid',
      'Bài viết đăng cho xã, phường hoặc tỉnh trong phạm vi của bạn',
      'unitId',
    );
  return unit;
}

type PostRow = Omit<PostItem, never>;

function postColumns(): ReturnType<typeof sql> {
  return sql`p.id, p.kind, p.title, p.summary, ${unitNameOf('p.unit_id')} as "unitName", p.unit_id as "unitId",
    (select u.code from units u where u.id = p.unit_id) as "unitCode", (select u.kind from units u where u.id = p.unit_id) as "unitKind",
    case when p.published_at is null then null else ${utc('p.published_at')} end as "publishedAt",
    p.status, p.body, a.full_name as "authorName", ${utc('p.updated_at')} as "updatedAt"`;
}

export async function listPosts(
  db: Database,
  actor: Actor,
  query: {
    status?: 'draft' | 'published' | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  },
): Promise<ListResult<PostItem>> {
  const paged = paging(query, 20);
  const rows = await queryRows<PostRow & { total: number }>(
    db,
    sql`select ${postColumns()}, count(*) over()::int as total from portal_posts p left join users a on a.id = p.author_id
        where ${unitInScope(actor.scope, sql`p.unit_id`)} ${query.status ? sql`and p.status = ${query.status}` : sql``}
        order by p.updated_at desc, p.id desc limit ${paged.limit} offset ${paged.offset}`,
  );
  const total = rows[0]?.total ?? 0;
  checkPage(paged, total);
  return {
    items: rows.map(({ total: _total, ...row }) => row),
    total,
    page: paged.page,
    pageSize: paged.pageSize,
  };
}

async function postInScope(db: Database, actor: Actor, id: number): Promise<PostRow> {
  const rows = await queryRows<PostRow>(
    db,
    sql`select ${postColumns()} from portal_posts p left join users a on a.id = p.author_id
        where p.id = ${id} and ${unitInScope(actor.scope, sql`p.unit_id`)}`,
  );
  if (!rows[0]) throw postNotFound();
  return rows[0];
}

export async function getPost(db: Database, actor: Actor, id: number): Promise<PostItem> {
  return postInScope(db, actor, id);
}

function postFields(body: PostBody) {
  const title = cleanLongText(body.title)?.replace(/\s+/g, ' ');
  if (!title || title.length < 3)
    throw invalid('posts.title_short', 'Tiêu đề phải có ít nhất 3 ký tự', 'title');
  const text = sanitisePostText(body.body);
  if (!text) throw invalid('posts.body_empty', 'Bài viết chưa có nội dung', 'body');
  const summary = body.summary ? sanitisePostText(body.summary) || null : null;
  return { kind: body.kind, title, body: text, summary };
}

export async function createPost(db: Database, actor: Actor, body: PostBody): Promise<PostItem> {
  const unitId = body.unitId ?? actor.unitId;
  if (unitId === null) throw invalid('posts.unit_required', 'Hãy chọn đơn vị đăng bài', 'unitId');
  return inTransaction(db, async (tx) => {
    const unit = await unitForPost(tx, actor.scope, unitId);
    const fields = postFields(body);
    const [saved] = await tx
      .insert(portalPosts)
      .values({ ...fields, unitId: unit.id, provinceCode: unit.provinceCode, authorId: actor.userId })
      .returning();
    await recordAudit(tx, actor, {
      action: 'portal_post.create',
      entityType: 'portal_post',
      entityId: saved!.id,
      unitId: unit.id,
      provinceCode: unit.provinceCode,
      after: { kind: fields.kind, title: fields.title },
    });
    return postInScope(tx, actor, saved!.id);
  });
}

export async function updatePost(db: Database, actor: Actor, id: number, body: PostBody): Promise<PostItem> {
  return inTransaction(db, async (tx) => {
    const before = await postInScope(tx, actor, id);
    const fields = postFields(body);
    const unit = body.unitId ? await unitForPost(tx, actor.scope, body.unitId) : undefined;
    await tx.execute(
      sql`update portal_posts set kind = ${fields.kind}, title = ${fields.title}, body = ${fields.body}, summary = ${fields.summary},
            ${unit ? sql`unit_id = ${unit.id}, province_code = ${unit.provinceCode},` : sql``} updated_at = now() where id = ${id}`,
    );
    await recordAudit(tx, actor, {
      action: 'portal_post.update',
      entityType: 'portal_post',
      entityId: id,
      unitId: unit?.id ?? before.unitId,
      before: { kind: before.kind, title: before.title },
      after: { kind: fields.kind, title: fields.title },
    });
    return postInScope(tx, actor, id);
  });
}

export async function setPublished(
  db: Database,
  actor: Actor,
  id: number,
  published: boolean,
): Promise<PostItem> {
  return inTransaction(db, async (tx) => {
    const before = await postInScope(tx, actor, id);
    await tx.execute(
      sql`update portal_posts set status = ${published ? 'published' : 'draft'},
            published_at = ${published ? sql`coalesce(published_at, now())` : sql`null`}, updated_at = now() where id = ${id}`,
    );
    await recordAudit(tx, actor, {
      action: published ? 'portal_post.publish' : 'portal_post.unpublish',
      entityType: 'portal_post',
      entityId: id,
      unitId: before.unitId,
      before: { status: before.status },
      after: { status: published ? 'published' : 'draft' },
    });
    return postInScope(tx, actor, id);
  });
}

export async function listPublicPosts(
  db: Database,
  query: {
    kind?: 'news' | 'legal_education' | undefined;
    province?: string | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  },
) {
  const paged = paging(query, 10);
  const rows = await queryRows<{
    id: number;
    kind: 'news' | 'legal_education';
    title: string;
    summary: string | null;
    unitName: string;
    publishedAt: string;
    total: number;
  }>(
    db,
    sql`select p.id, p.kind, p.title, coalesce(p.summary, left(regexp_replace(p.body, '[#*_>\\[\\]\\(\\)\`-]', '', 'g'), 220)) as summary,
          ${unitNameOf('p.unit_id')} as "unitName", ${utc('p.published_at')} as "publishedAt", count(*) over()::int as total
        from portal_posts p where p.status = 'published'
          ${query.kind ? sql`and p.kind = ${query.kind}` : sql``} ${query.province ? sql`and p.province_code = ${query.province}` : sql``}
        order by p.published_at desc, p.id desc limit ${paged.limit} offset ${paged.offset}`,
  );
  return {
    items: rows.map(({ total: _total, ...row }) => row),
    total: rows[0]?.total ?? 0,
    page: paged.page,
    pageSize: paged.pageSize,
  };
}

export async function getPublicPost(db: Database, id: number): Promise<PublicPost> {
  const rows = await queryRows<PublicPost>(
    db,
    sql`select p.id, p.kind, p.title, p.summary, ${unitNameOf('p.unit_id')} as "unitName", ${utc('p.published_at')} as "publishedAt", p.body
        from portal_posts p where p.id = ${id} and p.status = 'published'`,
  );
  if (!rows[0]) throw postNotFound();
  return rows[0];
}

// ---- feedback ------------------------------------------------------------------------------------------------------

export async function receiveFeedback(
  db: Database,
  cipher: FieldCipher,
  reports: CrimeReportsService,
  body: FeedbackBody,
  requestId: string | null,
): Promise<{ received: boolean; receivedAt: string }> {
  const text = cleanLongText(body.body);
  if (!text || text.length < 10)
    throw invalid('feedback.body_short', 'Hãy viết nội dung phản ánh (ít nhất 10 ký tự)', 'body');
  const communes = await queryRows<{ id: number; provinceCode: string }>(
    db,
    sql`select u.id, u.province_code as "provinceCode" from units u join unit_versions v on v.unit_id = u.id
          and (v.valid_from is null or v.valid_from <= ${todayInVietnam()}::date) and v.valid_to is null
        where u.kind = 'commune' and u.code = ${body.communeCode} limit 1`,
  );
  const commune = communes[0];
  if (!commune)
    throw invalid(
      'feedback.commune_unknown',
      'Không có xã, phường, đặc khu này trong danh mục hiện hành',
      'communeCode',
    );
  const contact = body.contact
    ? Object.fromEntries(
        Object.entries(body.contact)
          .map(([key, value]) => [key, cleanLongText(value)])
          .filter(([, value]) => value),
      )
    : {};
  const receivedAt = new Date();
  await inTransaction(db, async (tx) => {
    await reports.spendChallenge(tx, body.challenge as Solution | undefined);
    const [saved] = await tx
      .insert(residentFeedback)
      .values({
        unitId: commune.id,
        provinceCode: commune.provinceCode,
        topic: body.topic,
        bodyEnc: cipher.encrypt(text),
        contactEnc: Object.keys(contact).length > 0 ? cipher.encrypt(JSON.stringify(contact)) : null,
        createdAt: receivedAt,
      })
      .returning();
    await recordAudit(tx, portalActor(requestId), {
      action: 'resident_feedback.create',
      entityType: 'resident_feedback',
      entityId: saved!.id,
      unitId: commune.id,
      provinceCode: commune.provinceCode,
      after: { topic: body.topic },
    });
  });
  return { received: true, receivedAt: receivedAt.toISOString() };
}

export async function listFeedback(
  db: Database,
  cipher: FieldCipher,
  actor: Actor,
  query: { status?: 'new' | 'handled' | undefined; page?: number | undefined; pageSize?: number | undefined },
): Promise<ListResult<FeedbackItem>> {
  const paged = paging(query, 20);
  return inTransaction(db, async (tx) => {
    const rows = await queryRows<{
      id: number;
      topic: FeedbackItem['topic'];
      bodyEnc: string;
      contactEnc: string | null;
      unitName: string;
      unitId: number;
      status: 'new' | 'handled';
      responseEnc: string | null;
      createdAt: string;
      total: number;
    }>(
      tx,
      sql`select f.id, f.topic, f.body_enc as "bodyEnc", f.contact_enc as "contactEnc", ${unitNameOf('f.unit_id')} as "unitName", f.unit_id as "unitId",
            f.status, f.response_enc as "responseEnc", ${utc('f.created_at')} as "createdAt", count(*) over()::int as total
          from resident_feedback f where ${unitInScope(actor.scope, sql`f.unit_id`)} ${query.status ? sql`and f.status = ${query.status}` : sql``}
          order by f.created_at desc, f.id desc limit ${paged.limit} offset ${paged.offset}`,
    );
    const total = rows[0]?.total ?? 0;
    checkPage(paged, total);
    if (rows.length > 0) {
      await recordAudit(tx, actor, {
        action: 'resident_feedback.read',
        entityType: 'resident_feedback',
        entityId: rows.map((row) => row.id).join(','),
        unitId: actor.unitId,
      });
    }
    return {
      items: rows.map((row) => ({
        id: row.id,
        topic: row.topic,
        topicLabel: FEEDBACK_TOPIC_LABELS[row.topic],
        body: cipher.decrypt(row.bodyEnc),
        contact: row.contactEnc ? JSON.parse(cipher.decrypt(row.contactEnc)) : null,
        unitName: row.unitName,
        status: row.status,
        response: row.responseEnc ? cipher.decrypt(row.responseEnc) : null,
        createdAt: row.createdAt,
      })),
      total,
      page: paged.page,
      pageSize: paged.pageSize,
    };
  });
}

export async function handleFeedback(
  db: Database,
  cipher: FieldCipher,
  actor: Actor,
  id: number,
  response: string,
): Promise<void> {
  const text = cleanLongText(response);
  if (!text) throw invalid('feedback.response_empty', 'Hãy ghi kết quả xử lý', 'response');
  await inTransaction(db, async (tx) => {
    const rows = await queryRows<{ id: number; unitId: number; status: string }>(
      tx,
      sql`update resident_feedback f set status = 'handled', response_enc = ${cipher.encrypt(text)}, handled_by = ${actor.userId}, updated_at = now()
          where f.id = ${id} and ${unitInScope(actor.scope, sql`f.unit_id`)} returning f.id, f.unit_id as "unitId", f.status`,
    );
    if (!rows[0]) throw notFound('feedback.not_found', 'Không tìm thấy phản ánh');
    await recordAudit(tx, actor, {
      action: 'resident_feedback.handle',
      entityType: 'resident_feedback',
      entityId: id,
      unitId: rows[0].unitId,
      after: { status: 'handled' },
    });
  });
}
