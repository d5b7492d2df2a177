import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeSignedInUser, type SignedIn } from '../../../../test/helpers/users.js';
import type { UnitDetail, UnitList, UnitSummary } from '../../../contracts/units.js';
import { LAST_DAY_BEFORE_REFORM_2025, REFORM_2025_DATE, type UnitKind } from '../../../domain/units.js';

let app: TestApp;
let close: () => Promise<void>;
let viewer: SignedIn;

beforeAll(async () => {
  const test = await createTestApp();
  app = test.app;
  close = test.close;
  // A national viewer browses the whole country; scope limits are proven in units.access.test.ts.
  viewer = await makeSignedInUser(app, test.database.db, 'viewer', 'VN');
});

afterAll(async () => {
  await close?.();
});

async function get(url: string): Promise<LightMyRequestResponse> {
  return viewer.request('GET', url);
}

async function list(url: string): Promise<UnitList> {
  const response = await get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as UnitList;
}

async function detail(id: number, asOf?: string): Promise<UnitDetail> {
  const response = await get(`/api/units/${id}${asOf ? `?asOf=${asOf}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as UnitDetail;
}

/** The official unit with this code on that date, found the way a user would: by searching its code. */
async function byCode(kind: UnitKind, code: string, asOf = REFORM_2025_DATE): Promise<UnitSummary> {
  const found = await list(`/api/units?kind=${kind}&q=${code}&asOf=${asOf}`);
  const unit = found.items.find((item) => item.code === code);
  if (!unit) throw new Error(`${kind} ${code} not found on ${asOf}`);
  return unit;
}

const names = (items: Array<{ fullName: string }>) => items.map((item) => item.fullName);

/** An error answer: the platform's shape, Vietnamese, and nothing of the server's insides. */
function expectCleanError(response: LightMyRequestResponse, status: number, code: string, field?: string) {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json() as { code: string; message: string; field?: string };
  expect(body.code).toBe(code);
  expect(body.field).toBe(field);
  expect(body.message).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/iu);
  expect(response.body).not.toMatch(/\n\s*at |\bat .+:\d+:\d+|node_modules|\.ts\b/);
  expect(response.body).not.toMatch(/\bselect\b|\bfrom\s+unit|unit_versions|syntax error/i);
}

describe('GET /api/units: search without diacritics', () => {
  it('finds Xã Nhơn Lộc of Thị xã An Nhơn, Bình Định, as it was on 30/06/2025', async () => {
    const found = await list(`/api/units?q=nhon%20loc&asOf=${LAST_DAY_BEFORE_REFORM_2025}`);
    expect(found.items[0]).toMatchObject({
      kind: 'commune',
      fullName: 'Xã Nhơn Lộc',
      parentName: 'Thị xã An Nhơn',
      provinceName: 'Tỉnh Bình Định',
      provinceCode: '52',
      validTo: LAST_DAY_BEFORE_REFORM_2025,
    });
    // Typed with marks, in capitals, or with "+" for the space as browsers send it: the same answer.
    for (const q of ['Nh%C6%A1n%20L%E1%BB%99c', 'NHON%20LOC', 'nhon+loc', '%20nhon%20%20loc%20']) {
      const again = await list(`/api/units?q=${q}&asOf=${LAST_DAY_BEFORE_REFORM_2025}`);
      expect(again.items[0]?.id, q).toBe(found.items[0]!.id);
    }
  });

  it('does not find Xã Nhơn Lộc today: it was merged on 01/07/2025', async () => {
    const found = await list('/api/units?q=nhon%20loc');
    expect(names(found.items)).not.toContain('Xã Nhơn Lộc');
  });

  it('puts Thành phố Đà Nẵng first for "da nang"', async () => {
    const found = await list('/api/units?q=da%20nang');
    expect(found.items[0]).toMatchObject({ kind: 'province', code: '48', fullName: 'Thành phố Đà Nẵng' });
  });

  it('finds Phường Ba Đình of Hà Nội first for "ba dinh" today', async () => {
    const found = await list('/api/units?q=ba%20dinh');
    expect(found.items[0]).toMatchObject({
      fullName: 'Phường Ba Đình',
      parentName: 'Thành phố Hà Nội',
      provinceName: 'Thành phố Hà Nội',
      validFrom: REFORM_2025_DATE,
      validTo: null,
    });
    expect(found.total).toBe(found.items.length);
  });

  it('finds a unit by its official code', async () => {
    const found = await list('/api/units?q=00004');
    expect(found.items[0]).toMatchObject({ code: '00004', fullName: 'Phường Ba Đình' });
  });

  it('treats quotes and SQL in the search box as plain text', async () => {
    const found = await list(`/api/units?q=${encodeURIComponent("'; drop table units; --")}`);
    expect(found).toEqual({ items: [], total: 0, page: 1, pageSize: 50 });
    expect((await list('/api/units?kind=province')).total).toBe(34);
  });
});

describe('GET /api/units: the hierarchy at a date', () => {
  it('lists 34 provinces today and 63 on 30/06/2025', async () => {
    const today = await list('/api/units?kind=province&pageSize=100');
    expect(today.total).toBe(34);
    expect(today.items).toHaveLength(34);
    expect(names(today.items)).toContain('Thành phố Đồng Nai');
    expect(names(today.items)).not.toContain('Tỉnh Bình Phước');
    const before = await list(`/api/units?kind=province&pageSize=100&asOf=${LAST_DAY_BEFORE_REFORM_2025}`);
    expect(before.total).toBe(63);
    expect(names(before.items)).toEqual(expect.arrayContaining(['Tỉnh Bình Phước', 'Tỉnh Đồng Nai']));
  });

  it('names Đồng Nai "Tỉnh" on 29/04/2026 and "Thành phố" from 30/04/2026, one unit', async () => {
    const before = await byCode('province', '75', '2026-04-29');
    const after = await byCode('province', '75', '2026-04-30');
    expect(before.fullName).toBe('Tỉnh Đồng Nai');
    expect(after.fullName).toBe('Thành phố Đồng Nai');
    expect(after.id).toBe(before.id);
  });

  it('gives a 2025 province communes as children, and no district', async () => {
    const daNang = await byCode('province', '48');
    const children = await list(`/api/units/${daNang.id}/children`);
    expect(children.total).toBe(94);
    expect(daNang.childCount).toBe(94);
    expect(new Set(children.items.map((item) => item.kind))).toEqual(new Set(['commune']));
    expect(children.items.every((item) => item.parentId === daNang.id)).toBe(true);
    expect(names(children.items)).toContain('Đặc khu Hoàng Sa');
  });

  it('gives a pre-2025 province its districts on 30/06/2025, and those their communes', async () => {
    const binhDinh = await byCode('province', '52', LAST_DAY_BEFORE_REFORM_2025);
    const districts = await list(`/api/units/${binhDinh.id}/children?asOf=${LAST_DAY_BEFORE_REFORM_2025}`);
    expect(districts.total).toBe(11);
    expect(new Set(districts.items.map((item) => item.kind))).toEqual(new Set(['district']));
    const anNhon = districts.items.find((item) => item.fullName === 'Thị xã An Nhơn');
    const communes = await list(`/api/units/${anNhon!.id}/children?asOf=${LAST_DAY_BEFORE_REFORM_2025}`);
    expect(names(communes.items)).toContain('Xã Nhơn Lộc');
    // Bình Định no longer exists: today it has no children.
    expect((await list(`/api/units/${binhDinh.id}/children`)).total).toBe(0);
  });

  it('gives Hà Nội, which came through the reform, districts before it and communes after', async () => {
    const hanoi = await byCode('province', '01');
    expect((await detail(hanoi.id)).childCounts).toEqual([{ kind: 'commune', count: 126 }]);
    expect((await detail(hanoi.id, LAST_DAY_BEFORE_REFORM_2025)).childCounts).toEqual([
      { kind: 'district', count: 30 },
    ]);
  });

  it('orders numbered wards by their number: Phường 2 before Phường 10', async () => {
    const quan3 = await byCode('district', '770', LAST_DAY_BEFORE_REFORM_2025);
    const wards = await list(`/api/units/${quan3.id}/children?asOf=${LAST_DAY_BEFORE_REFORM_2025}`);
    expect(names(wards.items)).toEqual([
      'Phường 1',
      'Phường 2',
      'Phường 3',
      'Phường 4',
      'Phường 5',
      'Phường 9',
      'Phường 11',
      'Phường 12',
      'Phường 14',
      'Phường Võ Thị Sáu',
    ]);
  });
});

describe('GET /api/units/:id', () => {
  it('shows Phường Ba Đình with its province, its one version and where it came from', async () => {
    const baDinh = await byCode('commune', '00004');
    const unit = await detail(baDinh.id);
    expect(unit).toMatchObject({
      fullName: 'Phường Ba Đình',
      existsOnDate: true,
      childCounts: [],
      successors: [],
    });
    expect(unit.ancestors).toEqual([
      expect.objectContaining({ kind: 'province', fullName: 'Thành phố Hà Nội' }),
    ]);
    expect(unit.versions).toEqual([
      expect.objectContaining({
        validFrom: REFORM_2025_DATE,
        validTo: null,
        fullName: 'Phường Ba Đình',
        parent: expect.objectContaining({ fullName: 'Thành phố Hà Nội' }),
      }),
    ]);
    const truc = unit.predecessors.find((link) => link.unit.fullName === 'Phường Trúc Bạch');
    expect(truc).toMatchObject({
      parentName: 'Quận Ba Đình',
      relation: 'whole',
      change: 'merge',
      effectiveDate: REFORM_2025_DATE,
      note: 'Nhập toàn bộ',
    });
    const cuaDong = unit.predecessors.find((link) => link.unit.fullName === 'Phường Cửa Đông');
    expect(cuaDong).toMatchObject({ parentName: 'Quận Hoàn Kiếm', relation: 'partial', change: 'split' });
    // Whole transfers are listed before partial ones.
    const relations = unit.predecessors.map((link) => link.relation);
    expect(relations).toEqual([...relations].sort().reverse());
  });

  it('shows where Phường Trúc Bạch went, and that it no longer exists today', async () => {
    const truc = await byCode('commune', '00004', LAST_DAY_BEFORE_REFORM_2025);
    const then = await detail(truc.id, LAST_DAY_BEFORE_REFORM_2025);
    expect(then.existsOnDate).toBe(true);
    expect(then.ancestors.map((ancestor) => ancestor.fullName)).toEqual(['Thành phố Hà Nội', 'Quận Ba Đình']);
    expect(then.successors).toEqual([
      expect.objectContaining({
        unit: expect.objectContaining({ code: '00004', fullName: 'Phường Ba Đình' }),
        parentName: 'Thành phố Hà Nội',
        relation: 'whole',
      }),
    ]);
    const today = await detail(truc.id);
    expect(today).toMatchObject({ existsOnDate: false, fullName: 'Phường Trúc Bạch', validTo: '2025-06-30' });
  });

  it('answers existsOnDate=false for a unit asked about before it existed', async () => {
    const baDinh = await byCode('commune', '00004');
    const unit = await detail(baDinh.id, LAST_DAY_BEFORE_REFORM_2025);
    expect(unit).toMatchObject({
      existsOnDate: false,
      asOf: LAST_DAY_BEFORE_REFORM_2025,
      fullName: 'Phường Ba Đình',
    });
  });

  it('shows the merged Đồng Nai with its two names and the two provinces it came from', async () => {
    const dongNai = await byCode('province', '75');
    const unit = await detail(dongNai.id);
    expect(unit.versions.map((version) => [version.validFrom, version.validTo, version.fullName])).toEqual([
      [REFORM_2025_DATE, '2026-04-29', 'Tỉnh Đồng Nai'],
      ['2026-04-30', null, 'Thành phố Đồng Nai'],
    ]);
    expect(unit.versions[1]!.legalBasis).toBe('Nghị quyết 30/2026/QH16');
    expect(unit.predecessors.map((link) => [link.unit.fullName, link.relation, link.change]).sort()).toEqual([
      ['Tỉnh Bình Phước', 'whole', 'merge'],
      ['Tỉnh Đồng Nai', 'whole', 'merge'],
    ]);
    expect(unit.predecessors.every((link) => link.legalBasis === 'Nghị quyết 202/2025/QH15')).toBe(true);
  });

  it('keeps one identity for Xã Ngọc Long, which moved from Huyện Yên Minh to Tỉnh Tuyên Quang', async () => {
    const before = await byCode('commune', '00859', LAST_DAY_BEFORE_REFORM_2025);
    const after = await byCode('commune', '00859');
    expect(after.id).toBe(before.id);
    const unit = await detail(after.id);
    expect(unit.versions.map((version) => [version.validTo, version.parent?.fullName])).toEqual([
      [LAST_DAY_BEFORE_REFORM_2025, 'Huyện Yên Minh'],
      [null, 'Tỉnh Tuyên Quang'],
    ]);
    expect(unit.ancestors.map((ancestor) => ancestor.fullName)).toEqual(['Tỉnh Tuyên Quang']);
    expect(unit).toMatchObject({ provinceCode: '08', provinceName: 'Tỉnh Tuyên Quang' });
    const then = await detail(after.id, LAST_DAY_BEFORE_REFORM_2025);
    expect(then.ancestors.map((ancestor) => ancestor.fullName)).toEqual(['Tỉnh Hà Giang', 'Huyện Yên Minh']);
    expect(then).toMatchObject({ provinceCode: '02', provinceName: 'Tỉnh Hà Giang' });
    expect(unit.predecessors).toEqual([]);
    expect(unit.successors).toEqual([]);
  });

  it('shows that Đặc khu Hoàng Sa was Huyện Hoàng Sa of Đà Nẵng', async () => {
    const zone = await byCode('commune', '20333');
    const unit = await detail(zone.id);
    expect(unit.predecessors).toEqual([
      expect.objectContaining({
        unit: expect.objectContaining({ kind: 'district', code: '498', fullName: 'Huyện Hoàng Sa' }),
        parentName: 'Thành phố Đà Nẵng',
        relation: 'whole',
      }),
    ]);
  });
});

describe('paging', () => {
  it('answers {items, total, page, pageSize} and walks the provinces page by page', async () => {
    const seen = new Set<number>();
    const sizes: number[] = [];
    for (let page = 1; page <= 4; page++) {
      const result = await list(`/api/units?kind=province&pageSize=10&page=${page}`);
      expect(Object.keys(result).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
      expect(result).toMatchObject({ total: 34, page, pageSize: 10 });
      sizes.push(result.items.length);
      for (const item of result.items) seen.add(item.id);
    }
    expect(sizes).toEqual([10, 10, 10, 4]);
    expect(seen.size).toBe(34);
  });

  it('refuses a page beyond the end, naming the field', async () => {
    expectCleanError(
      await get('/api/units?kind=province&pageSize=10&page=5'),
      400,
      'page.out_of_range',
      'page',
    );
    expectCleanError(await get('/api/units?q=khongtontai&page=2'), 400, 'page.out_of_range', 'page');
    const hanoi = await byCode('province', '01');
    expectCleanError(await get(`/api/units/${hanoi.id}/children?page=99`), 400, 'page.out_of_range', 'page');
  });

  it('answers an empty first page when nothing matches', async () => {
    expect(await list('/api/units?q=khongtontai')).toEqual({ items: [], total: 0, page: 1, pageSize: 50 });
  });
});

describe('bad input', () => {
  const badRequests: Array<[string, string, string]> = [
    ['/api/units?kind=foo', 'validation', 'kind'],
    ['/api/units?asOf=2025-02-30', 'validation', 'asOf'],
    ['/api/units?asOf=2025-13-01', 'validation', 'asOf'],
    ['/api/units?asOf=abc', 'validation', 'asOf'],
    ['/api/units?asOf=30%2F06%2F2025', 'validation', 'asOf'],
    ['/api/units?pageSize=0', 'validation', 'pageSize'],
    ['/api/units?pageSize=100000', 'validation', 'pageSize'],
    ['/api/units?page=0', 'validation', 'page'],
    ['/api/units?page=abc', 'validation', 'page'],
    ['/api/units?q=', 'units.search_empty', 'q'],
    ['/api/units?q=%21%3F.%2C', 'units.search_empty', 'q'],
    [`/api/units?q=${'a'.repeat(101)}`, 'validation', 'q'],
    ['/api/units?foo=1', 'validation', 'foo'],
    ['/api/units?parent=abc', 'validation', 'parent'],
    ['/api/units/abc', 'validation', 'id'],
    ['/api/units/0', 'validation', 'id'],
    ['/api/units/99999999999', 'validation', 'id'],
    ['/api/units/1?asOf=2025-02-30', 'validation', 'asOf'],
    ['/api/units/1?foo=bar', 'validation', 'foo'],
    ['/api/units/1/children?kind=foo', 'validation', 'kind'],
  ];

  it.each(badRequests)('%s answers 400 %s on field %s', async (url, code, field) => {
    expectCleanError(await get(url), 400, code, field);
  });

  it('answers 404 units.not_found for an id that does not exist', async () => {
    expectCleanError(await get('/api/units/2000000000'), 404, 'units.not_found');
    expectCleanError(await get('/api/units/2000000000/children'), 404, 'units.not_found');
    expectCleanError(await get('/api/units?parent=2000000000'), 404, 'units.not_found');
  });

  it('asks an anonymous visitor to sign in', async () => {
    expectCleanError(await app.inject('/api/units?q=ba%20dinh'), 401, 'auth.required');
  });
});
