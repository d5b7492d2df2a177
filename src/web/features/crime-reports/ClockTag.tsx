import { Tag, Tooltip } from 'antd';
import { formatDateVi } from '../../../domain/dates';
import type { ReportItem } from '../../api/crimeReports';

type Clock = ReportItem['noticeClock'];

const COLORS: Record<Clock['state'], string> = {
  done: 'green',
  stopped: 'default',
  running: 'blue',
  due_soon: 'orange',
  overdue: 'red',
};

export function clockText(clock: Clock): string {
  if (clock.state === 'done') return 'Đã xong';
  if (clock.state === 'stopped') return 'Dừng';
  if (clock.daysLeft === null) return formatDateVi(clock.dueOn);
  if (clock.daysLeft < 0) return `Quá hạn ${-clock.daysLeft} ngày`;
  if (clock.daysLeft === 0) return 'Hết hạn hôm nay';
  return `Còn ${clock.daysLeft} ngày`;
}

export function ClockTag({ label, clock }: { label: string; clock: Clock }) {
  return (
    <Tooltip title={`${label}: hạn ${formatDateVi(clock.dueOn)}`}>
      <Tag color={COLORS[clock.state]}>
        {label}: {clockText(clock)}
      </Tag>
    </Tooltip>
  );
}
