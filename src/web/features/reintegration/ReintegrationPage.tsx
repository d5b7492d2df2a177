/**
 * Reintegration files of the user's area: the year's figures (under management, reintegrated, with a job, opened and
 * ended), the list (active, ended, all; search by name), and a new file. A Front officer sees only the files they
 * help with. The tab, search and page live in the address.
 */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  InputNumber,
  Segmented,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { CreateCaseBody } from '../../../contracts/reintegration';
import { todayInVietnam } from '../../../domain/dates';
import { formatInteger } from '../../../domain/numbers';
import { type CaseItem, createCase, reintegrationQueries } from '../../api/reintegration';
import { useCan, useCurrentUser } from '../../app/auth/session';
import { useMessages, useT } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { UnitPicker } from '../../components/UnitPicker';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { reintegrationMessages } from './messages';
import { StatusTag } from './StatusTag';
import './reintegration.css';

const PAGE_SIZE = 20;
const STATES = { active: 'dang-quan-ly', ended: 'da-ket-thuc', all: 'tat-ca' } as const;
type State = keyof typeof STATES;

function SummaryPanel() {
  const m = useMessages(reintegrationMessages);
  const today = todayInVietnam();
  const summary = useQuery(reintegrationQueries.summary({ from: `${today.slice(0, 4)}-01-01`, asOf: today }));
  if (summary.isError) return <ErrorAlert error={summary.error} onRetry={() => summary.refetch()} />;
  const total = summary.data?.total ?? {};
  const value = (key: string) => total[key] ?? 0;
  const items = [
    { key: 'managed', title: m.managed, value: formatInteger(value('reintegration_cases')) },
    { key: 'helped', title: m.beingHelped, value: formatInteger(value('reintegration_cases:being_helped')) },
    {
      key: 'reintegrated',
      title: m.reintegrated,
      value: formatInteger(value('reintegration_cases:reintegrated')),
      suffix: m.share(value('reintegration_share_reintegrated')),
    },
    {
      key: 'job',
      title: m.withJob,
      value: formatInteger(value('reintegration_with_job')),
      suffix: m.share(value('reintegration_share_with_job')),
    },
    { key: 'opened', title: m.opened, value: formatInteger(value('reintegration_opened')) },
    { key: 'ended', title: m.ended, value: formatInteger(value('reintegration_ended')) },
  ];
  return (
    <Card
      size="small"
      title={m.summaryTitle(today.slice(0, 4))}
      loading={summary.isPending}
      className="reint-summary"
    >
      <div className="reint-summary__grid">
        {items.map((item) => (
          <div key={item.key} data-testid={`summary-${item.key}`}>
            <Statistic
              title={item.title}
              value={item.value}
              suffix={item.suffix ? <span className="reint-summary__share">· {item.suffix}</span> : undefined}
            />
          </div>
        ))}
      </div>
    </Card>
  );
}

interface Values {
  unitId: number;
  fullName: string;
  birthYear: number;
  residenceAddress?: string;
  idNumber?: string;
  releasedOn: string;
  releasingFacility?: string;
  sentenceSummary?: string;
  notes?: string;
}
const SERVER_FIELDS = [
  'unitId',
  'fullName',
  'birthYear',
  'residenceAddress',
  'idNumber',
  'releasedOn',
  'releasingFacility',
  'sentenceSummary',
  'notes',
];

function CreateCaseDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const m = useMessages(reintegrationMessages);
  const user = useCurrentUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string>();
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body: CreateCaseBody = {
        unitId: values.unitId,
        fullName: values.fullName,
        birthYear: values.birthYear,
        releasedOn: values.releasedOn,
      };
      for (const key of [
        'residenceAddress',
        'idNumber',
        'releasingFacility',
        'sentenceSummary',
        'notes',
      ] as const) {
        const text = values[key]?.trim();
        if (text) body[key] = text;
      }
      return createCase(body);
    },
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: reintegrationQueries.all });
      onClose();
      navigate(`/tai-hoa-nhap/${created.id}`);
    },
    onError: (error) => {
      if (!showOnField(form, error, SERVER_FIELDS)) setProblem(errorText(t, error));
    },
  });
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={m.formTitle}
      size={520}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {m.save}
          </Button>
          <Button onClick={onClose}>{m.cancel}</Button>
        </Space>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} className="reint-alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ unitId: user.unit?.kind === 'commune' ? user.unit.id : undefined }}
        onFinish={(values) => {
          setProblem(undefined);
          save.mutate(values);
        }}
      >
        <Form.Item name="unitId" label={m.unit} rules={[{ required: true, message: m.unitRequired }]}>
          <UnitPicker allowNational={false} initial={user.unit} />
        </Form.Item>
        <Form.Item
          name="fullName"
          label={m.fullName}
          rules={[{ required: true, whitespace: true, message: m.fullNameRequired }]}
        >
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="birthYear"
          label={m.birthYear}
          rules={[{ required: true, message: m.birthYearRequired }]}
        >
          <InputNumber min={1900} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="residenceAddress" label={m.residenceAddress}>
          <Input maxLength={300} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={m.idNumber}
          extra={m.idNumberHint}
          rules={[{ pattern: /^(\d{9}|\d{12})$/, message: m.idNumberInvalid }]}
        >
          <Input maxLength={12} inputMode="numeric" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="releasedOn"
          label={m.releasedOn}
          rules={[{ required: true, message: m.releasedOnRequired }]}
        >
          <IsoDatePicker />
        </Form.Item>
        <Form.Item name="releasingFacility" label={m.releasingFacility}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="sentenceSummary" label={m.sentenceSummary} extra={m.sentenceHint}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="notes" label={m.notes}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

export default function ReintegrationPage() {
  const m = useMessages(reintegrationMessages);
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const state = (Object.entries(STATES).find(([, slug]) => slug === params.get('trang-thai'))?.[0] ??
    'active') as State;
  const page = Number(params.get('trang') ?? '1') || 1;
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(text.trim(), 400);
  const [creating, setCreating] = useState(false);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the settled search should touch the address.
  useEffect(() => {
    if (q !== (params.get('q') ?? '')) update({ q: q || undefined, trang: undefined });
  }, [q]);

  const list = useQuery(
    reintegrationQueries.list({ state, q: q.length > 0 ? q : undefined, page, pageSize: PAGE_SIZE }),
  );
  const columns: TableColumnsType<CaseItem> = [
    {
      title: m.colName,
      key: 'name',
      render: (_, item) => (
        <Link to={`/tai-hoa-nhap/${item.id}`}>
          {item.fullName ?? <span className="muted">{m.removed}</span>}
        </Link>
      ),
    },
    { title: m.colBirthYear, dataIndex: 'birthYear', width: 90 },
    {
      title: m.colResidence,
      key: 'residence',
      render: (_, item) => (
        <span>
          {item.residence ?? item.unit.fullName}
          {item.residence && <div className="muted">{item.unit.fullName}</div>}
        </span>
      ),
    },
    {
      title: m.colStatus,
      key: 'status',
      render: (_, item) => (
        <Space size={4} wrap>
          <StatusTag status={item.status} label={item.statusLabel} />
          {item.origin === 'transferred_in' && <Tag>{m.transferredIn}</Tag>}
          {item.transferredTo && <span className="muted">{m.movedTo(item.transferredTo)}</span>}
        </Space>
      ),
    },
    {
      title: m.colOpened,
      dataIndex: 'openedOn',
      width: 120,
      render: (value: string) => <DateText value={value} />,
    },
    {
      title: m.colJob,
      dataIndex: 'hasJob',
      width: 90,
      render: (value: boolean) =>
        value ? <Tag color="green">{m.hasJob}</Tag> : <span className="muted">{m.noJob}</span>,
    },
    {
      title: m.colCheckIn,
      dataIndex: 'lastCheckInOn',
      width: 130,
      render: (value: string | null) => <DateText value={value} fallback={m.none} />,
    },
    {
      title: m.colHelpers,
      dataIndex: 'helpers',
      render: (value: string[]) =>
        value.length > 0 ? value.join('; ') : <span className="muted">{m.none}</span>,
    },
  ];

  return (
    <div className="page reint-page">
      <div className="page-header">
        <div className="page-header__main">
          <h1 className="page-header__title">{m.pageTitle}</h1>
          <p className="page-header__intro muted">
            {can('reintegration.read') ? m.pageIntro : m.helperIntro}
          </p>
        </div>
        {can('reintegration.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {m.create}
          </Button>
        )}
      </div>
      <SummaryPanel />
      <div className="reint-filters">
        <Segmented<State>
          value={state}
          onChange={(value) =>
            update({ 'trang-thai': value === 'active' ? undefined : STATES[value], trang: undefined })
          }
          options={[
            { value: 'active', label: m.tabActive },
            { value: 'ended', label: m.tabEnded },
            { value: 'all', label: m.tabAll },
          ]}
        />
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={m.search}
          aria-label={m.search}
          value={text}
          onChange={(event) => setText(event.target.value)}
          className="reint-filters__search"
        />
      </div>
      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<CaseItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: m.empty }}
          scroll={{ x: 960 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => m.total(total),
            onChange: (next) => update({ trang: next === 1 ? undefined : String(next) }),
          }}
        />
      )}
      <CreateCaseDrawer open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
