/**
 * The criteria sets, scoring sheets and classification levels every installation starts with. They are written on
 * the first start (after the official units, like them: idempotent), not by a migration, so that a freshly migrated
 * database stays empty for `antq db restore`; every test database gets them from the test template.
 *
 * SOURCES AND FIDELITY. The structure (number of criteria per kind of unit, their subject, the 70% commune rule,
 * the windows) follows Thông tư 124/2021/TT-BCA as described in shared/DOMAIN.md. The wording of each criterion is a
 * faithful SHORT SUMMARY written for this product, not the official text of the circular: the circular's full
 * wording, the exact list of the seven kinds of serious events, the criteria of Thông tư 23/2012/TT-BCA and the items
 * and points of the classification sheets (Quyết định 510/QĐ-BCA-V05; only the agency example "3 / 3 / 5 points" is
 * known) are summarised likewise. Administrators correct them on the criteria page: a used version is frozen,
 * corrections make a new version, and results keep the version they were judged by.
 */
import { sql } from 'drizzle-orm';
import { DEFAULT_LEVELS } from '../../../domain/classification.js';
import type { ComputedRule, CriterionKind, StandardTarget, Threshold } from '../../../domain/recognition.js';
import { type Database, queryRows } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import {
  classificationItems,
  classificationLevels,
  classificationSheets,
  criteria,
  criteriaSets,
} from './recognition.table.js';

export interface SeedCriterion {
  code: string;
  text: string;
  kind: CriterionKind;
  threshold?: Threshold;
  events?: string[];
  computedRule?: ComputedRule;
  evidenceRequired: boolean;
}

export interface SeedSet {
  code: string;
  target: StandardTarget;
  legalBasis: string;
  title: string;
  fromYear: number;
  toYear: number | null;
  criteria: SeedCriterion[];
}

const TT124 = 'Thông tư 124/2021/TT-BCA';
const TT23 = 'Thông tư 23/2012/TT-BCA';

/** Summarised: the circular lists seven kinds of serious events for residential areas. */
const RESIDENTIAL_EVENTS = [
  'Hoạt động xâm phạm an ninh quốc gia',
  'Tuyên truyền, phát triển đạo trái pháp luật',
  'Khiếu kiện đông người, vượt cấp trái pháp luật',
  'Tụ tập đông người gây rối an ninh, trật tự',
  'Đình công, lãn công trái pháp luật',
  'Mâu thuẫn, tranh chấp phức tạp kéo dài không được giải quyết',
  'Vụ việc phức tạp về an ninh, trật tự phải huy động lực lượng cấp trên giải quyết',
];

const AGENCY_EVENTS = [
  'Lộ, mất bí mật nhà nước, bí mật kinh doanh',
  'Tham nhũng, lãng phí bị xử lý hình sự',
  'Cháy, nổ nghiêm trọng; tai nạn lao động chết người do lỗi chủ quan',
  'Đình công, lãn công, tụ tập đông người trái pháp luật',
  'Cán bộ, người lao động phạm tội nghiêm trọng trở lên',
];

const HOUSEHOLDS: Threshold = {
  comparator: 'at_least',
  value: 100,
  label: 'Tỷ lệ hộ gia đình đăng ký tham gia',
  unit: '%',
};
const STAFF: Threshold = {
  comparator: 'at_least',
  value: 100,
  label: 'Tỷ lệ cán bộ, người lao động được quán triệt',
  unit: '%',
};
const SUB_UNITS: Threshold = {
  comparator: 'at_least',
  value: 70,
  label: 'Tỷ lệ bộ phận đạt danh hiệu tiên tiến trở lên',
  unit: '%',
};

export const SEED_SETS: SeedSet[] = [
  {
    code: 'tt124-residential_area',
    target: 'residential_area',
    legalBasis: TT124,
    title: 'Tiêu chuẩn "An toàn về an ninh, trật tự" đối với khu dân cư',
    fromYear: 2022,
    toYear: null,
    criteria: [
      {
        code: '1',
        text: 'Trong quý I, chi bộ có nghị quyết, khu dân cư có kế hoạch và đăng ký thực hiện tiêu chuẩn; 100% hộ gia đình đăng ký tham gia',
        kind: 'number_threshold',
        threshold: HOUSEHOLDS,
        evidenceRequired: true,
      },
      {
        code: '2',
        text: 'Thực hiện tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước, quy định của địa phương và hương ước, quy ước của khu dân cư',
        kind: 'yes_no',
        evidenceRequired: false,
      },
      {
        code: '3',
        text: 'Không để xảy ra các vụ việc sau',
        kind: 'no_events',
        events: RESIDENTIAL_EVENTS,
        evidenceRequired: false,
      },
      {
        code: '4',
        text: 'Tội phạm, tệ nạn xã hội được kiềm chế, giảm so với năm trước; không để xảy ra trọng án mà không phát hiện, báo kịp thời; không phát sinh tụ điểm phức tạp; không xảy ra cháy, nổ nghiêm trọng, tai nạn lao động chết người',
        kind: 'yes_no',
        evidenceRequired: true,
      },
      {
        code: '5',
        text: 'Tổ bảo vệ an ninh, trật tự ở cơ sở được xếp loại từ "Hoàn thành nhiệm vụ" trở lên; không có thành viên bị kỷ luật',
        kind: 'yes_no',
        evidenceRequired: true,
      },
    ],
  },
  {
    code: 'tt124-commune',
    target: 'commune',
    legalBasis: TT124,
    title: 'Tiêu chuẩn "An toàn về an ninh, trật tự" đối với xã, phường, đặc khu',
    fromYear: 2022,
    toYear: null,
    criteria: [
      {
        code: '1',
        text: 'Trong quý I có nghị quyết của cấp ủy, kế hoạch của Ủy ban nhân dân và đăng ký thực hiện tiêu chuẩn; có ít nhất 01 mô hình tự quản về an ninh, trật tự hoạt động hiệu quả',
        kind: 'yes_no',
        evidenceRequired: true,
      },
      {
        code: '2',
        text: 'Đạt các tiêu chí 2, 3, 4 của khu dân cư trên địa bàn xã; không để xảy ra các vụ việc sau',
        kind: 'no_events',
        events: RESIDENTIAL_EVENTS,
        evidenceRequired: false,
      },
      {
        code: '3',
        text: 'Công an xã, phường hoàn thành tốt nhiệm vụ; không có cán bộ, chiến sĩ bị kỷ luật',
        kind: 'yes_no',
        evidenceRequired: true,
      },
      {
        code: '4',
        text: '100% khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục trên địa bàn đăng ký và có ít nhất 70% được công nhận đạt tiêu chuẩn',
        kind: 'computed',
        computedRule: 'children_registered_recognised',
        threshold: {
          comparator: 'at_least',
          value: 70,
          label: 'Tỷ lệ đơn vị được công nhận',
          unit: '%',
        },
        evidenceRequired: false,
      },
    ],
  },
  {
    code: 'tt124-agency_enterprise',
    target: 'agency_enterprise',
    legalBasis: TT124,
    title: 'Tiêu chuẩn "An toàn về an ninh, trật tự" đối với cơ quan, doanh nghiệp',
    fromYear: 2022,
    toYear: null,
    criteria: [
      {
        code: '1',
        text: 'Trong quý I có nghị quyết, kế hoạch, đăng ký thực hiện; có nội quy, quy chế bảo vệ cơ quan, doanh nghiệp; 100% cán bộ, người lao động được quán triệt',
        kind: 'number_threshold',
        threshold: STAFF,
        evidenceRequired: true,
      },
      {
        code: '2',
        text: 'Không để xảy ra các vụ việc sau',
        kind: 'no_events',
        events: AGENCY_EVENTS,
        evidenceRequired: false,
      },
      {
        code: '3',
        text: 'Có ít nhất 01 mô hình tự quản về an ninh, trật tự hoạt động hiệu quả',
        kind: 'yes_no',
        evidenceRequired: true,
      },
      {
        code: '4',
        text: 'Lực lượng bảo vệ được kiện toàn, hoạt động hiệu quả',
        kind: 'yes_no',
        evidenceRequired: false,
      },
      {
        code: '5',
        text: 'Ít nhất 70% bộ phận trực thuộc đạt danh hiệu tiên tiến trở lên',
        kind: 'number_threshold',
        threshold: SUB_UNITS,
        evidenceRequired: false,
      },
    ],
  },
  {
    code: 'tt124-school',
    target: 'school',
    legalBasis: TT124,
    title: 'Tiêu chuẩn "An toàn về an ninh, trật tự" đối với cơ sở giáo dục',
    fromYear: 2022,
    toYear: null,
    criteria: [
      {
        code: '1',
        text: 'Trong quý I có nghị quyết, kế hoạch, đăng ký thực hiện; có nội quy, quy chế bảo đảm an ninh, trật tự trường học; 100% cán bộ, giáo viên, người lao động được quán triệt',
        kind: 'number_threshold',
        threshold: STAFF,
        evidenceRequired: true,
      },
      {
        code: '2',
        text: 'Không để xảy ra các vụ việc sau',
        kind: 'no_events',
        events: AGENCY_EVENTS,
        evidenceRequired: false,
      },
      {
        code: '3',
        text: 'Có ít nhất 01 mô hình tự quản về an ninh, trật tự trường học hoạt động hiệu quả',
        kind: 'yes_no',
        evidenceRequired: true,
      },
      {
        code: '4',
        text: 'Lực lượng bảo vệ nhà trường được kiện toàn, hoạt động hiệu quả',
        kind: 'yes_no',
        evidenceRequired: false,
      },
      {
        code: '5',
        text: 'Ít nhất 70% lớp, khoa, phòng, tổ trực thuộc đạt danh hiệu tiên tiến trở lên',
        kind: 'number_threshold',
        threshold: SUB_UNITS,
        evidenceRequired: false,
      },
      {
        code: '6',
        text: 'Không để xảy ra bạo lực học đường',
        kind: 'no_events',
        events: [
          'Bạo lực học đường gây thương tích',
          'Học sinh, sinh viên vi phạm pháp luật bị xử lý hình sự',
          'Ma túy, tệ nạn xã hội trong trường học',
        ],
        evidenceRequired: false,
      },
    ],
  },
  // Thông tư 23/2012/TT-BCA (years before 2022): summarised, see the header.
  {
    code: 'tt23-residential_area',
    target: 'residential_area',
    legalBasis: TT23,
    title: 'Tiêu chuẩn "An toàn về an ninh, trật tự" đối với khu dân cư (Thông tư 23/2012)',
    fromYear: 2012,
    toYear: 2021,
    criteria: [
      {
        code: '1',
        text: 'Có nghị quyết, kế hoạch và đăng ký xây dựng khu dân cư đạt tiêu chuẩn; hộ gia đình ký cam kết thực hiện',
        kind: 'number_threshold',
        threshold: HOUSEHOLDS,
        evidenceRequired: true,
      },
      {
        code: '2',
        text: 'Không có hoạt động xâm phạm an ninh quốc gia, gây rối an ninh, trật tự',
        kind: 'no_events',
        events: RESIDENTIAL_EVENTS.slice(0, 5),
        evidenceRequired: false,
      },
      {
        code: '3',
        text: 'Kiềm chế, làm giảm tội phạm và tệ nạn xã hội; không để xảy ra trọng án mà không phát hiện, báo kịp thời',
        kind: 'yes_no',
        evidenceRequired: true,
      },
      {
        code: '4',
        text: 'Các tổ chức quần chúng làm nòng cốt bảo vệ an ninh, trật tự hoạt động hiệu quả',
        kind: 'yes_no',
        evidenceRequired: false,
      },
    ],
  },
  {
    code: 'tt23-commune',
    target: 'commune',
    legalBasis: TT23,
    title: 'Tiêu chuẩn "An toàn về an ninh, trật tự" đối với xã, phường, thị trấn (Thông tư 23/2012)',
    fromYear: 2012,
    toYear: 2021,
    criteria: [
      {
        code: '1',
        text: 'Có nghị quyết của cấp ủy, kế hoạch của Ủy ban nhân dân về xây dựng phong trào và đăng ký thực hiện tiêu chuẩn',
        kind: 'yes_no',
        evidenceRequired: true,
      },
      {
        code: '2',
        text: 'Không để xảy ra các vụ việc sau',
        kind: 'no_events',
        events: RESIDENTIAL_EVENTS.slice(0, 5),
        evidenceRequired: false,
      },
      {
        code: '3',
        text: 'Công an xã, phường, thị trấn và các lực lượng nòng cốt hoàn thành nhiệm vụ',
        kind: 'yes_no',
        evidenceRequired: false,
      },
      {
        code: '4',
        text: 'Khu dân cư, cơ quan, doanh nghiệp, nhà trường trên địa bàn đăng ký và có ít nhất 70% được công nhận đạt tiêu chuẩn',
        kind: 'computed',
        computedRule: 'children_registered_recognised',
        threshold: { comparator: 'at_least', value: 70, label: 'Tỷ lệ đơn vị được công nhận', unit: '%' },
        evidenceRequired: false,
      },
    ],
  },
  {
    code: 'tt23-agency_enterprise',
    target: 'agency_enterprise',
    legalBasis: TT23,
    title: 'Tiêu chuẩn "An toàn về an ninh, trật tự" đối với cơ quan, doanh nghiệp (Thông tư 23/2012)',
    fromYear: 2012,
    toYear: 2021,
    criteria: [
      {
        code: '1',
        text: 'Có kế hoạch, nội quy bảo vệ cơ quan, doanh nghiệp và đăng ký thực hiện tiêu chuẩn',
        kind: 'yes_no',
        evidenceRequired: true,
      },
      {
        code: '2',
        text: 'Không để xảy ra các vụ việc sau',
        kind: 'no_events',
        events: AGENCY_EVENTS,
        evidenceRequired: false,
      },
      {
        code: '3',
        text: 'Lực lượng bảo vệ được kiện toàn, hoạt động hiệu quả',
        kind: 'yes_no',
        evidenceRequired: false,
      },
    ],
  },
  {
    code: 'tt23-school',
    target: 'school',
    legalBasis: TT23,
    title: 'Tiêu chuẩn "An toàn về an ninh, trật tự" đối với nhà trường (Thông tư 23/2012)',
    fromYear: 2012,
    toYear: 2021,
    criteria: [
      {
        code: '1',
        text: 'Có kế hoạch, nội quy bảo đảm an ninh, trật tự trường học và đăng ký thực hiện tiêu chuẩn',
        kind: 'yes_no',
        evidenceRequired: true,
      },
      {
        code: '2',
        text: 'Không để xảy ra các vụ việc sau',
        kind: 'no_events',
        events: ['Bạo lực học đường gây thương tích', 'Ma túy, tệ nạn xã hội trong trường học'],
        evidenceRequired: false,
      },
      {
        code: '3',
        text: 'Lực lượng bảo vệ nhà trường hoạt động hiệu quả',
        kind: 'yes_no',
        evidenceRequired: false,
      },
    ],
  },
];

export interface SeedSheet {
  code: string;
  target: StandardTarget;
  legalBasis: string;
  title: string;
  fromYear: number;
  items: Array<{ code: string; text: string; maxPoints: number }>;
}

const QD510 = 'Quyết định 510/QĐ-BCA-V05';

/** Summarised items; the points add up to 100 per sheet. */
export const SEED_SHEETS: SeedSheet[] = [
  {
    code: 'qd510-residential_area',
    target: 'residential_area',
    legalBasis: QD510,
    title: 'Phiếu chấm điểm phân loại phong trào khu dân cư',
    fromYear: 2022,
    items: [
      { code: '1', text: 'Nghị quyết, kế hoạch, báo cáo sơ kết, tổng kết phong trào', maxPoints: 10 },
      { code: '2', text: 'Tuyên truyền, phổ biến pháp luật đến hộ gia đình', maxPoints: 15 },
      { code: '3', text: 'Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc', maxPoints: 10 },
      { code: '4', text: 'Mô hình tự quản về an ninh, trật tự', maxPoints: 15 },
      { code: '5', text: 'Tổ bảo vệ an ninh, trật tự ở cơ sở hoạt động', maxPoints: 15 },
      { code: '6', text: 'Tố giác, tin báo về tội phạm; phòng ngừa tội phạm, tệ nạn xã hội', maxPoints: 20 },
      { code: '7', text: 'Hòa giải, giúp đỡ người có quá khứ vi phạm pháp luật tái hòa nhập', maxPoints: 15 },
    ],
  },
  {
    code: 'qd510-commune',
    target: 'commune',
    legalBasis: QD510,
    title: 'Phiếu chấm điểm phân loại phong trào xã, phường, đặc khu',
    fromYear: 2022,
    items: [
      { code: '1', text: 'Lãnh đạo, chỉ đạo: nghị quyết, kế hoạch, Ban Chỉ đạo, báo cáo', maxPoints: 10 },
      { code: '2', text: 'Tuyên truyền, phát động phong trào, Ngày hội toàn dân', maxPoints: 15 },
      { code: '3', text: 'Xây dựng, nhân rộng mô hình, điển hình tiên tiến', maxPoints: 15 },
      { code: '4', text: 'Xây dựng lực lượng nòng cốt, Tổ bảo vệ an ninh, trật tự', maxPoints: 15 },
      { code: '5', text: 'Kết quả phòng ngừa, đấu tranh tội phạm, tệ nạn xã hội', maxPoints: 25 },
      { code: '6', text: 'Kết quả xây dựng tiêu chuẩn "An toàn về an ninh, trật tự"', maxPoints: 20 },
    ],
  },
  {
    code: 'qd510-agency_enterprise',
    target: 'agency_enterprise',
    legalBasis: QD510,
    title: 'Phiếu chấm điểm phân loại phong trào cơ quan, doanh nghiệp',
    fromYear: 2022,
    items: [
      { code: '1', text: 'Nghị quyết, kế hoạch, báo cáo về phong trào', maxPoints: 3 },
      { code: '2', text: 'Tuyên truyền đến ít nhất 90% cán bộ, người lao động', maxPoints: 3 },
      { code: '3', text: 'Tham gia Ngày hội toàn dân bảo vệ an ninh Tổ quốc', maxPoints: 5 },
      { code: '4', text: 'Nội quy, quy chế bảo vệ; lực lượng bảo vệ', maxPoints: 19 },
      { code: '5', text: 'Mô hình tự quản về an ninh, trật tự', maxPoints: 20 },
      { code: '6', text: 'Không để xảy ra vụ việc phức tạp về an ninh, trật tự', maxPoints: 30 },
      { code: '7', text: 'Phối hợp với Công an, chính quyền địa phương', maxPoints: 20 },
    ],
  },
  {
    code: 'qd510-school',
    target: 'school',
    legalBasis: QD510,
    title: 'Phiếu chấm điểm phân loại phong trào cơ sở giáo dục',
    fromYear: 2022,
    items: [
      { code: '1', text: 'Nghị quyết, kế hoạch, báo cáo về phong trào', maxPoints: 5 },
      { code: '2', text: 'Giáo dục pháp luật, kỹ năng cho học sinh, sinh viên', maxPoints: 20 },
      { code: '3', text: 'Tham gia Ngày hội toàn dân bảo vệ an ninh Tổ quốc', maxPoints: 5 },
      { code: '4', text: 'Mô hình trường học an toàn, tự quản', maxPoints: 20 },
      { code: '5', text: 'Phòng, chống bạo lực học đường, ma túy, tệ nạn xã hội', maxPoints: 30 },
      { code: '6', text: 'Lực lượng bảo vệ, phối hợp với gia đình và Công an', maxPoints: 20 },
    ],
  },
];

/**
 * Writes the seed sets, sheets and national levels when they are not there yet; answers how many sets it wrote.
 * A set or sheet already present (by code, version 1) is left as it is, edited or not.
 */
export async function seedStandards(db: Database): Promise<number> {
  return inTransaction(db, async (tx) => {
    const present = new Set(
      (
        await queryRows<{ code: string }>(
          tx,
          sql`select code from criteria_sets where version = 1 union all select code from classification_sheets where version = 1`,
        )
      ).map((row) => row.code),
    );
    let written = 0;
    for (const set of SEED_SETS) {
      if (present.has(set.code)) continue;
      const [row] = await tx
        .insert(criteriaSets)
        .values({
          code: set.code,
          version: 1,
          target: set.target,
          legalBasis: set.legalBasis,
          title: set.title,
          fromYear: set.fromYear,
          toYear: set.toYear,
          status: 'active',
          frozen: false,
        })
        .returning({ id: criteriaSets.id });
      await tx.insert(criteria).values(
        set.criteria.map((criterion, index) => ({
          setId: row!.id,
          position: index + 1,
          code: criterion.code,
          text: criterion.text,
          kind: criterion.kind,
          threshold: criterion.threshold ?? null,
          events: criterion.events ?? null,
          computedRule: criterion.computedRule ?? null,
          evidenceRequired: criterion.evidenceRequired,
        })),
      );
      written += 1;
    }
    for (const sheet of SEED_SHEETS) {
      if (present.has(sheet.code)) continue;
      const [row] = await tx
        .insert(classificationSheets)
        .values({
          code: sheet.code,
          version: 1,
          target: sheet.target,
          legalBasis: sheet.legalBasis,
          title: sheet.title,
          fromYear: sheet.fromYear,
          status: 'active',
          frozen: false,
        })
        .returning({ id: classificationSheets.id });
      await tx
        .insert(classificationItems)
        .values(sheet.items.map((item, index) => ({ sheetId: row!.id, position: index + 1, ...item })));
    }
    await tx
      .insert(classificationLevels)
      .values(DEFAULT_LEVELS.map((level) => ({ provinceCode: '', ...level })))
      .onConflictDoNothing();
    return written;
  });
}
