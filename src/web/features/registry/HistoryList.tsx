/** The audit events of one record, newest first, each opened up to its changed fields (before → after). */
import { Collapse, Empty } from 'antd';
import type { AuditEvent } from '../../api/audit';
import { useMessages } from '../../app/i18n';
import { DateTimeText } from '../../components/DateTimeText';
import { AuditChanges } from '../audit/AuditChanges';
import { auditMessages } from '../audit/messages';
import '../audit/audit.css';
import { registryMessages } from './messages';

export function HistoryList({ events }: { events: readonly AuditEvent[] }) {
  const m = useMessages(registryMessages).list;
  const a = useMessages(auditMessages).audit;
  if (events.length === 0) return <Empty description={m.historyEmpty} />;
  return (
    <Collapse
      size="small"
      items={events.map((event) => ({
        key: event.id,
        label: (
          <span>
            <DateTimeText value={event.at} /> · <strong>{a.actions[event.action] ?? event.action}</strong>{' '}
            <span className="muted">{m.by(event.actorUsername ?? m.system)}</span>
          </span>
        ),
        children: <AuditChanges event={event} />,
      }))}
    />
  );
}
