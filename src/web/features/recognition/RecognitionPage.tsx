/**
 * The safety standard of a year below a unit: every unit that takes part with its status (who has not registered,
 * who waits for review, what is overdue and by which deadline), the summary table with the share recognised and
 * the map, and registration. Year, unit, tab and filter live in the address (?nam=2025&don-vi=12&tinh-trang=…).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { formatDateVi, todayInVietnam } from '../../../domain/dates';
import { STANDARD_TARGET_LABELS } from '../../../domain/recognition';
import { type ApiError, apiSend } from '../../api/client';
import { recognitionQueries, type UnitStatusItem } from '../../api/recognition';
import { useCan, useCurrentUser } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitPicker } from '../../components/UnitPicker';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { DashboardPanel } from './DashboardPanel';
import { recognitionMessages } from './messages';
import { STATE_COLORS } from './status';
import './recognition.css';

const PAGE_SIZE = 50;
export const THIS_YEAR = Number(todayInVietnam().slice(0, 4));
export const YEARS = [THIS_YEAR + 1, THIS_YEAR, THIS_YEAR - 1, THIS_YEAR - 2, THIS_YEAR - 3, THIS_YEAR - 4];

export function useYearAndUnit() {
  const [params, setParams] = useSearchParams();
  const user = useCurrentUser();
  const year = Number(params.get('nam')) || THIS_YEAR;
  const unitParam = params.get('don-vi');
  const unit = unitParam ? Number(unitParam) : (user.unit?.id ?? undefined);
  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('trang' in changes)) next.delete('trang');
        return next;
      },
      { replace: true },
    );
  return { params, year, unit, update, user };
}

function RegisterModal({
  unit,
  year,
  onClose,
}: {
  unit: UnitStatusItem | null;
  year: number;
  onClose: () => void;
}) {
  const m = useMessages(recognitionMessages);
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      apiSend<{ id: number }>('POST', '/api/recognition/records', values),
    onSuccess: (record) => {
      void client.invalidateQueries({ queryKey: ['recognition'] });
      onClose();
      navigate(`/an-toan-antt/ho-so/${record.id}`);
    },
    onError: (error: ApiError) => {
      if (error.field) form.setFields([{ name: error.field, errors: [error.message] }]);
    },
  });
  useEffect(() => {
    if (unit) form.resetFields();
  }, [unit, form]);
  return (
    <Modal
      open={unit !== null}
      title={unit ? m.registerTitle(unit.unit.fullName) : ''}
      onCancel={onClose}
      okText={m.register}
      cancelText={m.cancel}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {mutation.isError && !(mutation.error as ApiError).field && <ErrorAlert error={mutation.error} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ registeredOn: dayjs(`${Math.min(year, THIS_YEAR)}-${todayInVietnam().slice(5)}`) }}
        onFinish={(values) =>
          mutation.mutate({
            unitId: unit!.unit.id,
            year,
            registeredOn: (values.registeredOn as dayjs.Dayjs).format('YYYY-MM-DD'),
            resolutionRef: values.resolutionRef || null,
            planRef: values.planRef || null,
            registrationFormRef: values.registrationFormRef || null,
            ...(unit?.target === 'residential_area'
              ? {
                  householdsTotal: values.householdsTotal ?? null,
                  householdsRegistered: values.householdsRegistered ?? null,
                }
              : {}),
          })
        }
      >
        <Form.Item name="registeredOn" label={m.registeredOn} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="resolutionRef" label={m.resolutionRef}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="planRef" label={m.planRef}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="registrationFormRef" label={m.registrationFormRef}>
          <Input maxLength={300} />
        </Form.Item>
        {unit?.target === 'residential_area' && (
          <Space>
            <Form.Item name="householdsTotal" label={m.householdsTotal}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="householdsRegistered" label={m.householdsRegistered}>
              <InputNumber min={0} />
            </Form.Item>
          </Space>
        )}
      </Form>
    </Modal>
  );
}

export function UnitStatusTable({
  year,
  unit,
  state,
}: {
  year: number;
  unit?: number | undefined;
  state?: string;
}) {
  const m = useMessages(recognitionMessages);
  const can = useCan();
  const { params, update } = useYearAndUnit();
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(text.trim(), 400);
  const [registering, setRegistering] = useState<UnitStatusItem | null>(null);
  const list = useQuery(
    recognitionQueries.units({ year, unit, state, q: q || undefined, page, pageSize: PAGE_SIZE }),
  );

  const columns: TableColumnsType<UnitStatusItem> = [
    {
      title: m.colUnit,
      key: 'unit',
      render: (_, row) => (
        <div>
          {row.recordId ? (
            <Link to={`/an-toan-antt/ho-so/${row.recordId}`}>{row.unit.fullName}</Link>
          ) : (
            row.unit.fullName
          )}
          {row.unit.parentName && <div className="muted">{row.unit.parentName}</div>}
        </div>
      ),
    },
    { title: m.colKind, key: 'kind', render: (_, row) => STANDARD_TARGET_LABELS[row.target] },
    {
      title: m.colState,
      key: 'state',
      render: (_, row) => (
        <Tag color={STATE_COLORS[row.status ?? 'not_registered']}>
          {m.states[row.status ?? 'not_registered']}
        </Tag>
      ),
    },
    {
      title: m.colOverdue,
      key: 'overdue',
      render: (_, row) =>
        row.overdue ? (
          <Tag color="red">{m.overdueSince(row.overdue.label, formatDateVi(row.overdue.deadline))}</Tag>
        ) : null,
    },
    {
      title: m.colActions,
      key: 'actions',
      align: 'right',
      render: (_, row) =>
        row.recordId ? (
          <Link to={`/an-toan-antt/ho-so/${row.recordId}`}>{m.open}</Link>
        ) : can('recognition.self_assess') ? (
          <Button size="small" type="primary" onClick={() => setRegistering(row)}>
            {m.register}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <Input.Search
        className="recognition-search"
        allowClear
        placeholder={m.search}
        aria-label={m.search}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      {list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<UnitStatusItem>
          rowKey={(row) => row.unit.id}
          size="middle"
          loading={list.isPending}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: m.nothing }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (next) => update({ trang: String(next) }),
          }}
          scroll={{ x: true }}
        />
      )}
      <RegisterModal unit={registering} year={year} onClose={() => setRegistering(null)} />
    </>
  );
}

export default function RecognitionPage() {
  const m = useMessages(recognitionMessages);
  const can = useCan();
  const { params, year, unit, update, user } = useYearAndUnit();
  const tab = params.get('xem') ?? 'don-vi';
  const state = params.get('tinh-trang') ?? undefined;

  useEffect(() => {
    document.title = `${m.title} — ANTQ`;
  }, [m]);

  return (
    <div className="page recognition-page">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">{m.title}</h1>
          <p className="muted page-header__intro">{m.intro}</p>
        </div>
        {can('recognition.configure') && (
          <Space wrap>
            <Link to={`/an-toan-antt/ky-danh-gia?nam=${year}`}>
              <Button>{m.cycles}</Button>
            </Link>
            <Link to="/an-toan-antt/bo-tieu-chi">
              <Button>{m.tabSets}</Button>
            </Link>
          </Space>
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
        {tab === 'don-vi' && (
          <Select
            aria-label={m.state}
            allowClear
            placeholder={m.allStates}
            value={state}
            onChange={(value) => update({ 'tinh-trang': value })}
            options={Object.entries(m.states).map(([value, label]) => ({ value, label }))}
            style={{ width: 200 }}
          />
        )}
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ xem: key === 'don-vi' ? undefined : key })}
        items={[
          {
            key: 'don-vi',
            label: m.tabUnits,
            children: <UnitStatusTable year={year} unit={unit} {...(state ? { state } : {})} />,
          },
          ...(can('dashboard.read')
            ? [
                {
                  key: 'tong-hop',
                  label: m.tabDashboard,
                  children: (
                    <DashboardPanel
                      year={year}
                      unit={unit}
                      onDrill={(unitId, drillState) =>
                        update({ xem: undefined, 'don-vi': String(unitId), 'tinh-trang': drillState })
                      }
                    />
                  ),
                },
              ]
            : []),
          {
            key: 'qua-han',
            label: m.tabOverdue,
            children: <UnitStatusTable year={year} unit={unit} state="overdue" />,
          },
        ]}
      />
    </div>
  );
}
