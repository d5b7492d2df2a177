/**
 * Word lists for synthetic Vietnamese records: names and titles with their diacritics, each with the search form
 * the application stores beside it (lower case, no diacritics), so that `q=` search behaves as on real data.
 * Frequencies follow real life roughly: Nguyễn is about a third of the population.
 */
import { normalizeForSearch } from '../../src/domain/text.js';

export interface Word {
  text: string;
  search: string;
}

const words = (list: readonly string[]): Word[] =>
  list.map((text) => ({ text, search: normalizeForSearch(text) }));

/** Family names repeated by their rough share, so a uniform pick gives a realistic spread. */
export const FAMILY_NAMES = words([
  ...Array(38).fill('Nguyễn'),
  ...Array(11).fill('Trần'),
  ...Array(9).fill('Lê'),
  ...Array(7).fill('Phạm'),
  ...Array(5).fill('Hoàng'),
  ...Array(5).fill('Huỳnh'),
  ...Array(4).fill('Phan'),
  ...Array(3).fill('Vũ'),
  ...Array(3).fill('Võ'),
  ...Array(2).fill('Đặng'),
  ...Array(2).fill('Bùi'),
  ...Array(2).fill('Đỗ'),
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Trương',
  'Lương',
  'Mai',
  'Tạ',
  'Quách',
  'Cao',
]);

export const MIDDLE_NAMES = words([
  'Văn',
  'Văn',
  'Văn',
  'Thị',
  'Thị',
  'Thị',
  'Hữu',
  'Đức',
  'Minh',
  'Ngọc',
  'Thanh',
  'Quốc',
  'Xuân',
  'Thu',
  'Hoài',
  'Công',
  'Kim',
  'Bảo',
]);

export const GIVEN_NAMES = words([
  'An',
  'Anh',
  'Bình',
  'Chi',
  'Cường',
  'Dũng',
  'Dung',
  'Duyên',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiền',
  'Hiếu',
  'Hoa',
  'Hòa',
  'Hùng',
  'Hương',
  'Huy',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Nga',
  'Nhung',
  'Phong',
  'Phúc',
  'Phương',
  'Quân',
  'Quang',
  'Sơn',
  'Tâm',
  'Thắng',
  'Thảo',
  'Thành',
  'Thủy',
  'Tiến',
  'Trang',
  'Trung',
  'Tuấn',
  'Vân',
  'Việt',
  'Yến',
]);

/** Activity title stems by activity kind code (falling back to the kind's own name). */
export const ACTIVITY_TITLES: Record<string, readonly string[]> = {
  outreach: [
    'Tuyên truyền phòng, chống ma túy',
    'Tuyên truyền phòng, chống lừa đảo qua mạng',
    'Tuyên truyền Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở',
    'Tuyên truyền phòng cháy, chữa cháy',
    'Tuyên truyền an toàn giao thông',
  ],
  festival_day: ['Ngày hội toàn dân bảo vệ an ninh Tổ quốc'],
  movement_launch: ['Phát động phong trào toàn dân bảo vệ an ninh Tổ quốc', 'Ra mắt mô hình tự quản'],
  law_contest: ['Hội thi tìm hiểu pháp luật', 'Cuộc thi tìm hiểu Luật Cư trú'],
  conference: ['Hội nghị sơ kết phong trào', 'Hội nghị tổng kết phong trào'],
  citizens_hearing: ['Hội nghị "Công an lắng nghe ý kiến Nhân dân"'],
  legal_class: ['Lớp giáo dục pháp luật cho thanh thiếu niên', 'Lớp bồi dưỡng kiến thức pháp luật'],
  crime_campaign: ['Đợt cao điểm tấn công, trấn áp tội phạm'],
  gratitude_visit: ['Thăm hỏi, tặng quà gia đình chính sách'],
};

export const FEEDBACK_TOPICS = words([
  'Tụ tập thanh niên gây mất trật tự ban đêm',
  'Đề nghị lắp thêm camera an ninh đầu ngõ',
  'Tình trạng đua xe trái phép',
  'Lấn chiếm vỉa hè',
  'Tiếng ồn karaoke kéo dài',
  'Nghi vấn tụ điểm cờ bạc',
  'Đề nghị tăng cường tuần tra khu vực chợ',
  'Tin nhắn lừa đảo giả danh cơ quan nhà nước',
  'Đèn chiếu sáng ngõ xóm bị hỏng',
  'Vật nuôi thả rông gây mất vệ sinh',
]);

export const MODEL_NAME_STEMS = words([
  'Camera an ninh',
  'Khu dân cư không tội phạm và tệ nạn xã hội',
  'Tiếng kẻng an ninh',
  'Xóm liên gia tự quản',
  'Trường học an toàn',
  'Đội công nhân tự quản',
  '3 an toàn',
  'Dòng họ không có người vi phạm pháp luật',
  'Tổ tự quản đường phố',
]);

/** Texts of crime reports (what happened): encrypted once each, then reused by the generator. */
export const REPORT_TEXTS = [
  'Phát hiện nhóm thanh niên tụ tập sử dụng chất nghi là ma túy vào ban đêm.',
  'Nhận được tin nhắn giả danh công an yêu cầu chuyển tiền để “xác minh tài khoản”.',
  'Xe máy để trước nhà bị lấy trộm trong đêm.',
  'Có người tổ chức đánh bạc ăn tiền thường xuyên tại một quán nước.',
  'Có dấu hiệu xả thải ra kênh thoát nước gây ô nhiễm.',
  'Nhóm người đi xe máy lạng lách, đua xe trên tuyến đường chính.',
  'Nghi vấn cất giữ vật liệu nổ trong kho hàng.',
  'Ổ cắm điện tại khu trọ thường xuyên chập cháy, nguy cơ hỏa hoạn.',
  'Có người lôi kéo phụ nữ đi làm việc ở nước ngoài với thu nhập cao bất thường.',
  'Xô xát, đánh nhau gây thương tích tại quán nhậu.',
];
