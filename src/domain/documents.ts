/**
 * Directive documents (văn bản chỉ đạo): kinds, how they relate (implements, replaces, amends), and the documents
 * the movement's work rests on, installed as metadata (no files) on every database.
 */
export const DOCUMENT_KINDS = [
  'directive',
  'conclusion',
  'resolution',
  'decision',
  'circular',
  'plan',
  'guidance',
  'official_letter',
  'report',
  'law',
  'decree',
  'programme',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  directive: 'Chỉ thị',
  conclusion: 'Kết luận',
  resolution: 'Nghị quyết',
  decision: 'Quyết định',
  circular: 'Thông tư',
  plan: 'Kế hoạch',
  guidance: 'Hướng dẫn',
  official_letter: 'Công văn',
  report: 'Báo cáo',
  law: 'Luật',
  decree: 'Nghị định',
  programme: 'Chương trình phối hợp',
};

export const DOCUMENT_RELATIONS = ['implements', 'replaces', 'amends'] as const;
export type DocumentRelation = (typeof DOCUMENT_RELATIONS)[number];
export const DOCUMENT_RELATION_LABELS: Record<DocumentRelation, string> = {
  implements: 'Thực hiện',
  replaces: 'Thay thế',
  amends: 'Sửa đổi, bổ sung',
};

export interface SeededDocument {
  key: string;
  kind: DocumentKind;
  number: string;
  issuer: string;
  /** Only where the date is certain; otherwise the year alone. */
  issuedOn: string | null;
  issuedYear: number;
  effectiveFrom: string | null;
  title: string;
  links?: ReadonlyArray<{ relation: DocumentRelation; to: string }>;
}

/**
 * The documents DOMAIN.md names. Dates are given only where the source states them; titles are descriptive. Each
 * is metadata only: the text is attached by whoever holds it.
 */
export const SEEDED_DOCUMENTS: readonly SeededDocument[] = [
  {
    key: 'ct-09-2011',
    kind: 'directive',
    number: '09-CT/TW',
    issuer: 'Ban Bí thư Trung ương Đảng',
    issuedOn: '2011-12-01',
    issuedYear: 2011,
    effectiveFrom: null,
    title:
      'Về tăng cường sự lãnh đạo của Đảng đối với Phong trào Toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới',
  },
  {
    key: 'kl-44-2019',
    kind: 'conclusion',
    number: '44-KL/TW',
    issuer: 'Ban Bí thư Trung ương Đảng',
    issuedOn: null,
    issuedYear: 2019,
    effectiveFrom: null,
    title: 'Về tiếp tục thực hiện Chỉ thị số 09-CT/TW của Ban Bí thư',
    links: [{ relation: 'implements', to: 'ct-09-2011' }],
  },
  {
    key: 'qd-521-2005',
    kind: 'decision',
    number: '521/QĐ-TTg',
    issuer: 'Thủ tướng Chính phủ',
    issuedOn: null,
    issuedYear: 2005,
    effectiveFrom: null,
    title: 'Lấy ngày 19 tháng 8 hằng năm là Ngày hội toàn dân bảo vệ an ninh Tổ quốc',
  },
  {
    key: 'tt-23-2012',
    kind: 'circular',
    number: '23/2012/TT-BCA',
    issuer: 'Bộ Công an',
    issuedOn: null,
    issuedYear: 2012,
    effectiveFrom: null,
    title:
      'Quy định về khu dân cư, xã, phường, thị trấn, cơ quan, doanh nghiệp, nhà trường đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
  },
  {
    key: 'tt-124-2021',
    kind: 'circular',
    number: '124/2021/TT-BCA',
    issuer: 'Bộ Công an',
    issuedOn: null,
    issuedYear: 2021,
    effectiveFrom: '2022-02-10',
    title:
      'Quy định về khu dân cư, xã, phường, thị trấn, cơ quan, doanh nghiệp, cơ sở giáo dục đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
    links: [{ relation: 'replaces', to: 'tt-23-2012' }],
  },
  {
    key: 'tt-48-2025',
    kind: 'circular',
    number: '48/2025/TT-BCA',
    issuer: 'Bộ Công an',
    issuedOn: null,
    issuedYear: 2025,
    effectiveFrom: null,
    title: 'Sửa đổi, bổ sung Thông tư số 124/2021/TT-BCA (trình tự công nhận sau sắp xếp đơn vị hành chính)',
    links: [{ relation: 'amends', to: 'tt-124-2021' }],
  },
  {
    key: 'qd-510-2022',
    kind: 'decision',
    number: '510/QĐ-BCA-V05',
    issuer: 'Bộ Công an',
    issuedOn: '2022-01-20',
    issuedYear: 2022,
    effectiveFrom: null,
    title: 'Ban hành tiêu chí, thang điểm phân loại Phong trào Toàn dân bảo vệ an ninh Tổ quốc',
  },
  {
    key: 'luat-30-2023',
    kind: 'law',
    number: '30/2023/QH15',
    issuer: 'Quốc hội',
    issuedOn: null,
    issuedYear: 2023,
    effectiveFrom: '2024-07-01',
    title: 'Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở',
  },
  {
    key: 'nd-40-2024',
    kind: 'decree',
    number: '40/2024/NĐ-CP',
    issuer: 'Chính phủ',
    issuedOn: null,
    issuedYear: 2024,
    effectiveFrom: null,
    title: 'Quy định chi tiết một số điều của Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở',
    links: [{ relation: 'implements', to: 'luat-30-2023' }],
  },
  {
    key: 'tt-14-2024',
    kind: 'circular',
    number: '14/2024/TT-BCA',
    issuer: 'Bộ Công an',
    issuedOn: null,
    issuedYear: 2024,
    effectiveFrom: null,
    title: 'Hướng dẫn thi hành Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở',
    links: [{ relation: 'implements', to: 'luat-30-2023' }],
  },
  {
    key: 'nd-49-2020',
    kind: 'decree',
    number: '49/2020/NĐ-CP',
    issuer: 'Chính phủ',
    issuedOn: null,
    issuedYear: 2020,
    effectiveFrom: null,
    title: 'Quy định chi tiết thi hành Luật Thi hành án hình sự về tái hòa nhập cộng đồng',
  },
  {
    key: 'tt-10-2024',
    kind: 'circular',
    number: '10/2024/TT-BCA',
    issuer: 'Bộ Công an',
    issuedOn: null,
    issuedYear: 2024,
    effectiveFrom: null,
    title: 'Về công tác tái hòa nhập cộng đồng đối với người chấp hành xong án phạt tù',
  },
  {
    key: 'ttlt-01-2017',
    kind: 'circular',
    number: '01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC',
    issuer:
      'Bộ Công an, Bộ Quốc phòng, Bộ Tài chính, Bộ Nông nghiệp và Phát triển nông thôn, Viện Kiểm sát nhân dân tối cao',
    issuedOn: null,
    issuedYear: 2017,
    effectiveFrom: null,
    title:
      'Quy định việc phối hợp giữa các cơ quan có thẩm quyền trong việc thực hiện quy định của Bộ luật Tố tụng hình sự về tiếp nhận, giải quyết nguồn tin về tội phạm',
  },
  {
    key: 'luat-91-2025',
    kind: 'law',
    number: '91/2025/QH15',
    issuer: 'Quốc hội',
    issuedOn: null,
    issuedYear: 2025,
    effectiveFrom: '2026-01-01',
    title: 'Luật Bảo vệ dữ liệu cá nhân',
  },
  {
    key: 'nd-356-2025',
    kind: 'decree',
    number: '356/2025/NĐ-CP',
    issuer: 'Chính phủ',
    issuedOn: null,
    issuedYear: 2025,
    effectiveFrom: null,
    title: 'Quy định chi tiết một số điều của Luật Bảo vệ dữ liệu cá nhân',
    links: [{ relation: 'implements', to: 'luat-91-2025' }],
  },
  {
    key: 'ctph-09-2013',
    kind: 'programme',
    number: '09',
    issuer: 'Bộ Công an, Ủy ban Trung ương MTTQ Việt Nam',
    issuedOn: null,
    issuedYear: 2013,
    effectiveFrom: null,
    title:
      'Chương trình phối hợp về đẩy mạnh Phong trào Toàn dân bảo vệ an ninh Tổ quốc, giai đoạn 2013–2023',
  },
];
