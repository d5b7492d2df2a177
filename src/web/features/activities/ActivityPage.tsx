/**
 * One activity: its kind, unit, dates, co-organisers, participants (with the reason given when an unusual figure
 * was confirmed), the festival-day parts or the learners of a class, the plan it implements; its photos and
 * minutes; the history of changes.
 */
import { ArrowLeftOutlined, EditOutlined, FlagFilled } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, message, Skeleton, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatDateVi } from '../../../domain/dates';
import { formatInteger } from '../../../domain/numbers';
import { activityQueries, deleteActivity } from '../../api/activities';
import { ApiError } from '../../api/client';
import { useCan } from '../../app/auth/session';
import { PageMessage } from '../../app/ErrorPages';
import { useMessages, useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { DeleteRecordButton } from '../registry/DeleteRecordButton';
import { HistoryList } from '../registry/HistoryList';
import { registryMessages } from '../registry/messages';
import '../registry/registry.css';
import { ActivityFormDrawer } from './ActivityFormDrawer';
import './activities.css';
import { activitiesMessages, formatVnd } from './messages';

export default function ActivityPage() {
  const t = useT();
  const m = useMessages(activitiesMessages);
  const r = useMessages(registryMessages).list;
  const canWrite = useCan()('activities.write');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [messageApi, messageHolder] = message.useMessage();
  const params = useParams();
  const id = /^[1-9]\d{0,9}$/.test(params.id ?? '') ? Number(params.id) : undefined;
  const [editing, setEditing] = useState(false);
  const activity = useQuery({ ...activityQueries.detail(id ?? 0), enabled: id !== undefined });

  useEffect(() => {
    document.title = `${activity.data?.title ?? m.pageTitle} — ANTQ`;
  }, [activity.data?.title, m]);

  if (id === undefined || (activity.error instanceof ApiError && activity.error.status === 404)) {
    return <PageMessage title={t.errors.pageNotFound} detail={r.notFound} />;
  }
  if (activity.isError && !activity.data)
    return <ErrorAlert error={activity.error} onRetry={() => void activity.refetch()} />;
  const data = activity.data;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const festival = data.festival;
  const held = (value: boolean | null) =>
    value === null ? r.none : value ? m.detail.held : m.detail.notHeld;

  return (
    <div className="registry-page">
      {messageHolder}
      <Link to="/hoat-dong">
        <ArrowLeftOutlined /> {r.back}
      </Link>
      <header className="registry-detail__header">
        <div>
          <h1 className="registry-detail__title">{data.title}</h1>
          <span className="registry-tags">
            <Tag color={data.kind.trait === 'festival' ? 'red' : 'blue'}>{data.kind.name}</Tag>
            {festival?.pilot && (
              <Tag color="volcano" icon={<FlagFilled />}>
                {m.pilot}
              </Tag>
            )}
          </span>
        </div>
        {canWrite && (
          <div className="registry-page__actions">
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {r.edit}
            </Button>
            <DeleteRecordButton
              onDelete={(reason) => deleteActivity(data.id, { reason })}
              onDeleted={() => {
                client.removeQueries({ queryKey: activityQueries.detail(data.id).queryKey });
                void client.invalidateQueries({ queryKey: activityQueries.all });
                navigate('/hoat-dong');
              }}
            />
          </div>
        )}
      </header>
      <div className="registry-detail__body">
        {data.plausibility && (
          <Alert
            type="warning"
            showIcon
            title={m.detail.plausibility}
            description={
              <>
                {data.plausibility.warnings.map((warning) => (
                  <div key={warning.code}>{warning.message}</div>
                ))}
                <div>{m.detail.plausibilityReason(data.plausibility.reason)}</div>
              </>
            }
          />
        )}
        <Card size="small" title={m.detail.info}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
            items={[
              { key: 'kind', label: m.detail.kind, children: data.kind.name },
              {
                key: 'unit',
                label: m.detail.unit,
                children: (
                  <span>
                    {data.unit.fullName}
                    {data.unit.parentName && <span className="muted">, {data.unit.parentName}</span>}
                    {!data.unit.current && <Tag className="summary-partial">{m.detail.unitFormer}</Tag>}
                  </span>
                ),
              },
              {
                key: 'dates',
                label: m.detail.dates,
                children: m.dateSpan(
                  formatDateVi(data.startsOn),
                  data.endsOn ? formatDateVi(data.endsOn) : null,
                ),
              },
              {
                key: 'organisers',
                label: m.detail.organisers,
                children:
                  data.organiserLabels.length === 0 ? (
                    r.none
                  ) : (
                    <span className="registry-tags">
                      {data.organiserLabels.map((label) => (
                        <Tag key={label}>{label}</Tag>
                      ))}
                      {data.organiserOther && <Tag>{data.organiserOther}</Tag>}
                    </span>
                  ),
              },
              {
                key: 'participants',
                label: m.detail.participants,
                children: data.participants === null ? r.none : formatInteger(data.participants),
              },
              ...(data.kind.trait === 'class'
                ? [
                    {
                      key: 'learners',
                      label: m.detail.learners,
                      children:
                        data.learners.length === 0 ? (
                          r.none
                        ) : (
                          <span>
                            {data.learners.map((row) => (
                              <span key={row.group} className="registry-cell__sub">
                                {row.groupLabel}: {formatInteger(row.count)}
                              </span>
                            ))}
                            <strong>{m.detail.learnerTotal(data.learnerTotal)}</strong>
                          </span>
                        ),
                    },
                  ]
                : []),
              {
                key: 'plan',
                label: m.detail.plan,
                children: data.plan ? (
                  <Link to={`/van-ban/${data.plan.id}`}>
                    {data.plan.kindLabel} {data.plan.number} — {data.plan.title}
                  </Link>
                ) : (
                  (data.planText ?? r.none)
                ),
              },
              ...(data.feedbackCount > 0
                ? [
                    {
                      key: 'feedback',
                      label: m.detail.feedbackLabel,
                      children: (
                        <Link to={`/y-kien-nhan-dan?hoat-dong=${data.id}`}>
                          {m.detail.feedback(data.feedbackCount)}
                        </Link>
                      ),
                    },
                  ]
                : []),
              ...(data.notes ? [{ key: 'notes', label: m.detail.notes, children: data.notes }] : []),
            ]}
          />
        </Card>
        {festival && (
          <Card size="small" title={m.detail.festival}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 4 }}
              items={[
                { key: 'ceremony', label: m.detail.ceremony, children: held(festival.ceremonyHeld) },
                { key: 'festival', label: m.detail.festivalPart, children: held(festival.festivalHeld) },
                {
                  key: 'pilot',
                  label: m.detail.pilot,
                  children: festival.pilot
                    ? m.detail.pilotYes(festival.pilotChosenBy ? m.pilotLevels[festival.pilotChosenBy] : null)
                    : m.detail.no,
                },
                {
                  key: 'gifts',
                  label: m.detail.gifts,
                  children: m.detail.giftsText(
                    festival.giftsCount,
                    festival.giftsValueVnd !== null ? formatVnd(festival.giftsValueVnd) : null,
                  ),
                },
              ]}
            />
          </Card>
        )}
        <Card size="small">
          <Tabs
            items={[
              {
                key: 'files',
                label: `${m.detail.tabFiles} (${formatInteger(data.attachments.length)})`,
                children: (
                  <AttachmentsPanel
                    entityType="activity"
                    entityId={data.id}
                    attachments={data.attachments}
                    canWrite={canWrite}
                    refreshKey={activityQueries.all}
                  />
                ),
              },
              {
                key: 'history',
                label: m.detail.tabHistory,
                children: <HistoryList events={data.history} />,
              },
            ]}
          />
        </Card>
      </div>
      <ActivityFormDrawer
        open={editing}
        activity={data}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void messageApi.success(r.saved);
          void client.invalidateQueries({ queryKey: activityQueries.all });
        }}
      />
    </div>
  );
}
