/**
 * Configuration of the movement classification. The levels and point thresholds (Xuất sắc, Khá, Trung bình,
 * optionally Yếu): the national defaults for a national user, the province's own for province staff. The 100-point
 * scoring sheets as data: a used version is frozen; a new version (national) or the province's copy is a draft whose
 * items are edited and which is activated once its points add up to 100. The server checks and audits everything.
 */

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { LevelsBody } from '../../../contracts/classification';
import { formatDecimal } from '../../../domain/numbers';
import type { ApiError } from '../../api/client';
import { classificationQueries, type Sheet, saveLevels, sheetAction } from '../../api/recognition';
import { useCurrentUser } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { recognitionMessages } from './messages';
import './recognition.css';

type Level = LevelsBody['levels'][number];

const DEFAULT_WEAK: Level = { code: 'weak', label: 'Yếu', minPoints: 0, enabled: false };

function ItemsModal({ sheet, onClose }: { sheet: Sheet | null; onClose: () => void }) {
  const m = useMessages(recognitionMessages);
  const [form] = Form.useForm();
  const client = useQueryClient();
  const items = Form.useWatch('items', form) as Array<{ maxPoints?: number }> | undefined;
  const total = (items ?? []).reduce((sum, item) => sum + (Number(item?.maxPoints) || 0), 0);
  const mutation = useMutation({
    mutationFn: (values: { items: unknown[] }) => sheetAction(`/${sheet!.id}/items`, values, 'PUT'),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['classification', 'sheets'] });
      onClose();
    },
  });
  const { reset } = mutation;
  useEffect(() => {
    if (!sheet) return;
    form.setFieldsValue({
      items: sheet.items.map(({ code, text, maxPoints }) => ({ code, text, maxPoints })),
    });
    reset();
  }, [sheet, form, reset]);
  return (
    <Modal
      open={sheet !== null}
      width={860}
      title={sheet ? m.itemsTitle(sheet.title, sheet.version) : ''}
      onCancel={onClose}
      okText={m.save}
      cancelText={m.cancel}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      <Form form={form} name="sheet-items" onFinish={(values) => mutation.mutate(values)}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" className="recognition-sheet-item">
                  <Form.Item name={[field.name, 'code']} rules={[{ required: true }]}>
                    <Input
                      aria-label={`${m.itemCode} ${index + 1}`}
                      placeholder={m.itemCode}
                      maxLength={20}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'text']}
                    rules={[{ required: true, min: 3 }]}
                    className="recognition-sheet-item__text"
                  >
                    <Input.TextArea
                      aria-label={`${m.itemText} ${index + 1}`}
                      placeholder={m.itemText}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={1000}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'maxPoints']} rules={[{ required: true }]}>
                    <InputNumber
                      aria-label={`${m.itemMaxPoints} ${index + 1}`}
                      placeholder={m.itemMaxPoints}
                      min={0.5}
                      max={100}
                      step={0.5}
                      decimalSeparator=","
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${m.removeItem} ${index + 1}`}
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ code: '', text: '', maxPoints: 1 })}>
                  {m.addItem}
                </Button>
                <Tag color={total === 100 ? 'green' : 'orange'}>{m.itemsTotal(formatDecimal(total))}</Tag>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function SheetsCard() {
  const m = useMessages(recognitionMessages);
  const user = useCurrentUser();
  const national = user.unit === null;
  const client = useQueryClient();
  const sheets = useQuery(classificationQueries.sheets());
  const [editing, setEditing] = useState<Sheet | null>(null);
  const act = useMutation({
    mutationFn: (input: { path: string; body?: unknown }) => sheetAction(input.path, input.body),
    onSuccess: (next, input) => {
      void client.invalidateQueries({ queryKey: ['classification', 'sheets'] });
      if (input.path.endsWith('/drafts')) setEditing(next);
    },
  });
  const columns: TableColumnsType<Sheet> = [
    { title: m.colTarget, dataIndex: 'targetLabel', key: 'target' },
    { title: m.colSheet, dataIndex: 'title', key: 'title' },
    { title: m.colVersion, dataIndex: 'version', key: 'version', width: 90, align: 'right' },
    {
      title: m.colScope,
      key: 'scope',
      render: (_, sheet) => (sheet.provinceCode ? m.sheetProvince(sheet.provinceCode) : m.sheetNational),
    },
    {
      title: m.colState,
      key: 'status',
      render: (_, sheet) => (
        <Space size={4} wrap>
          <Tag color={sheet.status === 'active' ? 'green' : sheet.status === 'draft' ? 'blue' : 'default'}>
            {m.sheetStates[sheet.status] ?? sheet.status}
          </Tag>
          {sheet.frozen && <Tag>{m.sheetFrozen}</Tag>}
        </Space>
      ),
    },
    {
      title: m.colTotal,
      key: 'total',
      align: 'right',
      render: (_, sheet) => formatDecimal(sheet.totalPoints),
    },
    {
      title: '',
      key: 'actions',
      className: 'recognition-table-actions',
      render: (_, sheet) => {
        const editable = sheet.status === 'draft' && !sheet.frozen;
        const own = sheet.provinceCode !== null || national;
        return (
          <Space size={4} wrap>
            {editable && own && (
              <>
                <Button size="small" onClick={() => setEditing(sheet)}>
                  {m.editItems}
                </Button>
                <Button
                  size="small"
                  type="primary"
                  onClick={() => act.mutate({ path: `/${sheet.id}/activate` })}
                >
                  {m.activate}
                </Button>
              </>
            )}
            {sheet.status === 'active' && own && (
              <Button size="small" onClick={() => act.mutate({ path: `/${sheet.id}/drafts`, body: {} })}>
                {m.newVersion}
              </Button>
            )}
            {sheet.status === 'active' && sheet.provinceCode === null && !national && (
              <Button
                size="small"
                onClick={() => act.mutate({ path: `/${sheet.id}/drafts`, body: { forProvince: true } })}
              >
                {m.provinceCopy}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];
  return (
    <Card title={m.sheetsCard} size="small" className="recognition-card">
      <p className="muted">{m.sheetsIntro}</p>
      {act.isError && <ErrorAlert error={act.error} />}
      {sheets.isError ? (
        <ErrorAlert error={sheets.error} onRetry={() => void sheets.refetch()} />
      ) : (
        <Table<Sheet>
          rowKey="id"
          size="small"
          loading={sheets.isPending}
          columns={columns}
          dataSource={sheets.data?.items ?? []}
          pagination={false}
          scroll={{ x: true }}
        />
      )}
      <ItemsModal sheet={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

export default function LevelsPage() {
  const m = useMessages(recognitionMessages);
  const client = useQueryClient();
  const query = useQuery(classificationQueries.levels());
  const [levels, setLevels] = useState<Level[]>([]);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: LevelsBody) => saveLevels(body),
    onSuccess: (next) => {
      client.setQueryData(classificationQueries.levels().queryKey, next);
      void client.invalidateQueries({ queryKey: ['classification'] });
      setSaved(true);
    },
    onError: (_error: ApiError) => setSaved(false),
  });

  useEffect(() => {
    if (!query.data) return;
    const rows = query.data.levels.map((level) => ({ ...level }));
    if (!rows.some((level) => level.code === 'weak')) rows.push({ ...DEFAULT_WEAK });
    setLevels(rows);
  }, [query.data]);
  useEffect(() => {
    document.title = `${m.levelsTitle} — ANTQ`;
  }, [m]);

  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <PageLoading />;

  const change = (code: string, patch: Partial<Level>) => {
    setSaved(false);
    setLevels((previous) => previous.map((level) => (level.code === code ? { ...level, ...patch } : level)));
  };

  return (
    <div className="page recognition-page">
      <Link to="/phan-loai-phong-trao">← {m.classificationTitle}</Link>
      <header className="page-header">
        <div>
          <h1 className="page-header__title">{m.levelsTitle}</h1>
          <p className="muted page-header__intro">{m.levelsIntro}</p>
        </div>
        <Tag color={query.data.custom ? 'blue' : 'default'}>
          {query.data.custom && query.data.provinceCode
            ? m.levelsProvince(query.data.provinceCode)
            : m.levelsNational}
        </Tag>
      </header>
      {saved && <Alert type="success" showIcon closable message={m.saved} onClose={() => setSaved(false)} />}
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      <Card title={m.levelsCard} size="small" className="recognition-card">
        <Table<Level>
          rowKey="code"
          size="middle"
          pagination={false}
          dataSource={levels}
          columns={[
            {
              title: m.levelEnabled,
              key: 'enabled',
              width: 90,
              render: (_, level) => (
                <Checkbox
                  aria-label={`${m.levelEnabled} ${level.label}`}
                  checked={level.enabled}
                  onChange={(event) => change(level.code, { enabled: event.target.checked })}
                />
              ),
            },
            {
              title: m.levelLabel,
              key: 'label',
              render: (_, level) => (
                <Input
                  aria-label={`${m.levelLabel} ${level.code}`}
                  value={level.label}
                  maxLength={50}
                  className="recognition-level-label"
                  onChange={(event) => change(level.code, { label: event.target.value })}
                />
              ),
            },
            {
              title: m.levelMinPoints,
              key: 'minPoints',
              width: 180,
              render: (_, level) => (
                <InputNumber
                  aria-label={`${m.levelMinPoints} ${level.label}`}
                  min={0}
                  max={100}
                  decimalSeparator=","
                  value={level.minPoints}
                  onChange={(value) => change(level.code, { minPoints: value === null ? 0 : Number(value) })}
                />
              ),
            },
          ]}
        />
        <Space className="recognition-levels-actions">
          <Button
            type="primary"
            loading={mutation.isPending}
            onClick={() =>
              mutation.mutate({
                levels: levels.map((level) => ({ ...level, label: level.label.trim() || level.code })),
              })
            }
          >
            {m.saveLevels}
          </Button>
        </Space>
      </Card>
      <SheetsCard />
    </div>
  );
}
