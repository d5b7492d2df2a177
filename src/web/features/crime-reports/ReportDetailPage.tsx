/**
 * One report: what the reporter wrote (decrypted; opening this page is an audit event), the legal clocks, and
 * every action the law asks for — status with reasons, written notice, extensions, assignment, transfer,
 * duplicates, outcomes — plus messages to the reporter and internal notes.
 */
import { PaperClipOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Switch,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  REPORT_STATUS_LABELS,
  type ReportStatus,
  STATUSES_NEEDING_REASON,
} from '../../../domain/crime-reports';
import { fileUrl, type ReportDetail, reportAction, reportQueries } from '../../api/crimeReports';
import { useCan } from '../../app/auth/session';
import { useT } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { DateTimeText } from '../../components/DateTimeText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errorText';
import { PointMap } from '../../components/map/PointMap';
import { ClockTag } from './ClockTag';

function useAction(id: number) {
  const client = useQueryClient();
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: ({ action, body }: { action: string; body: unknown }) => reportAction(id, action, body),
    onSuccess: (detail) => {
      setError(null);
      client.setQueryData(reportQueries.detail(id).queryKey, detail);
      void client.invalidateQueries({ queryKey: ['reports', 'list'] });
      void client.invalidateQueries({ queryKey: ['reports', 'summary'] });
    },
    onError: (caught) => setError(errorText(t, caught)),
  });
  return {
    run: (action: string, body: unknown) =>
      mutation.mutateAsync({ action, body }).then(
        () => true,
        () => false,
      ),
    pending: mutation.isPending,
    error,
  };
}

const iso = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

function StatusForm({
  report,
  run,
}: {
  report: ReportDetail;
  run: (action: string, body: unknown) => Promise<boolean>;
}) {
  const [form] = Form.useForm();
  const status = Form.useWatch('status', form) as ReportStatus | undefined;
  if (report.allowedStatuses.length === 0)
    return <Typography.Text type="secondary">Tin báo đã có kết quả cuối cùng.</Typography.Text>;
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={async (values: { status: ReportStatus; reason?: string; decidedOn?: Dayjs }) => {
        if (
          await run('status', {
            status: values.status,
            reason: values.reason,
            decidedOn: iso(values.decidedOn),
          })
        )
          form.resetFields();
      }}
    >
      <Form.Item name="status" label="Chuyển sang" rules={[{ required: true, message: 'Chọn trạng thái' }]}>
        <Select
          options={report.allowedStatuses.map((value) => ({ value, label: REPORT_STATUS_LABELS[value] }))}
        />
      </Form.Item>
      {status && ['case_opened', 'case_not_opened', 'suspended'].includes(status) && (
        <Form.Item name="decidedOn" label="Ngày quyết định">
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label="Lý do, căn cứ"
        rules={[
          {
            required: status ? STATUSES_NEEDING_REASON.includes(status) : false,
            message: 'Hãy ghi rõ lý do',
          },
        ]}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        Cập nhật trạng thái
      </Button>
    </Form>
  );
}

function Actions({
  report,
  run,
}: {
  report: ReportDetail;
  run: (action: string, body: unknown) => Promise<boolean>;
}) {
  const assignees = useQuery(reportQueries.assignees(report.id));
  const [notice, setNotice] = useState<Dayjs | null>(dayjs());
  const [extension, setExtension] = useState<{ until: Dayjs | null; reason: string }>({
    until: null,
    reason: '',
  });
  const [transfer, setTransfer] = useState<{
    to: 'commune' | 'province';
    communeCode: string;
    reason: string;
  }>({ to: 'commune', communeCode: '', reason: '' });
  const [duplicate, setDuplicate] = useState({ code: '', reason: '' });
  return (
    <Tabs
      size="small"
      items={[
        { key: 'status', label: 'Trạng thái', children: <StatusForm report={report} run={run} /> },
        {
          key: 'deadlines',
          label: 'Thời hạn',
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>
                Thông báo bằng văn bản cho Viện kiểm sát và người tố giác
              </Typography.Text>
              {report.noticeSentOn ? (
                <Typography.Text>
                  Đã gửi ngày <DateText value={report.noticeSentOn} />
                </Typography.Text>
              ) : (
                <Space wrap>
                  <DatePicker format="DD/MM/YYYY" value={notice} onChange={setNotice} />
                  <Button onClick={() => void run('notice', { sentOn: iso(notice) })}>Ghi nhận đã gửi</Button>
                </Space>
              )}
              <Typography.Text strong>Gia hạn giải quyết</Typography.Text>
              {report.firstExtension && (
                <Typography.Text>
                  Lần 1 đến <DateText value={report.firstExtension.until} />: {report.firstExtension.reason}
                </Typography.Text>
              )}
              {report.secondExtension && (
                <Typography.Text>
                  Lần 2 đến <DateText value={report.secondExtension.until} />: {report.secondExtension.reason}
                </Typography.Text>
              )}
              {!report.secondExtension && (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <DatePicker
                    format="DD/MM/YYYY"
                    placeholder="Hạn mới"
                    value={extension.until}
                    onChange={(until) => setExtension({ ...extension, until })}
                  />
                  <Input.TextArea
                    rows={2}
                    placeholder="Lý do gia hạn"
                    value={extension.reason}
                    onChange={(event) => setExtension({ ...extension, reason: event.target.value })}
                  />
                  <Button
                    onClick={() =>
                      void run('extensions', { until: iso(extension.until), reason: extension.reason })
                    }
                  >
                    Gia hạn lần {report.firstExtension ? 2 : 1}
                  </Button>
                </Space>
              )}
            </Space>
          ),
        },
        {
          key: 'assign',
          label: 'Giao việc',
          children: (
            <Select
              style={{ width: '100%' }}
              allowClear
              placeholder="Chọn cán bộ thụ lý"
              loading={assignees.isLoading}
              value={report.assignee?.id}
              onChange={(value: number | undefined) => void run('assign', { assigneeId: value ?? null })}
              options={(assignees.data ?? []).map((assignee) => ({
                value: assignee.id,
                label: `${assignee.fullName} — ${assignee.unitName}`,
              }))}
            />
          ),
        },
        {
          key: 'transfer',
          label: 'Chuyển',
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Select
                value={transfer.to}
                onChange={(to) => setTransfer({ ...transfer, to })}
                options={[
                  { value: 'commune', label: 'Sang xã, phường khác' },
                  { value: 'province', label: 'Lên Công an tỉnh' },
                ]}
              />
              {transfer.to === 'commune' && (
                <Input
                  placeholder="Mã xã, phường nhận (5 chữ số)"
                  value={transfer.communeCode}
                  onChange={(event) => setTransfer({ ...transfer, communeCode: event.target.value.trim() })}
                />
              )}
              <Input.TextArea
                rows={2}
                placeholder="Lý do chuyển"
                value={transfer.reason}
                onChange={(event) => setTransfer({ ...transfer, reason: event.target.value })}
              />
              <Button
                danger
                onClick={() =>
                  void run('transfer', {
                    to: transfer.to,
                    reason: transfer.reason,
                    ...(transfer.to === 'commune' ? { communeCode: transfer.communeCode } : {}),
                  })
                }
              >
                Chuyển tin báo
              </Button>
            </Space>
          ),
        },
        {
          key: 'duplicate',
          label: 'Trùng',
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input
                placeholder="Mã theo dõi của tin báo gốc"
                value={duplicate.code}
                onChange={(event) => setDuplicate({ ...duplicate, code: event.target.value })}
              />
              <Input.TextArea
                rows={2}
                placeholder="Ghi chú (không bắt buộc)"
                value={duplicate.reason}
                onChange={(event) => setDuplicate({ ...duplicate, reason: event.target.value })}
              />
              <Button
                onClick={() =>
                  void run('duplicate', {
                    duplicateOfCode: duplicate.code,
                    ...(duplicate.reason.trim() ? { reason: duplicate.reason } : {}),
                  })
                }
              >
                Đánh dấu trùng và đóng
              </Button>
            </Space>
          ),
        },
        {
          key: 'outcome',
          label: 'Kết quả',
          children: (
            <Form
              layout="vertical"
              initialValues={{
                valuable: report.valuable,
                casesSolved: report.casesSolved,
                personsArrested: report.personsArrested,
                propertyRecoveredVnd: report.propertyRecoveredVnd,
              }}
              onFinish={(values) => void run('outcome', values)}
            >
              <Form.Item name="valuable" label="Tin có giá trị" valuePropName="checked">
                <Switch />
              </Form.Item>
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item name="casesSolved" label="Số vụ làm rõ">
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="personsArrested" label="Số người bị bắt">
                    <InputNumber min={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="propertyRecoveredVnd" label="Tài sản thu hồi (đồng)">
                <InputNumber<number>
                  min={0}
                  style={{ width: '100%' }}
                  formatter={(value) => Number(value ?? 0).toLocaleString('vi-VN')}
                  parser={(value) => Number((value ?? '').replace(/\D/g, ''))}
                />
              </Form.Item>
              <Button htmlType="submit">Lưu kết quả</Button>
            </Form>
          ),
        },
      ]}
    />
  );
}

function Conversation({
  report,
  run,
}: {
  report: ReportDetail;
  run: (action: string, body: unknown) => Promise<boolean>;
}) {
  const [message, setMessage] = useState('');
  const [note, setNote] = useState('');
  return (
    <Tabs
      items={[
        {
          key: 'messages',
          label: `Trao đổi với người gửi (${report.messages.length})`,
          children: (
            <>
              <List
                dataSource={report.messages}
                locale={{ emptyText: 'Chưa có tin nhắn' }}
                renderItem={(item) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Space>
                          <Tag color={item.from === 'officer' ? 'red' : 'blue'}>
                            {item.from === 'officer' ? (item.authorName ?? 'Cán bộ') : 'Người gửi'}
                          </Tag>
                          <DateTimeText value={item.at} />
                        </Space>
                      }
                      description={
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                          {item.body}
                        </Typography.Paragraph>
                      }
                    />
                  </List.Item>
                )}
              />
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 8 }}
                title="Người gửi thấy nội dung tin nhắn, không thấy tên cán bộ."
              />
              <Input.TextArea
                rows={3}
                value={message}
                maxLength={4000}
                onChange={(event) => setMessage(event.target.value)}
                placeholder="Tin nhắn cho người gửi"
              />
              <Button
                type="primary"
                style={{ marginTop: 8 }}
                disabled={!message.trim()}
                onClick={async () => {
                  if (await run('messages', { body: message })) setMessage('');
                }}
              >
                Gửi cho người gửi tin
              </Button>
            </>
          ),
        },
        {
          key: 'notes',
          label: `Ghi chú nội bộ (${report.notes.length})`,
          children: (
            <>
              <List
                dataSource={report.notes}
                locale={{ emptyText: 'Chưa có ghi chú' }}
                renderItem={(item) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Space>
                          {item.authorName}
                          <DateTimeText value={item.at} />
                        </Space>
                      }
                      description={
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                          {item.body}
                        </Typography.Paragraph>
                      }
                    />
                  </List.Item>
                )}
              />
              <Input.TextArea
                rows={2}
                value={note}
                maxLength={4000}
                onChange={(event) => setNote(event.target.value)}
                placeholder="Ghi chú chỉ cán bộ xem"
              />
              <Button
                style={{ marginTop: 8 }}
                disabled={!note.trim()}
                onClick={async () => {
                  if (await run('notes', { body: note })) setNote('');
                }}
              >
                Thêm ghi chú
              </Button>
            </>
          ),
        },
        {
          key: 'history',
          label: 'Diễn biến',
          children: (
            <Timeline
              items={report.events.map((event) => ({
                children: (
                  <>
                    <Typography.Text strong>{event.label}</Typography.Text> —{' '}
                    <DateTimeText value={event.at} />
                    {event.actorName && (
                      <Typography.Text type="secondary"> · {event.actorName}</Typography.Text>
                    )}
                    {event.detail && <div>{event.detail}</div>}
                  </>
                ),
              }))}
            />
          ),
        },
      ]}
    />
  );
}

export default function ReportDetailPage() {
  const id = Number(useParams().id);
  const query = useQuery(reportQueries.detail(id));
  const { run, error } = useAction(id);
  const can = useCan();
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const report = query.data;
  if (!report) return <Card loading />;
  const contact = report.contact;
  return (
    <div className="page">
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <Link to="/to-giac">← Hộp tin báo</Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Tin báo {report.code}
        </Typography.Title>
        <Tag color="red">{report.statusLabel}</Tag>
        {report.valuable && <Tag color="gold">Có giá trị</Tag>}
        <ClockTag label="Thông báo 3 ngày làm việc" clock={report.noticeClock} />
        <ClockTag label="Giải quyết" clock={report.decisionClock} />
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="Nội dung tin báo" size="small">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="Loại">{report.categoryLabel}</Descriptions.Item>
              <Descriptions.Item label="Tiếp nhận">
                <DateTimeText value={report.receivedAt} /> · Cổng thông tin điện tử · Số{' '}
                {report.registerNumber} sổ tiếp nhận {report.intakeUnit.fullName}
              </Descriptions.Item>
              <Descriptions.Item label="Đang ở">{report.unit.fullName}</Descriptions.Item>
              <Descriptions.Item label="Thời điểm xảy ra">
                {report.occurredAt
                  ? `${report.occurredAt.slice(11) ? `${report.occurredAt.slice(11)} ` : ''}${report.occurredAt.slice(8, 10)}/${report.occurredAt.slice(5, 7)}/${report.occurredAt.slice(0, 4)}`
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="Địa điểm">
                {report.place ?? '—'}
                {report.location && (
                  <div style={{ marginTop: 8 }} data-testid="report-location">
                    <Typography.Text type="secondary">
                      Điểm người gửi chọn trên bản đồ:{' '}
                      {report.location.lat.toLocaleString('vi-VN', { maximumFractionDigits: 5 })},{' '}
                      {report.location.lng.toLocaleString('vi-VN', { maximumFractionDigits: 5 })}
                    </Typography.Text>
                    <div style={{ maxWidth: 420, marginTop: 4, border: '1px solid #f0f0f0' }}>
                      <PointMap
                        provinceCode={report.provinceCode}
                        communeCode={report.intakeUnit.code}
                        point={report.location}
                        ariaLabel="Vị trí người gửi chọn trên bản đồ xã, phường"
                      />
                    </div>
                  </div>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="Sự việc">
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {report.description}
                </Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label="Người, phương tiện liên quan">
                {report.involved ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label="Người gửi">
                {contact
                  ? `${[contact.name, contact.phone, contact.email].filter(Boolean).join(' · ')}${report.consentContact ? ' (đồng ý được liên hệ lại)' : ''}`
                  : 'Ẩn danh'}
              </Descriptions.Item>
              {report.statusReason && (
                <Descriptions.Item label="Lý do trạng thái">{report.statusReason}</Descriptions.Item>
              )}
              {report.duplicateOf && (
                <Descriptions.Item label="Trùng với">
                  <Link to={`/to-giac/${report.duplicateOf.id}`}>{report.duplicateOf.code}</Link>
                </Descriptions.Item>
              )}
              {report.duplicates.length > 0 && (
                <Descriptions.Item label="Tin trùng đã gộp">
                  <Space wrap>
                    {report.duplicates.map((item) => (
                      <Link key={item.id} to={`/to-giac/${item.id}`}>
                        {item.code}
                      </Link>
                    ))}
                  </Space>
                </Descriptions.Item>
              )}
              <Descriptions.Item label="Tệp đính kèm">
                {report.files.length === 0 ? (
                  '—'
                ) : (
                  <Space direction="vertical" size={4}>
                    <Space wrap>
                      {report.files.map((file) => (
                        <a key={file.id} href={fileUrl(report.id, file.id)} target="_blank" rel="noreferrer">
                          {file.contentType.startsWith('video/') ? (
                            <VideoCameraOutlined />
                          ) : (
                            <PaperClipOutlined />
                          )}{' '}
                          {file.name}
                        </a>
                      ))}
                    </Space>
                    {report.files.some((file) => !file.contentType.startsWith('image/')) && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        Video đã được xóa siêu dữ liệu trong tệp (vị trí, thiết bị, thời điểm quay) nhưng hình
                        ảnh, âm thanh giữ nguyên; tài liệu PDF, Word lưu như người gửi gửi lên và có thể có
                        tên tác giả. Giữ bí mật người tố giác (Điều 486 Bộ luật Tố tụng hình sự) khi sử dụng,
                        chuyển giao.
                      </Typography.Text>
                    )}
                  </Space>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="Kết quả">
                {report.casesSolved} vụ làm rõ · {report.personsArrested} người bị bắt ·{' '}
                {report.propertyRecoveredVnd.toLocaleString('vi-VN')} đồng thu hồi
                {report.decidedOn && (
                  <>
                    {' '}
                    · quyết định ngày <DateText value={report.decidedOn} />
                  </>
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" style={{ marginTop: 16 }}>
            <Conversation report={report} run={run} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {can('crime_reports.work') && (
            <Card title="Xử lý" size="small">
              <Actions report={report} run={run} />
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
