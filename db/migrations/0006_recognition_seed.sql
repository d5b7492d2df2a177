-- Seed criteria sets (Thông tư 124/2021/TT-BCA, Thông tư 23/2012/TT-BCA), scoring sheets (Quyết định 510/QĐ-BCA-V05)
-- and classification levels. Rendered by scripts/render-recognition-seed.ts; the texts are summaries (see the seed file).
insert into criteria_sets (code, version, target, legal_basis, title, from_year, to_year, status, frozen) values ('tt124-residential_area', 1, 'residential_area', 'Thông tư 124/2021/TT-BCA', 'Tiêu chuẩn "An toàn về an ninh, trật tự" đối với khu dân cư', 2022, null, 'active', false);
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 1, '1', 'Trong quý I, chi bộ có nghị quyết, khu dân cư có kế hoạch và đăng ký thực hiện tiêu chuẩn; 100% hộ gia đình đăng ký tham gia', 'number_threshold', '{"comparator":"at_least","value":100,"label":"Tỷ lệ hộ gia đình đăng ký tham gia","unit":"%"}'::jsonb, null, null, true from criteria_sets where code = 'tt124-residential_area' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 2, '2', 'Thực hiện tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước, quy định của địa phương và hương ước, quy ước của khu dân cư', 'yes_no', null, null, null, false from criteria_sets where code = 'tt124-residential_area' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 3, '3', 'Không để xảy ra các vụ việc sau', 'no_events', null, '["Hoạt động xâm phạm an ninh quốc gia","Tuyên truyền, phát triển đạo trái pháp luật","Khiếu kiện đông người, vượt cấp trái pháp luật","Tụ tập đông người gây rối an ninh, trật tự","Đình công, lãn công trái pháp luật","Mâu thuẫn, tranh chấp phức tạp kéo dài không được giải quyết","Vụ việc phức tạp về an ninh, trật tự phải huy động lực lượng cấp trên giải quyết"]'::jsonb, null, false from criteria_sets where code = 'tt124-residential_area' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 4, '4', 'Tội phạm, tệ nạn xã hội được kiềm chế, giảm so với năm trước; không để xảy ra trọng án mà không phát hiện, báo kịp thời; không phát sinh tụ điểm phức tạp; không xảy ra cháy, nổ nghiêm trọng, tai nạn lao động chết người', 'yes_no', null, null, null, true from criteria_sets where code = 'tt124-residential_area' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 5, '5', 'Tổ bảo vệ an ninh, trật tự ở cơ sở được xếp loại từ "Hoàn thành nhiệm vụ" trở lên; không có thành viên bị kỷ luật', 'yes_no', null, null, null, true from criteria_sets where code = 'tt124-residential_area' and version = 1;
--> statement-breakpoint
insert into criteria_sets (code, version, target, legal_basis, title, from_year, to_year, status, frozen) values ('tt124-commune', 1, 'commune', 'Thông tư 124/2021/TT-BCA', 'Tiêu chuẩn "An toàn về an ninh, trật tự" đối với xã, phường, đặc khu', 2022, null, 'active', false);
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 1, '1', 'Trong quý I có nghị quyết của cấp ủy, kế hoạch của Ủy ban nhân dân và đăng ký thực hiện tiêu chuẩn; có ít nhất 01 mô hình tự quản về an ninh, trật tự hoạt động hiệu quả', 'yes_no', null, null, null, true from criteria_sets where code = 'tt124-commune' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 2, '2', 'Đạt các tiêu chí 2, 3, 4 của khu dân cư trên địa bàn xã; không để xảy ra các vụ việc sau', 'no_events', null, '["Hoạt động xâm phạm an ninh quốc gia","Tuyên truyền, phát triển đạo trái pháp luật","Khiếu kiện đông người, vượt cấp trái pháp luật","Tụ tập đông người gây rối an ninh, trật tự","Đình công, lãn công trái pháp luật","Mâu thuẫn, tranh chấp phức tạp kéo dài không được giải quyết","Vụ việc phức tạp về an ninh, trật tự phải huy động lực lượng cấp trên giải quyết"]'::jsonb, null, false from criteria_sets where code = 'tt124-commune' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 3, '3', 'Công an xã, phường hoàn thành tốt nhiệm vụ; không có cán bộ, chiến sĩ bị kỷ luật', 'yes_no', null, null, null, true from criteria_sets where code = 'tt124-commune' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 4, '4', '100% khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục trên địa bàn đăng ký và có ít nhất 70% được công nhận đạt tiêu chuẩn', 'computed', '{"comparator":"at_least","value":70,"label":"Tỷ lệ đơn vị được công nhận","unit":"%"}'::jsonb, null, 'children_registered_recognised', false from criteria_sets where code = 'tt124-commune' and version = 1;
--> statement-breakpoint
insert into criteria_sets (code, version, target, legal_basis, title, from_year, to_year, status, frozen) values ('tt124-agency_enterprise', 1, 'agency_enterprise', 'Thông tư 124/2021/TT-BCA', 'Tiêu chuẩn "An toàn về an ninh, trật tự" đối với cơ quan, doanh nghiệp', 2022, null, 'active', false);
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 1, '1', 'Trong quý I có nghị quyết, kế hoạch, đăng ký thực hiện; có nội quy, quy chế bảo vệ cơ quan, doanh nghiệp; 100% cán bộ, người lao động được quán triệt', 'number_threshold', '{"comparator":"at_least","value":100,"label":"Tỷ lệ cán bộ, người lao động được quán triệt","unit":"%"}'::jsonb, null, null, true from criteria_sets where code = 'tt124-agency_enterprise' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 2, '2', 'Không để xảy ra các vụ việc sau', 'no_events', null, '["Lộ, mất bí mật nhà nước, bí mật kinh doanh","Tham nhũng, lãng phí bị xử lý hình sự","Cháy, nổ nghiêm trọng; tai nạn lao động chết người do lỗi chủ quan","Đình công, lãn công, tụ tập đông người trái pháp luật","Cán bộ, người lao động phạm tội nghiêm trọng trở lên"]'::jsonb, null, false from criteria_sets where code = 'tt124-agency_enterprise' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 3, '3', 'Có ít nhất 01 mô hình tự quản về an ninh, trật tự hoạt động hiệu quả', 'yes_no', null, null, null, true from criteria_sets where code = 'tt124-agency_enterprise' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 4, '4', 'Lực lượng bảo vệ được kiện toàn, hoạt động hiệu quả', 'yes_no', null, null, null, false from criteria_sets where code = 'tt124-agency_enterprise' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 5, '5', 'Ít nhất 70% bộ phận trực thuộc đạt danh hiệu tiên tiến trở lên', 'number_threshold', '{"comparator":"at_least","value":70,"label":"Tỷ lệ bộ phận đạt danh hiệu tiên tiến trở lên","unit":"%"}'::jsonb, null, null, false from criteria_sets where code = 'tt124-agency_enterprise' and version = 1;
--> statement-breakpoint
insert into criteria_sets (code, version, target, legal_basis, title, from_year, to_year, status, frozen) values ('tt124-school', 1, 'school', 'Thông tư 124/2021/TT-BCA', 'Tiêu chuẩn "An toàn về an ninh, trật tự" đối với cơ sở giáo dục', 2022, null, 'active', false);
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 1, '1', 'Trong quý I có nghị quyết, kế hoạch, đăng ký thực hiện; có nội quy, quy chế bảo đảm an ninh, trật tự trường học; 100% cán bộ, giáo viên, người lao động được quán triệt', 'number_threshold', '{"comparator":"at_least","value":100,"label":"Tỷ lệ cán bộ, người lao động được quán triệt","unit":"%"}'::jsonb, null, null, true from criteria_sets where code = 'tt124-school' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 2, '2', 'Không để xảy ra các vụ việc sau', 'no_events', null, '["Lộ, mất bí mật nhà nước, bí mật kinh doanh","Tham nhũng, lãng phí bị xử lý hình sự","Cháy, nổ nghiêm trọng; tai nạn lao động chết người do lỗi chủ quan","Đình công, lãn công, tụ tập đông người trái pháp luật","Cán bộ, người lao động phạm tội nghiêm trọng trở lên"]'::jsonb, null, false from criteria_sets where code = 'tt124-school' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 3, '3', 'Có ít nhất 01 mô hình tự quản về an ninh, trật tự trường học hoạt động hiệu quả', 'yes_no', null, null, null, true from criteria_sets where code = 'tt124-school' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 4, '4', 'Lực lượng bảo vệ nhà trường được kiện toàn, hoạt động hiệu quả', 'yes_no', null, null, null, false from criteria_sets where code = 'tt124-school' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 5, '5', 'Ít nhất 70% lớp, khoa, phòng, tổ trực thuộc đạt danh hiệu tiên tiến trở lên', 'number_threshold', '{"comparator":"at_least","value":70,"label":"Tỷ lệ bộ phận đạt danh hiệu tiên tiến trở lên","unit":"%"}'::jsonb, null, null, false from criteria_sets where code = 'tt124-school' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 6, '6', 'Không để xảy ra bạo lực học đường', 'no_events', null, '["Bạo lực học đường gây thương tích","Học sinh, sinh viên vi phạm pháp luật bị xử lý hình sự","Ma túy, tệ nạn xã hội trong trường học"]'::jsonb, null, false from criteria_sets where code = 'tt124-school' and version = 1;
--> statement-breakpoint
insert into criteria_sets (code, version, target, legal_basis, title, from_year, to_year, status, frozen) values ('tt23-residential_area', 1, 'residential_area', 'Thông tư 23/2012/TT-BCA', 'Tiêu chuẩn "An toàn về an ninh, trật tự" đối với khu dân cư (Thông tư 23/2012)', 2012, 2021, 'active', false);
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 1, '1', 'Có nghị quyết, kế hoạch và đăng ký xây dựng khu dân cư đạt tiêu chuẩn; hộ gia đình ký cam kết thực hiện', 'number_threshold', '{"comparator":"at_least","value":100,"label":"Tỷ lệ hộ gia đình đăng ký tham gia","unit":"%"}'::jsonb, null, null, true from criteria_sets where code = 'tt23-residential_area' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 2, '2', 'Không có hoạt động xâm phạm an ninh quốc gia, gây rối an ninh, trật tự', 'no_events', null, '["Hoạt động xâm phạm an ninh quốc gia","Tuyên truyền, phát triển đạo trái pháp luật","Khiếu kiện đông người, vượt cấp trái pháp luật","Tụ tập đông người gây rối an ninh, trật tự","Đình công, lãn công trái pháp luật"]'::jsonb, null, false from criteria_sets where code = 'tt23-residential_area' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 3, '3', 'Kiềm chế, làm giảm tội phạm và tệ nạn xã hội; không để xảy ra trọng án mà không phát hiện, báo kịp thời', 'yes_no', null, null, null, true from criteria_sets where code = 'tt23-residential_area' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 4, '4', 'Các tổ chức quần chúng làm nòng cốt bảo vệ an ninh, trật tự hoạt động hiệu quả', 'yes_no', null, null, null, false from criteria_sets where code = 'tt23-residential_area' and version = 1;
--> statement-breakpoint
insert into criteria_sets (code, version, target, legal_basis, title, from_year, to_year, status, frozen) values ('tt23-commune', 1, 'commune', 'Thông tư 23/2012/TT-BCA', 'Tiêu chuẩn "An toàn về an ninh, trật tự" đối với xã, phường, thị trấn (Thông tư 23/2012)', 2012, 2021, 'active', false);
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 1, '1', 'Có nghị quyết của cấp ủy, kế hoạch của Ủy ban nhân dân về xây dựng phong trào và đăng ký thực hiện tiêu chuẩn', 'yes_no', null, null, null, true from criteria_sets where code = 'tt23-commune' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 2, '2', 'Không để xảy ra các vụ việc sau', 'no_events', null, '["Hoạt động xâm phạm an ninh quốc gia","Tuyên truyền, phát triển đạo trái pháp luật","Khiếu kiện đông người, vượt cấp trái pháp luật","Tụ tập đông người gây rối an ninh, trật tự","Đình công, lãn công trái pháp luật"]'::jsonb, null, false from criteria_sets where code = 'tt23-commune' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 3, '3', 'Công an xã, phường, thị trấn và các lực lượng nòng cốt hoàn thành nhiệm vụ', 'yes_no', null, null, null, false from criteria_sets where code = 'tt23-commune' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 4, '4', 'Khu dân cư, cơ quan, doanh nghiệp, nhà trường trên địa bàn đăng ký và có ít nhất 70% được công nhận đạt tiêu chuẩn', 'computed', '{"comparator":"at_least","value":70,"label":"Tỷ lệ đơn vị được công nhận","unit":"%"}'::jsonb, null, 'children_registered_recognised', false from criteria_sets where code = 'tt23-commune' and version = 1;
--> statement-breakpoint
insert into criteria_sets (code, version, target, legal_basis, title, from_year, to_year, status, frozen) values ('tt23-agency_enterprise', 1, 'agency_enterprise', 'Thông tư 23/2012/TT-BCA', 'Tiêu chuẩn "An toàn về an ninh, trật tự" đối với cơ quan, doanh nghiệp (Thông tư 23/2012)', 2012, 2021, 'active', false);
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 1, '1', 'Có kế hoạch, nội quy bảo vệ cơ quan, doanh nghiệp và đăng ký thực hiện tiêu chuẩn', 'yes_no', null, null, null, true from criteria_sets where code = 'tt23-agency_enterprise' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 2, '2', 'Không để xảy ra các vụ việc sau', 'no_events', null, '["Lộ, mất bí mật nhà nước, bí mật kinh doanh","Tham nhũng, lãng phí bị xử lý hình sự","Cháy, nổ nghiêm trọng; tai nạn lao động chết người do lỗi chủ quan","Đình công, lãn công, tụ tập đông người trái pháp luật","Cán bộ, người lao động phạm tội nghiêm trọng trở lên"]'::jsonb, null, false from criteria_sets where code = 'tt23-agency_enterprise' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 3, '3', 'Lực lượng bảo vệ được kiện toàn, hoạt động hiệu quả', 'yes_no', null, null, null, false from criteria_sets where code = 'tt23-agency_enterprise' and version = 1;
--> statement-breakpoint
insert into criteria_sets (code, version, target, legal_basis, title, from_year, to_year, status, frozen) values ('tt23-school', 1, 'school', 'Thông tư 23/2012/TT-BCA', 'Tiêu chuẩn "An toàn về an ninh, trật tự" đối với nhà trường (Thông tư 23/2012)', 2012, 2021, 'active', false);
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 1, '1', 'Có kế hoạch, nội quy bảo đảm an ninh, trật tự trường học và đăng ký thực hiện tiêu chuẩn', 'yes_no', null, null, null, true from criteria_sets where code = 'tt23-school' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 2, '2', 'Không để xảy ra các vụ việc sau', 'no_events', null, '["Bạo lực học đường gây thương tích","Ma túy, tệ nạn xã hội trong trường học"]'::jsonb, null, false from criteria_sets where code = 'tt23-school' and version = 1;
--> statement-breakpoint
insert into criteria (set_id, position, code, text, kind, threshold, events, computed_rule, evidence_required) select id, 3, '3', 'Lực lượng bảo vệ nhà trường hoạt động hiệu quả', 'yes_no', null, null, null, false from criteria_sets where code = 'tt23-school' and version = 1;
--> statement-breakpoint
insert into classification_sheets (code, version, target, legal_basis, title, from_year, status, frozen) values ('qd510-residential_area', 1, 'residential_area', 'Quyết định 510/QĐ-BCA-V05', 'Phiếu chấm điểm phân loại phong trào khu dân cư', 2022, 'active', false);
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 1, '1', 'Nghị quyết, kế hoạch, báo cáo sơ kết, tổng kết phong trào', 10 from classification_sheets where code = 'qd510-residential_area' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 2, '2', 'Tuyên truyền, phổ biến pháp luật đến hộ gia đình', 15 from classification_sheets where code = 'qd510-residential_area' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 3, '3', 'Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc', 10 from classification_sheets where code = 'qd510-residential_area' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 4, '4', 'Mô hình tự quản về an ninh, trật tự', 15 from classification_sheets where code = 'qd510-residential_area' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 5, '5', 'Tổ bảo vệ an ninh, trật tự ở cơ sở hoạt động', 15 from classification_sheets where code = 'qd510-residential_area' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 6, '6', 'Tố giác, tin báo về tội phạm; phòng ngừa tội phạm, tệ nạn xã hội', 20 from classification_sheets where code = 'qd510-residential_area' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 7, '7', 'Hòa giải, giúp đỡ người có quá khứ vi phạm pháp luật tái hòa nhập', 15 from classification_sheets where code = 'qd510-residential_area' and version = 1;
--> statement-breakpoint
insert into classification_sheets (code, version, target, legal_basis, title, from_year, status, frozen) values ('qd510-commune', 1, 'commune', 'Quyết định 510/QĐ-BCA-V05', 'Phiếu chấm điểm phân loại phong trào xã, phường, đặc khu', 2022, 'active', false);
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 1, '1', 'Lãnh đạo, chỉ đạo: nghị quyết, kế hoạch, Ban Chỉ đạo, báo cáo', 10 from classification_sheets where code = 'qd510-commune' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 2, '2', 'Tuyên truyền, phát động phong trào, Ngày hội toàn dân', 15 from classification_sheets where code = 'qd510-commune' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 3, '3', 'Xây dựng, nhân rộng mô hình, điển hình tiên tiến', 15 from classification_sheets where code = 'qd510-commune' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 4, '4', 'Xây dựng lực lượng nòng cốt, Tổ bảo vệ an ninh, trật tự', 15 from classification_sheets where code = 'qd510-commune' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 5, '5', 'Kết quả phòng ngừa, đấu tranh tội phạm, tệ nạn xã hội', 25 from classification_sheets where code = 'qd510-commune' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 6, '6', 'Kết quả xây dựng tiêu chuẩn "An toàn về an ninh, trật tự"', 20 from classification_sheets where code = 'qd510-commune' and version = 1;
--> statement-breakpoint
insert into classification_sheets (code, version, target, legal_basis, title, from_year, status, frozen) values ('qd510-agency_enterprise', 1, 'agency_enterprise', 'Quyết định 510/QĐ-BCA-V05', 'Phiếu chấm điểm phân loại phong trào cơ quan, doanh nghiệp', 2022, 'active', false);
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 1, '1', 'Nghị quyết, kế hoạch, báo cáo về phong trào', 3 from classification_sheets where code = 'qd510-agency_enterprise' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 2, '2', 'Tuyên truyền đến ít nhất 90% cán bộ, người lao động', 3 from classification_sheets where code = 'qd510-agency_enterprise' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 3, '3', 'Tham gia Ngày hội toàn dân bảo vệ an ninh Tổ quốc', 5 from classification_sheets where code = 'qd510-agency_enterprise' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 4, '4', 'Nội quy, quy chế bảo vệ; lực lượng bảo vệ', 19 from classification_sheets where code = 'qd510-agency_enterprise' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 5, '5', 'Mô hình tự quản về an ninh, trật tự', 20 from classification_sheets where code = 'qd510-agency_enterprise' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 6, '6', 'Không để xảy ra vụ việc phức tạp về an ninh, trật tự', 30 from classification_sheets where code = 'qd510-agency_enterprise' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 7, '7', 'Phối hợp với Công an, chính quyền địa phương', 20 from classification_sheets where code = 'qd510-agency_enterprise' and version = 1;
--> statement-breakpoint
insert into classification_sheets (code, version, target, legal_basis, title, from_year, status, frozen) values ('qd510-school', 1, 'school', 'Quyết định 510/QĐ-BCA-V05', 'Phiếu chấm điểm phân loại phong trào cơ sở giáo dục', 2022, 'active', false);
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 1, '1', 'Nghị quyết, kế hoạch, báo cáo về phong trào', 5 from classification_sheets where code = 'qd510-school' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 2, '2', 'Giáo dục pháp luật, kỹ năng cho học sinh, sinh viên', 20 from classification_sheets where code = 'qd510-school' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 3, '3', 'Tham gia Ngày hội toàn dân bảo vệ an ninh Tổ quốc', 5 from classification_sheets where code = 'qd510-school' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 4, '4', 'Mô hình trường học an toàn, tự quản', 20 from classification_sheets where code = 'qd510-school' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 5, '5', 'Phòng, chống bạo lực học đường, ma túy, tệ nạn xã hội', 30 from classification_sheets where code = 'qd510-school' and version = 1;
--> statement-breakpoint
insert into classification_items (sheet_id, position, code, text, max_points) select id, 6, '6', 'Lực lượng bảo vệ, phối hợp với gia đình và Công an', 20 from classification_sheets where code = 'qd510-school' and version = 1;
--> statement-breakpoint
insert into classification_levels (province_code, code, label, min_points, enabled) values ('', 'excellent', 'Xuất sắc', 90, true);
--> statement-breakpoint
insert into classification_levels (province_code, code, label, min_points, enabled) values ('', 'good', 'Khá', 70, true);
--> statement-breakpoint
insert into classification_levels (province_code, code, label, min_points, enabled) values ('', 'average', 'Trung bình', 50, true);
--> statement-breakpoint
insert into classification_levels (province_code, code, label, min_points, enabled) values ('', 'weak', 'Yếu', 0, false);
