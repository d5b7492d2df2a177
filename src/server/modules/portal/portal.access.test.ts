/**
 * Who may write the portal's posts and read residents' feedback sent through it. Posts: commune officers and
 * province staff (portal.publish), inside their scope; a published post is public, an unpublished one is not.
 * Feedback: the roles that read residents' feedback (police and the Front) inside their scope, the outcome by those
 * who write it; every read of the list is audited. Outside the scope a record does not exist (404); without the
 * permission, 403.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { currentCommunes } from '../../../../test/helpers/reports.js';
import { makeUser, type SignedIn, signIn } from '../../../../test/helpers/users.js';
import type { FeedbackItem, PostItem } from '../../../contracts/portal.js';
import type { RoleId } from '../../../domain/roles.js';
import { type DatabaseHandle, queryRows } from '../../db/client.js';

let app: TestApp;
let database: DatabaseHandle;
let close: () => Promise<void>;
let communes: Array<{ id: number; code: string }>;
let author: SignedIn;

type Access = 'write' | 'read' | 'none';
interface Actor {
  role: RoleId;
  unit: () => string;
  label: string;
  posts: Access;
  feedback: Access;
  inside: boolean;
}
const actors: Actor[] = [
  {
    role: 'commune_officer',
    unit: () => communes[0]!.code,
    label: 'công an xã',
    posts: 'write',
    feedback: 'write',
    inside: true,
  },
  {
    role: 'commune_officer',
    unit: () => communes[1]!.code,
    label: 'công an xã khác',
    posts: 'write',
    feedback: 'write',
    inside: false,
  },
  {
    role: 'province_staff',
    unit: () => '48',
    label: 'Công an tỉnh',
    posts: 'write',
    feedback: 'write',
    inside: true,
  },
  {
    role: 'province_staff',
    unit: () => '01',
    label: 'tỉnh khác',
    posts: 'write',
    feedback: 'write',
    inside: false,
  },
  {
    role: 'front_officer',
    unit: () => communes[0]!.code,
    label: 'MTTQ xã',
    posts: 'none',
    feedback: 'write',
    inside: true,
  },
  {
    role: 'unit_head',
    unit: () => communes[0]!.code,
    label: 'trưởng đơn vị',
    posts: 'none',
    feedback: 'none',
    inside: true,
  },
  { role: 'viewer', unit: () => '48', label: 'người xem', posts: 'none', feedback: 'none', inside: true },
  { role: 'admin', unit: () => 'VN', label: 'quản trị', posts: 'none', feedback: 'none', inside: true },
];
const signedIn = new Map<string, SignedIn>();

function expected(access: Access, inside: boolean, success: number): number {
  if (access === 'none') return 403;
  return inside ? success : 404;
}

const postBody = (title: string) => ({
  kind: 'legal_education',
  title,
  body: '## Tố giác tội phạm\n\nMọi người có **quyền và nghĩa vụ** tố giác tội phạm.\n\n- Gửi qua cổng',
});

async function draftInCommune(title: string): Promise<PostItem> {
  const created = await author.request('POST', '/api/portal/posts', postBody(title));
  expect(created.statusCode).toBe(201);
  return created.json() as PostItem;
}

async function feedbackInCommune(text: string): Promise<void> {
  const sent = await app.inject({
    method: 'POST',
    url: '/api/public/feedback',
    payload: {
      topic: 'traffic',
      body: text,
      communeCode: communes[0]!.code,
      contact: { phone: '0905123456' },
    },
  });
  expect(sent.statusCode).toBe(201);
}

beforeAll(async () => {
  ({ app, database, close } = await createTestApp({ powDifficulty: 0, publicSubmitsPerHour: 10_000 }));
  communes = await currentCommunes(database.db, '48', 2);
  author = await signIn(app, (await makeUser(database.db, 'commune_officer', communes[0]!.code)).username);
  for (const actor of actors) {
    const user = await makeUser(database.db, actor.role, actor.unit());
    signedIn.set(actor.label, await signIn(app, user.username));
  }
});
afterAll(() => close());

describe.each(actors)('$label ($role)', (actor) => {
  const as = () => signedIn.get(actor.label)!;

  it('reads, edits, publishes and unpublishes a post of the commune only inside scope', async () => {
    const post = await draftInCommune(`Bài của xã cho ${actor.label}`);
    const want = (success: number) => expected(actor.posts, actor.inside, success);
    expect((await as().request('GET', `/api/portal/posts/${post.id}`)).statusCode).toBe(want(200));
    const list = await as().request('GET', '/api/portal/posts?pageSize=100');
    if (actor.posts === 'none') expect(list.statusCode).toBe(403);
    else
      expect((list.json() as { items: PostItem[] }).items.some((item) => item.id === post.id)).toBe(
        actor.inside,
      );
    expect(
      (await as().request('PUT', `/api/portal/posts/${post.id}`, postBody(`${post.title} (sửa)`))).statusCode,
    ).toBe(want(200));
    expect((await as().request('POST', `/api/portal/posts/${post.id}/publish`)).statusCode).toBe(want(200));
    const publicAnswer = await app.inject({ method: 'GET', url: `/api/public/posts/${post.id}` });
    expect(publicAnswer.statusCode).toBe(actor.posts !== 'none' && actor.inside ? 200 : 404);
    expect((await as().request('POST', `/api/portal/posts/${post.id}/unpublish`)).statusCode).toBe(want(200));
    expect((await app.inject({ method: 'GET', url: `/api/public/posts/${post.id}` })).statusCode).toBe(404);
  });

  it('writes a post for the commune only when the commune is in scope', async () => {
    const response = await as().request('POST', '/api/portal/posts', {
      ...postBody('Bài viết cho xã'),
      unitId: communes[0]!.id,
    });
    if (actor.posts === 'none') return expect(response.statusCode).toBe(403);
    expect(response.statusCode).toBe(actor.inside ? 201 : 400);
    if (!actor.inside) expect(response.json()).toMatchObject({ field: 'unitId' });
  });

  it('reads the feedback of the commune only inside scope, audited, and records the outcome', async () => {
    const text = `Đèn đường hỏng ở ngã tư, gửi cho ${actor.label}`;
    await feedbackInCommune(text);
    const list = await as().request('GET', '/api/portal/feedback?pageSize=100');
    if (actor.feedback === 'none') return expect(list.statusCode).toBe(403);
    expect(list.statusCode).toBe(200);
    const found = (list.json() as { items: FeedbackItem[] }).items.find((item) => item.body === text);
    expect(Boolean(found)).toBe(actor.inside);
    const [id] = await queryRows<{ id: number }>(
      database.db,
      sql`select max(id)::int as id from resident_feedback where unit_id = ${communes[0]!.id}`,
    );
    const handled = await as().request('POST', `/api/portal/feedback/${id!.id}/handle`, {
      response: 'Đã báo điện lực sửa đèn',
    });
    expect(handled.statusCode).toBe(expected(actor.feedback, actor.inside, 200));
    if (found) {
      expect(found.contact).toEqual({ phone: '0905123456' });
      const reads = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from audit_events where action = 'resident_feedback.read' and entity_id like ${`%${found.id}%`}`,
      );
      expect(reads[0]!.n).toBeGreaterThan(0);
    }
  });
});

describe('feedback at rest', () => {
  it('the table holds no readable text or phone', async () => {
    await feedbackInCommune('Tiếng ồn karaoke kéo dài sau 23 giờ mỗi đêm');
    const rows = await queryRows<Record<string, unknown>>(database.db, sql`select * from resident_feedback`);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain('karaoke');
    expect(dump).not.toContain('0905123456');
  });
});
