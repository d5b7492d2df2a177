import { Tag } from 'antd';
import type { ModelStatus } from '../../../domain/models';
import { useMessages } from '../../app/i18n';
import { modelsMessages } from './messages';

const COLORS: Record<ModelStatus, string | undefined> = {
  active: 'green',
  paused: 'orange',
  ended: undefined,
};

/** The status of a model on the day viewed, with the day it took effect. */
export function StatusTag({ status, since }: { status: ModelStatus | null; since: string | null }) {
  const m = useMessages(modelsMessages);
  if (status === null) return <Tag>{m.notStarted}</Tag>;
  return (
    <span>
      <Tag color={COLORS[status]}>{m.statuses[status]}</Tag>
      {since && <span className="registry-cell__sub muted">{m.detail.statusSince(since)}</span>}
    </span>
  );
}
