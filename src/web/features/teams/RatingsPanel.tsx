/**
 * The yearly rating of a team's members (period 15/11 – 14/11): who may be rated, and why not (under 9 months of
 * service); the limit on "Hoàn thành xuất sắc" (at most 20% of those rated "tốt"), worked out for this team. Each
 * rating is saved as it is chosen; a refusal of the server is shown with the member's name.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, message, Select, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import { todayInVietnam } from '../../../domain/dates';
import { MEMBER_RATINGS, type MemberRating, ratingYearOf, type TeamKind } from '../../../domain/teams';
import { type RatingSheet, rateMember, teamQueries } from '../../api/teams';
import { useCan } from '../../app/auth/session';
import { useMessages, useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errorText';
import { teamsMessages } from './messages';

type SheetRow = RatingSheet['members'][number];
const YEARS_SHOWN = 6;

export function RatingsPanel({ teamId, teamKind }: { teamId: number; teamKind: TeamKind }) {
  const t = useT();
  const m = useMessages(teamsMessages);
  const canWrite = useCan()('registry.write');
  const client = useQueryClient();
  const [messageApi, messageHolder] = message.useMessage();
  const current = ratingYearOf(todayInVietnam());
  const [year, setYear] = useState(current);
  const [refusal, setRefusal] = useState<{ name: string; text: string }>();
  const sheet = useQuery(teamQueries.ratings(teamId, year));

  const rate = useMutation({
    mutationFn: ({ row, rating }: { row: SheetRow; rating: MemberRating | null }) =>
      rateMember(teamId, row.memberId, year, rating === null ? null : { rating }),
    onSuccess: (answer, { row }) => {
      setRefusal(undefined);
      client.setQueryData(teamQueries.ratings(teamId, year).queryKey, answer);
      void client.invalidateQueries({ queryKey: ['teams', 'members', teamId] });
      void messageApi.success(m.rating.saved(row.fullName));
    },
    onError: (error, { row }) => setRefusal({ name: row.fullName, text: errorText(t, error) }),
  });

  const data = sheet.data;
  return (
    <div className="ratings-panel">
      {messageHolder}
      <div className="registry-detail__toolbar">
        <Select<number>
          aria-label={m.rating.year}
          value={year}
          onChange={(value) => {
            setRefusal(undefined);
            setYear(value);
          }}
          options={Array.from({ length: YEARS_SHOWN }, (_v, index) => current - index).map((value) => ({
            value,
            label: `${m.rating.year} ${value}`,
          }))}
          style={{ width: 200 }}
        />
        {data && <span className="muted">{m.rating.period(data.period.from, data.period.to)}</span>}
      </div>
      {sheet.isError && !data ? (
        <ErrorAlert error={sheet.error} onRetry={() => void sheet.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <>
          <Alert
            type={data.counts.excellent > data.maxExcellent ? 'error' : 'info'}
            showIcon
            title={m.rating.quota(
              data.excellentMaxPercentOfGood,
              data.counts.good,
              data.maxExcellent,
              data.counts.excellent,
            )}
            description={m.rating.minService}
            className="registry-import__alert"
          />
          {refusal && (
            <Alert
              type="error"
              showIcon
              closable={{ onClose: () => setRefusal(undefined) }}
              title={m.rating.refusedTitle(refusal.name)}
              description={refusal.text}
              className="registry-import__alert"
              role="alert"
            />
          )}
          <div className="registry-tags registry-import__alert">
            {MEMBER_RATINGS.map((rating) => (
              <Tag key={rating}>
                {m.ratings[rating]}: {data.counts[rating]}
              </Tag>
            ))}
          </div>
          <Table<SheetRow>
            size="small"
            rowKey="memberId"
            pagination={false}
            dataSource={data.members}
            locale={{ emptyText: m.rating.noMembers }}
            columns={[
              {
                key: 'member',
                title: m.rating.colMember,
                render: (_value, row) => (
                  <>
                    {row.fullName}
                    <span className="registry-cell__sub muted">{m.roleLabel(teamKind, row.role)}</span>
                  </>
                ),
              },
              {
                key: 'service',
                title: m.rating.colService,
                width: 140,
                align: 'right',
                render: (_value, row) => m.rating.months(row.serviceMonths),
              },
              {
                key: 'rating',
                title: m.rating.colRating,
                width: 320,
                render: (_value, row) =>
                  !row.ratable ? (
                    <span className="rating-refusal">
                      <Tag color="orange">{m.rating.notRatable}</Tag>
                      {row.reason}
                    </span>
                  ) : canWrite ? (
                    <Select<MemberRating | 'none'>
                      aria-label={`${m.rating.colRating}: ${row.fullName}`}
                      value={row.rating ?? 'none'}
                      disabled={rate.isPending}
                      style={{ width: '100%' }}
                      onChange={(value) => rate.mutate({ row, rating: value === 'none' ? null : value })}
                      options={[
                        { value: 'none' as const, label: m.rating.unrated },
                        ...MEMBER_RATINGS.map((rating) => ({ value: rating, label: m.ratings[rating] })),
                      ]}
                    />
                  ) : row.rating ? (
                    m.ratings[row.rating]
                  ) : (
                    <span className="muted">{m.rating.unrated}</span>
                  ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
