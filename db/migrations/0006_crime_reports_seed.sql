-- Categories of crime reports (configuration: an administrator may rename, reorder or retire them).
insert into report_categories (code, label, label_en, sort_order) values
  ('drugs', 'Ma túy', 'Drugs', 1),
  ('theft', 'Trộm cắp, cướp giật tài sản', 'Theft and robbery', 2),
  ('fraud', 'Lừa đảo, kể cả lừa đảo qua mạng', 'Fraud, including online fraud', 3),
  ('trafficking', 'Mua bán người', 'Human trafficking', 4),
  ('gambling', 'Cờ bạc, cá độ', 'Gambling', 5),
  ('violence', 'Bạo lực, cố ý gây thương tích', 'Violence', 6),
  ('weapons', 'Vũ khí, vật liệu nổ', 'Weapons and explosives', 7),
  ('fire', 'Nguy cơ cháy, nổ', 'Fire risk', 8),
  ('traffic', 'Trật tự an toàn giao thông', 'Traffic order', 9),
  ('environment', 'Môi trường', 'Environment', 10),
  ('other', 'Khác', 'Other', 11)
on conflict (code) do nothing;
--> statement-breakpoint
-- Public holidays that fall on weekdays (Bộ luật Lao động 2019, art. 112, and the yearly schedules announced by
-- the government). Configuration: add the coming years' days as they are announced.
insert into public_holidays (day, name) values
  ('2025-01-01', 'Tết Dương lịch'),
  ('2025-01-27', 'Tết Nguyên đán'),
  ('2025-01-28', 'Tết Nguyên đán'),
  ('2025-01-29', 'Tết Nguyên đán'),
  ('2025-01-30', 'Tết Nguyên đán'),
  ('2025-01-31', 'Tết Nguyên đán'),
  ('2025-04-07', 'Giỗ Tổ Hùng Vương'),
  ('2025-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước'),
  ('2025-05-01', 'Ngày Quốc tế Lao động'),
  ('2025-05-02', 'Nghỉ hoán đổi dịp 30/4 – 1/5'),
  ('2025-09-01', 'Quốc khánh'),
  ('2025-09-02', 'Quốc khánh'),
  ('2026-01-01', 'Tết Dương lịch'),
  ('2026-02-16', 'Tết Nguyên đán'),
  ('2026-02-17', 'Tết Nguyên đán'),
  ('2026-02-18', 'Tết Nguyên đán'),
  ('2026-02-19', 'Tết Nguyên đán'),
  ('2026-02-20', 'Tết Nguyên đán'),
  ('2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),
  ('2026-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước'),
  ('2026-05-01', 'Ngày Quốc tế Lao động'),
  ('2026-09-01', 'Quốc khánh'),
  ('2026-09-02', 'Quốc khánh')
on conflict (day) do nothing;
