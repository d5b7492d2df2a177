/**
 * Movement classification of a year below a unit: the units' sheets (total, proposed and approved level, deadline)
 * and one sheet opened beside the list for scoring item by item or approving.
 */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateVi } from '../../../domain/dates';
import { formatDecimal } from '../../../domain/numbers';
import { type Attachment, removeAttachment, uploadAttachment } from '../../api/attachments';
import { type ApiError, apiSend } from '../../api/client';
import {
  type ClassificationDetail,
  type ClassificationItem,
  classificationAction,
  classificationQueries,
  recognitionQueries,
  type UnitStatusItem,
} from '../../api/recognition';
import { useCan } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitPicker } from '../../components/UnitPicker';
import { recognitionMessages } from './messages';
import { useYearAndUnit, YEARS } from './RecognitionPage';
import { STATE_COLORS } from './status';
import './recognition.css';

function SheetDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const m = useMessages(recognitionMessages);
  const client = useQueryClient();
  const query = useQuery({ ...classificationQueries.record(id ?? 0), enabled: id !== null });
  const record = query.data;
  const [points, setPoints] = useState<Record<number, number | null>>({});
  const [evidence, setEvidence] = useState<Record<number, string>>({});
  const [files, setFiles] = useState<Record<number, Attachment | null>>({});
  const [uploading, setUploading] = useState<number | null>(null);
  const [fileError, setFileError] = useState<ApiError | null>(null);
  const [comment, setComment] = useState('');
  const [level, setLevel] = useState<string | undefined>();
  useEffect(() => {
    if (!record) return;
    setPoints(Object.fromEntries(record.scores.map((score) => [score.itemId, score.points])));
    setEvidence(Object.fromEntries(record.scores.map((score) => [score.itemId, score.evidence ?? ''])));
    setFiles(Object.fromEntries(record.scores.map((score) => [score.itemId, score.attachment])));
    setLevel(record.approvedLevel ?? record.proposedLevel ?? undefined);
  }, [record]);
  const act = useMutation({
    mutationFn: (input: { action: string; body?: unknown; method?: 'POST' | 'PUT' }) =>
      classificationAction(id!, input.action, input.body, input.method ?? 'POST'),
    onSuccess: (next: ClassificationDetail) => {
      client.setQueryData(classificationQueries.record(next.id).queryKey, next);
      void client.invalidateQueries({ queryKey: ['classification', 'records'] });
    },
  });
  const columns: TableColumnsType<ClassificationDetail['sheet']['items'][number]> = [
    { title: m.criterionCode, dataIndex: 'code', width: 50 },
    {
      title: m.criterionText,
      key: 'text',
      render: (_, item) => (
        <div>
          {item.text}
          {record?.can.edit ? (
            <Input
              size="small"
              placeholder={m.evidence}
              aria-label={`${m.evidence} mục ${item.code}`}
              value={evidence[item.id] ?? ''}
              onChange={(event) =>
                setEvidence((previous) => ({ ...previous, [item.id]: event.target.value }))
              }
            />
          ) : (
            evidence[item.id] && <div className="muted">{evidence[item.id]}</div>
          )}
          <Space size={4} wrap className="recognition-item-file">
            {files[item.id] && (
              <Tag
                icon={<PaperClipOutlined />}
                closable={record?.can.edit}
                onClose={(event) => {
                  event.preventDefault();
                  const file = files[item.id]!;
                  removeAttachment(file.id).then(
                    () => setFiles((previous) => ({ ...previous, [item.id]: null })),
                    (error: ApiError) => setFileError(error),
                  );
                }}
              >
                <a href={files[item.id]!.url} download aria-label={m.downloadFile(files[item.id]!.fileName)}>
                  {files[item.id]!.fileName}
                </a>
              </Tag>
            )}
            {record?.can.edit && (
              <Upload
                accept=".jpg,.jpeg,.png,.webp,.pdf,.doc,.docx,.xls,.xlsx"
                showUploadList={false}
                customRequest={({ file }) => {
                  setUploading(item.id);
                  setFileError(null);
                  uploadAttachment('classification_record', record.id, file as File).then(
                    (created) => {
                      setUploading(null);
                      setFiles((previous) => ({ ...previous, [item.id]: created }));
                    },
                    (error: ApiError) => {
                      setUploading(null);
                      setFileError(error);
                    },
                  );
                }}
              >
                <Button
                  size="small"
                  type="link"
                  icon={<UploadOutlined />}
                  loading={uploading === item.id}
                  aria-label={`${m.uploadEvidence} mục ${item.code}`}
                >
                  {m.uploadEvidence}
                </Button>
              </Upload>
            )}
          </Space>
        </div>
      ),
    },
    {
      title: m.maxPoints,
      key: 'max',
      width: 90,
      align: 'right',
      render: (_, item) => formatDecimal(item.maxPoints),
    },
    {
      title: m.points,
      key: 'points',
      width: 120,
      align: 'right',
      render: (_, item) =>
        record?.can.edit ? (
          <InputNumber
            className="recognition-points"
            min={0}
            max={item.maxPoints}
            step={0.5}
            decimalSeparator=","
            aria-label={`${m.points} mục ${item.code}`}
            value={points[item.id] ?? null}
            onChange={(value) =>
              setPoints((previous) => ({ ...previous, [item.id]: value === null ? null : Number(value) }))
            }
          />
        ) : (
          formatDecimal(points[item.id] ?? 0)
        ),
    },
  ];
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={820}
      title={record ? `${record.unit.fullName} — ${record.year}` : ''}
    >
      {query.isError && <ErrorAlert error={query.error} />}
      {act.isError && <ErrorAlert error={act.error} />}
      {fileError && <ErrorAlert error={fileError} />}
      {record && (
        <>
          <Space wrap>
            <Tag color={STATE_COLORS[record.status]}>{m.classificationStates[record.status]}</Tag>
            <span>
              {m.totalPoints}: <strong>{formatDecimal(record.totalPoints)}</strong>/100
            </span>
            {record.levelLabel && (
              <span>
                {record.approvedLevel ? m.approvedLevel : m.proposedLevel}:{' '}
                <strong>{record.levelLabel}</strong>
              </span>
            )}
            <span className="muted">
              {m.deadline}: {formatDateVi(record.deadline)}
            </span>
          </Space>
          {record.reviewComment && <Alert type="warning" showIcon message={record.reviewComment} />}
          <p className="muted">
            {record.sheet.title} · {record.sheet.legalBasis}
          </p>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={record.sheet.items}
          />
          {record.can.edit && (
            <Space wrap className="recognition-card">
              <Button
                onClick={() =>
                  act.mutate({
                    action: 'scores',
                    method: 'PUT',
                    body: {
                      scores: record.sheet.items
                        .filter((item) => points[item.id] !== null && points[item.id] !== undefined)
                        .map((item) => ({
                          itemId: item.id,
                          points: points[item.id],
                          evidence: evidence[item.id] || null,
                          attachmentId: files[item.id]?.id ?? null,
                        })),
                    },
                  })
                }
              >
                {m.saveScores}
              </Button>
              <Button type="primary" onClick={() => act.mutate({ action: 'submit' })}>
                {m.submit}
              </Button>
            </Space>
          )}
          {record.can.review && (
            <Space direction="vertical" className="recognition-card" style={{ width: '100%' }}>
              <Space wrap>
                <span>{m.level}</span>
                <Select
                  style={{ width: 180 }}
                  value={level}
                  onChange={setLevel}
                  aria-label={m.level}
                  options={record.levels
                    .filter((entry) => entry.enabled)
                    .map((entry) => ({ value: entry.code, label: entry.label }))}
                />
                <Button type="primary" onClick={() => act.mutate({ action: 'approve', body: { level } })}>
                  {m.approve}
                </Button>
              </Space>
              <Input.TextArea
                placeholder={m.generalComment}
                value={comment}
                onChange={(event) => setComment(event.target.value)}
              />
              <Button
                danger
                disabled={comment.trim().length < 3}
                onClick={() => act.mutate({ action: 'return', body: { comment } })}
              >
                {m.returnRecord}
              </Button>
            </Space>
          )}
          {record.can.reopen && (
            <Form
              layout="inline"
              className="recognition-card"
              onFinish={(values) => act.mutate({ action: 'reopen', body: values })}
            >
              <Form.Item name="reason" rules={[{ required: true, min: 10 }]}>
                <Input placeholder={m.reopenReason} style={{ width: 360 }} />
              </Form.Item>
              <Button htmlType="submit">{m.reopen}</Button>
            </Form>
          )}
        </>
      )}
    </Drawer>
  );
}

export default function ClassificationPage() {
  const m = useMessages(recognitionMessages);
  const can = useCan();
  const { params, year, unit, update, user } = useYearAndUnit();
  const opened = Number(params.get('phieu')) || null;
  const records = useQuery(classificationQueries.records({ year, unit, pageSize: 500 }));
  const candidates = useQuery({
    ...recognitionQueries.units({ year, unit, pageSize: 500 }),
    enabled: can('classification.self_assess'),
  });
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (unitId: number) =>
      apiSend<ClassificationDetail>('POST', '/api/classification/records', { unitId, year }),
    onSuccess: (record) => {
      void client.invalidateQueries({ queryKey: ['classification', 'records'] });
      update({ phieu: String(record.id) });
    },
  });
  const [newUnit, setNewUnit] = useState<number | undefined>();
  useEffect(() => {
    document.title = `${m.classificationTitle} — ANTQ`;
  }, [m]);
  const taken = new Set((records.data?.items ?? []).map((item) => item.unit.id));
  const columns: TableColumnsType<ClassificationItem> = [
    {
      title: m.colUnit,
      key: 'unit',
      render: (_, row) => (
        <div>
          <Button type="link" className="recognition-link" onClick={() => update({ phieu: String(row.id) })}>
            {row.unit.fullName}
          </Button>
          {row.unit.parentName && <div className="muted">{row.unit.parentName}</div>}
        </div>
      ),
    },
    {
      title: m.colState,
      key: 'state',
      render: (_, row) => <Tag color={STATE_COLORS[row.status]}>{m.classificationStates[row.status]}</Tag>,
    },
    {
      title: m.totalPoints,
      key: 'total',
      align: 'right',
      render: (_, row) => formatDecimal(row.totalPoints),
    },
    { title: m.level, key: 'level', render: (_, row) => row.levelLabel ?? '' },
    {
      title: m.deadline,
      key: 'deadline',
      render: (_, row) =>
        row.overdue ? <Tag color="red">{formatDateVi(row.deadline)}</Tag> : formatDateVi(row.deadline),
    },
  ];
  return (
    <div className="page classification-page">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">{m.classificationTitle}</h1>
          <p className="muted page-header__intro">{m.classificationIntro}</p>
        </div>
        {can('classification.configure') && (
          <Link to="/phan-loai-phong-trao/muc-xep-loai">
            <Button>{m.levelsTitle}</Button>
          </Link>
        )}
      </header>
      <Space wrap className="recognition-filters">
        <Select
          aria-label={m.year}
          value={year}
          onChange={(value) => update({ nam: String(value) })}
          options={YEARS.map((value) => ({ value, label: `${m.year} ${value}` }))}
          style={{ width: 130 }}
        />
        <div className="recognition-filters__unit">
          <UnitPicker
            value={unit ?? null}
            allowNational={user.unit === null}
            initial={user.unit}
            onChange={(value) => update({ 'don-vi': value === null ? undefined : String(value) })}
          />
        </div>
        {can('classification.self_assess') && (
          <Space.Compact>
            <Select<number>
              aria-label={m.createSheet}
              placeholder={m.createSheet}
              style={{ width: 280 }}
              value={newUnit}
              onChange={setNewUnit}
              showSearch={{ optionFilterProp: 'label' }}
              options={(candidates.data?.items ?? [])
                .filter((item: UnitStatusItem) => !taken.has(item.unit.id))
                .map((item: UnitStatusItem) => ({ value: item.unit.id, label: item.unit.fullName }))}
            />
            <Button type="primary" disabled={!newUnit} onClick={() => newUnit && create.mutate(newUnit)}>
              {m.createSheet}
            </Button>
          </Space.Compact>
        )}
      </Space>
      {create.isError && <ErrorAlert error={create.error} />}
      {records.isError ? (
        <ErrorAlert error={records.error} onRetry={() => void records.refetch()} />
      ) : (
        <Table<ClassificationItem>
          rowKey="id"
          size="middle"
          loading={records.isPending}
          columns={columns}
          dataSource={records.data?.items ?? []}
          locale={{ emptyText: m.nothing }}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          scroll={{ x: true }}
        />
      )}
      <SheetDrawer id={opened} onClose={() => update({ phieu: undefined })} />
    </div>
  );
}
