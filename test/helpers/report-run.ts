/**
 * A realistic report run for the exporters' tests: a province's yearly review with comparison columns, Vietnamese
 * labels, large numbers, a share with a decimal, and a by-unit section over 30 communes (one merged, partial).
 */
import type { ReportLine, ReportRun, ReportUnitRow } from '../../src/contracts/reports.js';

function line(
  indicator: string,
  label: string,
  unitOfMeasure: string,
  current: number,
  previous: number | null,
  dimensionValue: string | null = null,
): ReportLine {
  const change = previous === null ? null : Math.round((current - previous) * 10) / 10;
  return {
    key: dimensionValue ? `${indicator}:${dimensionValue}` : indicator,
    indicator,
    dimensionValue,
    label,
    unitOfMeasure,
    current,
    previous,
    change,
    changePercent:
      previous === null || previous === 0 || change === null
        ? null
        : Math.round((change / previous) * 1000) / 10,
    drillable: true,
  };
}

export const COMMUNE_NAMES = [
  'Xã Hòa Vang',
  'Xã Hòa Tiến',
  'Xã Hòa Phước',
  'Xã Hòa Khánh',
  'Phường Hải Châu',
  'Phường Thanh Khê',
  'Phường Sơn Trà',
  'Phường Ngũ Hành Sơn',
  'Phường Cẩm Lệ',
  'Phường Liên Chiểu',
  'Xã Bà Nà',
  'Phường Hội An',
  'Phường Điện Bàn',
  'Xã Đại Lộc',
  'Xã Duy Xuyên',
  'Xã Thăng Bình',
  'Phường Tam Kỳ',
  'Xã Núi Thành',
  'Xã Tiên Phước',
  'Xã Hiệp Đức',
  'Xã Quế Sơn',
  'Xã Nông Sơn',
  'Xã Phước Sơn',
  'Xã Nam Giang',
  'Xã Đông Giang',
  'Xã Tây Giang',
  'Xã Nam Trà My',
  'Xã Bắc Trà My',
  'Đặc khu Hoàng Sa',
  'Xã Phú Ninh',
];

export function communeValues(index: number): { teams: number; members: number; sessions: number } {
  return { teams: 40 + index * 3, members: 1_250 + index * 137, sessions: 12 + (index % 7) * 5 };
}

export function sampleRun(overrides: Partial<ReportRun> = {}): ReportRun {
  const byUnitLines = [
    line('teams', 'Số tổ, đội, ban', 'tổ', 0, null),
    line('team_members', 'Số thành viên', 'người', 0, null),
    line('activity_sessions', 'Số buổi tuyên truyền', 'buổi', 0, null),
  ];
  const unitRows: ReportUnitRow[] = COMMUNE_NAMES.map((name, index) => {
    const values = communeValues(index);
    return {
      key: `unit:${1000 + index}`,
      unit: { id: 1000 + index, code: String(20_000 + index), kind: 'commune', fullName: name },
      label: name,
      partial: index === 3,
      values: { teams: values.teams, team_members: values.members, activity_sessions: values.sessions },
    };
  });
  const total = { teams: 0, team_members: 0, activity_sessions: 0 };
  for (const row of unitRows) {
    total.teams += row.values.teams!;
    total.team_members += row.values.team_members!;
    total.activity_sessions += row.values.activity_sessions!;
  }
  return {
    template: { id: 2, code: 'yearly_review', title: 'Báo cáo tổng kết năm' },
    unit: { id: 48, code: '48', kind: 'province', fullName: 'Thành phố Đà Nẵng' },
    issuingBody: 'CÔNG AN THÀNH PHỐ ĐÀ NẴNG',
    basis: 'as_of',
    period: { from: '2026-01-01', to: '2026-12-31', label: 'năm 2026' },
    comparisonPeriod: { from: '2025-01-01', to: '2025-12-31', label: 'năm 2025' },
    generatedAt: '2026-12-01T07:05:00.000Z',
    sections: [
      {
        title: 'Xây dựng lực lượng nòng cốt',
        layout: 'indicators',
        lines: [
          line('steering_committees', 'Ban Chỉ đạo phong trào được kiện toàn', 'ban', 94, 93),
          line('teams', 'Tổ, đội, ban tham gia bảo vệ an ninh, trật tự', 'tổ', 12_345, 11_870),
          line('team_members', 'Thành viên các tổ, đội, ban', 'người', 1_234_567, 1_250_002),
          line('teams', 'Tổ an ninh, trật tự ở cơ sở', 'tổ', 3_210, 0, 'security_order'),
        ],
        unitRows: [],
        total: {},
      },
      {
        title: 'Kết quả xây dựng phong trào',
        layout: 'indicators',
        lines: [
          line('outreach_sessions', 'Buổi tuyên truyền, phổ biến pháp luật', 'buổi', 8_765, 8_765),
          line(
            'standard_recognised_share',
            'Tỷ lệ đơn vị đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
            '%',
            87.5,
            84.2,
          ),
          line(
            'crime_reports_received',
            'Tin báo, tố giác tội phạm tiếp nhận qua cổng thông tin',
            'tin',
            1_024,
            null,
          ),
        ],
        unitRows: [],
        total: {},
      },
      {
        title: 'Số liệu theo từng xã, phường, đặc khu',
        layout: 'by_unit',
        lines: byUnitLines,
        unitRows,
        total,
      },
    ],
    narrative: [
      'Năm 2026, toàn thành phố có 12.345 tổ, đội, ban tham gia bảo vệ an ninh, trật tự với 1.234.567 thành viên, tăng 475 tổ (+4,0%) so với năm 2025.',
      'Đã tổ chức 8.765 buổi tuyên truyền, phổ biến pháp luật; 87,5% đơn vị đạt tiêu chuẩn "An toàn về an ninh, trật tự".',
    ],
    notes: ['Số liệu tổng hợp từ phần mềm ANTQ, theo đơn vị hành chính tại ngày ghi nhận.'],
    ...overrides,
  };
}
