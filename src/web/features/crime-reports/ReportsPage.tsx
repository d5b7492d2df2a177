/** The inbox: reports of the officer's area, nearest deadline first, with overdue / due-soon / mine views. */
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Badge,
  Button,
  DatePicker,
  Input,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { REPORT_STATUS_LABELS, REPORT_STATUSES } from '../../../domain/crime-reports';
import { type ReportFilter, type ReportItem, registerUrl, reportQueries } from '../../api/crimeReports';
import { useCan } from '../../app/auth/session';
import { DateTimeText } from '../../components/DateTimeText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ClockTag } from './ClockTag';

type View = 'open' | 'overdue' | 'due_soon' | 'mine' | 'all';
const VIEWS: readonly string[] = ['open', 'overdue', 'due_soon', 'mine', 'all'];

const STATUS_COLORS: Record<string, string> = {
  received: 'blue',
  verifying: 'geekblue',
  transferred: 'purple',
  case_opened: 'green',
  case_not_opened: 'default',
  suspended: 'orange',
  closed_duplicate: 'default',
  closed_unfounded: 'default',
};

export default function ReportsPage() {
  // The dashboard's overdue panel links here with ?xem=overdue or ?xem=due_soon.
  const [params] = useSearchParams();
  const [view, setView] = useState<View>(() => {
    const asked = params.get('xem') ?? '';
    return VIEWS.includes(asked) ? (asked as View) : 'open';
  });
  const [status, setStatus] = useState<string | undefined>();
  const [code, setCode] = useState('');
  const [page, setPage] = useState(1);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const can = useCan();
  const filter: ReportFilter = {
    page,
    pageSize: 20,
    ...(view === 'open' ? { open: true } : {}),
    ...(view === 'overdue' || view === 'due_soon' ? { clock: view } : {}),
    ...(view === 'mine' ? { assigned: 'me' as const } : {}),
    ...(status ? { status } : {}),
    ...(code.trim() ? { code: code.trim() } : {}),
  };
  const list = useQuery(reportQueries.list(filter));
  const summary = useQuery(reportQueries.summary());
  const columns = [
    {
      title: 'Mã',
      dataIndex: 'code',
      render: (value: string, item: ReportItem) => (
        <Space size={4}>
          <Link to={`/to-giac/${item.id}`}>{value}</Link>
          {item.unreadFromReporter && <Badge status="processing" title="Người gửi vừa nhắn" />}
        </Space>
      ),
    },
    { title: 'Loại', dataIndex: 'categoryLabel' },
    {
      title: 'Địa bàn',
      render: (_: unknown, item: ReportItem) => item.unit.fullName,
      responsive: ['md' as const],
    },
    {
      title: 'Tiếp nhận',
      dataIndex: 'receivedAt',
      render: (value: string) => <DateTimeText value={value} />,
    },
    {
      title: 'Trạng thái',
      render: (_: unknown, item: ReportItem) => (
        <Space size={2} wrap>
          <Tag color={STATUS_COLORS[item.status]}>{item.statusLabel}</Tag>
          {item.valuable && <Tag color="gold">Có giá trị</Tag>}
        </Space>
      ),
    },
    {
      title: 'Thời hạn',
      render: (_: unknown, item: ReportItem) => (
        <Space size={2} wrap>
          <ClockTag label="Thông báo" clock={item.noticeClock} />
          <ClockTag label="Giải quyết" clock={item.decisionClock} />
        </Space>
      ),
    },
    {
      title: 'Thụ lý',
      render: (_: unknown, item: ReportItem) => item.assignee?.fullName ?? '—',
      responsive: ['lg' as const],
    },
  ];
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  return (
    <div className="page">
      <Typography.Title level={3}>Tin báo, tố giác tội phạm</Typography.Title>
      {summary.data && (
        <Space size="large" wrap style={{ marginBottom: 16 }}>
          <Statistic title="Đang giải quyết" value={summary.data.open} />
          <Statistic
            title="Quá hạn"
            value={summary.data.overdue}
            valueStyle={{ color: summary.data.overdue ? '#cf1322' : undefined }}
          />
          <Statistic
            title="Sắp đến hạn"
            value={summary.data.dueSoon}
            valueStyle={{ color: summary.data.dueSoon ? '#d46b08' : undefined }}
          />
          <Statistic title="Tin có giá trị" value={summary.data.valuable} />
          <Statistic title="Tổng số" value={summary.data.total} />
        </Space>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<View>
          value={view}
          onChange={(value) => {
            setView(value);
            setPage(1);
          }}
          options={[
            { label: 'Đang giải quyết', value: 'open' },
            { label: 'Quá hạn', value: 'overdue' },
            { label: 'Sắp đến hạn', value: 'due_soon' },
            { label: 'Tôi thụ lý', value: 'mine' },
            { label: 'Tất cả', value: 'all' },
          ]}
        />
        <Select
          allowClear
          placeholder="Trạng thái"
          style={{ minWidth: 220 }}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={REPORT_STATUSES.map((value) => ({ value, label: REPORT_STATUS_LABELS[value] }))}
        />
        <Input.Search
          placeholder="Mã theo dõi"
          allowClear
          style={{ width: 180 }}
          onSearch={(value) => {
            setCode(value);
            setPage(1);
          }}
        />
      </Space>
      {can('crime_reports.read') && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>Sổ tiếp nhận:</Typography.Text>
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            value={range}
            allowClear={false}
            onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
          />
          <Button icon={<DownloadOutlined />} href={registerUrl(from, to, 'xlsx')}>
            Excel
          </Button>
          <Button icon={<DownloadOutlined />} href={registerUrl(from, to, 'docx')}>
            Word
          </Button>
        </Space>
      )}
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ReportItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: true }}
          locale={{ emptyText: 'Không có tin báo nào' }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (total) => `${total.toLocaleString('vi-VN')} tin báo`,
          }}
        />
      )}
    </div>
  );
}
