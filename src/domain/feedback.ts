/**
 * Residents' feedback (phản ánh, kiến nghị) heard at a citizens' hearing or recorded by an officer. It is not a crime
 * report. The only personal data allowed is an optional name and phone, and only with the purpose stated.
 */
export const FEEDBACK_STATUSES = ['open', 'answered', 'forwarded'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  open: 'Chưa trả lời',
  answered: 'Đã trả lời',
  forwarded: 'Đã chuyển cơ quan có thẩm quyền',
};

export const FEEDBACK_CHANNELS = ['hearing', 'officer', 'other'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];
export const FEEDBACK_CHANNEL_LABELS: Record<FeedbackChannel, string> = {
  hearing: 'Tại hội nghị "Công an lắng nghe ý kiến Nhân dân"',
  officer: 'Cán bộ ghi nhận',
  other: 'Kênh khác',
};

export const CONTACT_PURPOSES = ['reply', 'clarify'] as const;
export type ContactPurpose = (typeof CONTACT_PURPOSES)[number];
export const CONTACT_PURPOSE_LABELS: Record<ContactPurpose, string> = {
  reply: 'Để trả lời kết quả giải quyết cho người phản ánh',
  clarify: 'Để liên hệ làm rõ nội dung phản ánh',
};
