/** The steering committees of the user's area with their meetings and how their conclusions are going. */
import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { type CommitteeItem, programmeQueries } from '../../api/programmes';
import { useMessages } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { programmeMessages } from '../programmes/messages';

export default function CommitteesPage() {
  const m = useMessages(programmeMessages);
  const list = useQuery(programmeQueries.committees());
  return (
    <div className="page">
      <div className="page-header">
        <div className="page-header__main">
          <h1 className="page-header__title">{m.committeesTitle}</h1>
          <p className="page-header__intro muted">{m.committeesIntro}</p>
        </div>
      </div>
      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<CommitteeItem>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: m.noCommittees }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 900 }}
          columns={[
            {
              title: m.committeesTitle,
              key: 'name',
              render: (_, item) => <Link to={`/ban-chi-dao/${item.id}`}>{item.name}</Link>,
            },
            { title: m.chairman, dataIndex: 'leaderName', render: (value: string | null) => value ?? m.none },
            { title: m.committeeMembers, dataIndex: 'memberCount', width: 100, align: 'right' },
            { title: m.committeeMeetings, dataIndex: 'meetingCount', width: 100, align: 'right' },
            {
              title: m.lastMeeting,
              dataIndex: 'lastMeetingOn',
              width: 130,
              render: (value: string | null) => <DateText value={value} fallback={m.none} />,
            },
            {
              title: m.conclusions,
              key: 'conclusions',
              render: (_, item) =>
                item.conclusions.total === 0 ? (
                  m.none
                ) : (
                  <Tag color={item.conclusions.late > 0 ? 'red' : 'green'}>
                    {m.conclusionsSummary(
                      item.conclusions.done,
                      item.conclusions.total,
                      item.conclusions.late,
                    )}
                  </Tag>
                ),
            },
          ]}
        />
      )}
    </div>
  );
}
