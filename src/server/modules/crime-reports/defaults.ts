/**
 * What a new installation starts with: the report categories of the issue and the public holidays known when this
 * was written (Bộ luật Lao động 2019, art. 112, and the government's yearly schedules). Both are configuration:
 * written once at start-up if missing (an administrator's later changes are kept), edited through the API.
 */
export const DEFAULT_REPORT_CATEGORIES = [
  { code: 'drugs', label: 'Ma túy', labelEn: 'Drugs', sortOrder: 1 },
  { code: 'theft', label: 'Trộm cắp, cướp giật tài sản', labelEn: 'Theft and robbery', sortOrder: 2 },
  {
    code: 'fraud',
    label: 'Lừa đảo, kể cả lừa đảo qua mạng',
    labelEn: 'Fraud, including online fraud',
    sortOrder: 3,
  },
  { code: 'trafficking', label: 'Mua bán người', labelEn: 'Human trafficking', sortOrder: 4 },
  { code: 'gambling', label: 'Cờ bạc, cá độ', labelEn: 'Gambling', sortOrder: 5 },
  { code: 'violence', label: 'Bạo lực, cố ý gây thương tích', labelEn: 'Violence', sortOrder: 6 },
  { code: 'weapons', label: 'Vũ khí, vật liệu nổ', labelEn: 'Weapons and explosives', sortOrder: 7 },
  { code: 'fire', label: 'Nguy cơ cháy, nổ', labelEn: 'Fire risk', sortOrder: 8 },
  { code: 'traffic', label: 'Trật tự an toàn giao thông', labelEn: 'Traffic order', sortOrder: 9 },
  { code: 'environment', label: 'Môi trường', labelEn: 'Environment', sortOrder: 10 },
  { code: 'other', label: 'Khác', labelEn: 'Other', sortOrder: 11 },
] as const;

export const DEFAULT_PUBLIC_HOLIDAYS = [
  { day: '2025-01-01', name: 'Tết Dương lịch' },
  { day: '2025-01-27', name: 'Tết Nguyên đán' },
  { day: '2025-01-28', name: 'Tết Nguyên đán' },
  { day: '2025-01-29', name: 'Tết Nguyên đán' },
  { day: '2025-01-30', name: 'Tết Nguyên đán' },
  { day: '2025-01-31', name: 'Tết Nguyên đán' },
  { day: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' },
  { day: '2025-04-30', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
  { day: '2025-05-01', name: 'Ngày Quốc tế Lao động' },
  { day: '2025-05-02', name: 'Nghỉ hoán đổi dịp 30/4 – 1/5' },
  { day: '2025-09-01', name: 'Quốc khánh' },
  { day: '2025-09-02', name: 'Quốc khánh' },
  { day: '2026-01-01', name: 'Tết Dương lịch' },
  { day: '2026-02-16', name: 'Tết Nguyên đán' },
  { day: '2026-02-17', name: 'Tết Nguyên đán' },
  { day: '2026-02-18', name: 'Tết Nguyên đán' },
  { day: '2026-02-19', name: 'Tết Nguyên đán' },
  { day: '2026-02-20', name: 'Tết Nguyên đán' },
  { day: '2026-04-27', name: 'Giỗ Tổ Hùng Vương (nghỉ bù)' },
  { day: '2026-04-30', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
  { day: '2026-05-01', name: 'Ngày Quốc tế Lao động' },
  { day: '2026-09-01', name: 'Quốc khánh' },
  { day: '2026-09-02', name: 'Quốc khánh' },
] as const;
