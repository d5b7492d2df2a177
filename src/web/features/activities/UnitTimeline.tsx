/**
 * What happened at a unit (and, by default, the units below it), newest first: activities, awards, residents'
 * feedback, documents, each linking to its page. Only the kinds the user may read come back from the server.
 */
import { CalendarOutlined, FileTextOutlined, MessageOutlined, TrophyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Checkbox, Empty, Skeleton, Tag, Timeline } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import type { IsoDate } from '../../../domain/dates';
import { formatDateVi } from '../../../domain/dates';
import { activityQueries } from '../../api/activities';
import { useMessages } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IsoRangePicker } from '../registry/IsoDatePicker';
import { registryMessages } from '../registry/messages';
import './activities.css';
import { activitiesMessages } from './messages';

const LOOK: Record<string, { path: string; color: string; icon: ReactNode }> = {
  activity: { path: '/hoat-dong', color: 'blue', icon: <CalendarOutlined /> },
  award: { path: '/khen-thuong', color: 'gold', icon: <TrophyOutlined /> },
  feedback: { path: '/y-kien-nhan-dan', color: 'purple', icon: <MessageOutlined /> },
  document: { path: '/van-ban', color: 'gray', icon: <FileTextOutlined /> },
};

export function UnitTimeline({ unitId, compact = false }: { unitId: number; compact?: boolean }) {
  const m = useMessages(activitiesMessages).timeline;
  const r = useMessages(registryMessages).list;
  const [range, setRange] = useState<[IsoDate | undefined, IsoDate | undefined]>([undefined, undefined]);
  const [subtree, setSubtree] = useState(true);
  const timeline = useQuery(
    activityQueries.timeline({
      unit: unitId,
      subtree,
      ...(range[0] ? { from: range[0] } : {}),
      ...(range[1] ? { to: range[1] } : {}),
    }),
  );
  const data = timeline.data;
  return (
    <div className="unit-timeline">
      <div className="registry-filters">
        <IsoRangePicker
          ariaLabel={m.range}
          placeholders={[r.dateFrom, r.dateTo]}
          value={range}
          onChange={setRange}
        />
        <Checkbox checked={subtree} onChange={(event) => setSubtree(event.target.checked)}>
          {m.subtree}
        </Checkbox>
        {data && <span className="muted">{m.span(formatDateVi(data.from), formatDateVi(data.to))}</span>}
      </div>
      {timeline.isError && !data ? (
        <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : data.items.length === 0 ? (
        <Empty description={m.empty} />
      ) : (
        <Timeline
          className="unit-timeline__list"
          items={(compact ? data.items.slice(0, 30) : data.items).map((entry) => {
            const look = LOOK[entry.type] ?? LOOK.activity!;
            return {
              key: `${entry.type}-${entry.id}`,
              color: look.color,
              icon: look.icon,
              title: <time dateTime={entry.date}>{formatDateVi(entry.date)}</time>,
              content: (
                <div>
                  <Tag color={look.color}>{m.types[entry.type] ?? entry.type}</Tag>
                  <Link to={`${look.path}/${entry.id}`} className="unit-timeline__entry-title">
                    {entry.title}
                  </Link>
                  {(entry.detail || entry.unit) && (
                    <div className="muted">
                      {[entry.detail, entry.unit?.fullName].filter(Boolean).join(' · ')}
                    </div>
                  )}
                </div>
              ),
            };
          })}
        />
      )}
    </div>
  );
}
