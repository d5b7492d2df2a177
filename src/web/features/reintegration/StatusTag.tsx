import { Tag } from 'antd';
import type { CaseStatus } from '../../../domain/reintegration';

const COLORS: Partial<Record<CaseStatus, string>> = {
  being_helped: 'blue',
  reintegrated: 'green',
  moved: 'purple',
  record_expunged: 'cyan',
  imprisoned_again: 'red',
  missing: 'orange',
};

export function StatusTag({ status, label }: { status: CaseStatus; label: string }) {
  return <Tag color={COLORS[status] ?? 'default'}>{label}</Tag>;
}
