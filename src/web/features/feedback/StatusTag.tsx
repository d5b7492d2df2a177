import { Tag } from 'antd';
import type { FeedbackStatus } from '../../../domain/feedback';
import { useMessages } from '../../app/i18n';
import { feedbackMessages } from './messages';

const COLORS: Record<FeedbackStatus, string> = {
  open: 'warning',
  answered: 'success',
  forwarded: 'processing',
};

export function FeedbackStatusTag({ status }: { status: FeedbackStatus }) {
  const m = useMessages(feedbackMessages);
  return <Tag color={COLORS[status]}>{m.statuses[status]}</Tag>;
}
