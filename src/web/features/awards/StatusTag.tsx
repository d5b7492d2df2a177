import { Tag } from 'antd';
import type { AwardStatus } from '../../../domain/awards';
import { useMessages } from '../../app/i18n';
import { awardsMessages } from './messages';

const COLORS: Record<AwardStatus, string> = {
  proposed: 'processing',
  approved: 'success',
  refused: 'default',
};

export function AwardStatusTag({ status }: { status: AwardStatus }) {
  const m = useMessages(awardsMessages);
  return <Tag color={COLORS[status]}>{m.statuses[status]}</Tag>;
}
