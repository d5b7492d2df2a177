/** The posts of the officer's area on the citizen portal: drafts and published, newest change first. */
import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { type PostItem, portalQueries } from '../../api/portal';
import { useMessages } from '../../app/i18n';
import { DateTimeText } from '../../components/DateTimeText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { portalMessages } from './messages';

type StatusFilter = 'all' | 'draft' | 'published';

export default function PostsPage() {
  const m = useMessages(portalMessages);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [page, setPage] = useState(1);
  const list = useQuery(portalQueries.posts({ page, ...(status === 'all' ? {} : { status }) }));
  useEffect(() => {
    document.title = `${m.postsTitle} — ANTQ`;
  }, [m]);
  return (
    <div className="page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {m.postsTitle}
        </Typography.Title>
        <Space wrap>
          <Button icon={<ExportOutlined />} href="/cong-dan" target="_blank">
            {m.openPortal}
          </Button>
          <Link to="/cong-thong-tin/bai-viet/moi">
            <Button type="primary" icon={<PlusOutlined />}>
              {m.newPost}
            </Button>
          </Link>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {m.postsIntro}
      </Typography.Paragraph>
      <Segmented<StatusFilter>
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(value) => {
          setStatus(value);
          setPage(1);
        }}
        options={[
          { label: m.allStatuses, value: 'all' },
          { label: m.statuses.draft, value: 'draft' },
          { label: m.statuses.published, value: 'published' },
        ]}
      />
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<PostItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: true }}
          locale={{ emptyText: m.emptyPosts }}
          columns={[
            {
              title: m.colTitle,
              dataIndex: 'title',
              render: (title: string, post) => (
                <Link to={`/cong-thong-tin/bai-viet/${post.id}`}>{title}</Link>
              ),
            },
            { title: m.colKind, dataIndex: 'kind', render: (kind: PostItem['kind']) => m.kinds[kind] },
            { title: m.colUnit, dataIndex: 'unitName', responsive: ['md'] },
            {
              title: m.colStatus,
              dataIndex: 'status',
              render: (value: PostItem['status']) => (
                <Tag color={value === 'published' ? 'green' : 'default'}>{m.statuses[value]}</Tag>
              ),
            },
            {
              title: m.colPublished,
              dataIndex: 'publishedAt',
              render: (value: string | null) => (value ? <DateTimeText value={value} /> : '—'),
            },
            {
              title: m.colUpdated,
              dataIndex: 'updatedAt',
              responsive: ['lg'],
              render: (value: string) => <DateTimeText value={value} />,
            },
          ]}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: m.postCount,
          }}
        />
      )}
    </div>
  );
}
