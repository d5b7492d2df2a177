/**
 * The yearly cycle of the standard, per kind of unit, for one province and year: evaluation window, registration,
 * decision and classification deadlines and the approving level. Defaults are the circular's; the province staff
 * adjust them for their province (a national user picks the province). The server checks the dates and audits.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Modal, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { CycleItem } from '../../../contracts/recognition';
import { formatDateVi, todayInVietnam } from '../../../domain/dates';
import { APPROVING_LEVELS } from '../../../domain/recognition';
import type { ApiError } from '../../api/client';
import { recognitionQueries, saveCycle } from '../../api/recognition';
import { unitQueries } from '../../api/units';
import { useMessages } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IsoDatePicker } from '../registry/IsoDatePicker';
import { recognitionMessages } from './messages';
import { useYearAndUnit, YEARS } from './RecognitionPage';
import './recognition.css';

const DATE_FIELDS = [
  'windowFrom',
  'windowTo',
  'registrationDeadline',
  'decisionDeadline',
  'classificationDeadline',
] as const;

function CycleModal({
  cycle,
  province,
  onClose,
}: {
  cycle: CycleItem | null;
  province: string | undefined;
  onClose: () => void;
}) {
  const m = useMessages(recognitionMessages);
  const [form] = Form.useForm();
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (values: CycleItem['settings']) =>
      saveCycle(cycle!.year, cycle!.target, { ...values, ...(province ? { provinceCode: province } : {}) }),
    onSuccess: (next) => {
      client.setQueryData(recognitionQueries.cycles(cycle!.year, province).queryKey, next);
      void client.invalidateQueries({ queryKey: ['recognition'] });
      onClose();
    },
    onError: (error: ApiError) => {
      if (error.field && form.getFieldInstance?.(error.field)) {
        form.setFields([{ name: error.field, errors: [error.message] }]);
      }
    },
  });
  const { reset } = mutation;
  useEffect(() => {
    if (!cycle) return;
    form.resetFields();
    form.setFieldsValue(cycle.settings);
    reset();
  }, [cycle, form, reset]);
  const labels: Record<(typeof DATE_FIELDS)[number], string> = {
    windowFrom: `${m.colWindow}: ${m.windowFrom.toLocaleLowerCase('vi')}`,
    windowTo: `${m.colWindow}: ${m.windowTo.toLocaleLowerCase('vi')}`,
    registrationDeadline: m.colRegistrationDeadline,
    decisionDeadline: m.colDecisionDeadline,
    classificationDeadline: m.colClassificationDeadline,
  };
  return (
    <Modal
      open={cycle !== null}
      title={cycle ? m.editCycle(cycle.targetLabel, cycle.year) : ''}
      onCancel={onClose}
      okText={m.save}
      cancelText={m.cancel}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {mutation.isError && !mutation.error.field && <ErrorAlert error={mutation.error} />}
      <Form form={form} name="cycle" layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        <Space wrap>
          {DATE_FIELDS.map((field) => (
            <Form.Item key={field} name={field} label={labels[field]} rules={[{ required: true }]}>
              <IsoDatePicker allowClear={false} ariaLabel={labels[field]} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="approvingLevel" label={m.colApprovingLevel} rules={[{ required: true }]}>
          <Select
            aria-label={m.colApprovingLevel}
            options={APPROVING_LEVELS.map((level) => ({ value: level, label: m.approvingLevels[level] }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function CyclesPage() {
  const m = useMessages(recognitionMessages);
  const { year, update, user, params } = useYearAndUnit();
  const national = user.unit === null;
  const province = national ? (params.get('tinh') ?? undefined) : undefined;
  const provinces = useQuery({ ...unitQueries.provinces(todayInVietnam()), enabled: national });
  const cycles = useQuery({
    ...recognitionQueries.cycles(year, province),
    enabled: !national || province !== undefined,
  });
  const [editing, setEditing] = useState<CycleItem | null>(null);

  useEffect(() => {
    document.title = `${m.cyclesTitle} — ANTQ`;
  }, [m]);

  const range = (from: string, to: string) => `${formatDateVi(from)} – ${formatDateVi(to)}`;
  const columns: TableColumnsType<CycleItem> = [
    { title: m.colTarget, dataIndex: 'targetLabel', key: 'target' },
    {
      title: m.colWindow,
      key: 'window',
      render: (_, row) => range(row.settings.windowFrom, row.settings.windowTo),
    },
    {
      title: m.colRegistrationDeadline,
      key: 'registration',
      render: (_, row) => formatDateVi(row.settings.registrationDeadline),
    },
    {
      title: m.colDecisionDeadline,
      key: 'decision',
      render: (_, row) => formatDateVi(row.settings.decisionDeadline),
    },
    {
      title: m.colClassificationDeadline,
      key: 'classification',
      render: (_, row) => formatDateVi(row.settings.classificationDeadline),
    },
    {
      title: m.colApprovingLevel,
      key: 'level',
      render: (_, row) => m.approvingLevels[row.settings.approvingLevel],
    },
    {
      title: m.colSource,
      key: 'source',
      render: (_, row) => (row.custom ? <Tag color="blue">{m.custom}</Tag> : <Tag>{m.byCircular}</Tag>),
    },
    {
      title: '',
      key: 'actions',
      className: 'recognition-table-actions',
      render: (_, row) => (
        <Button size="small" onClick={() => setEditing(row)} aria-label={`${m.edit} ${row.targetLabel}`}>
          {m.edit}
        </Button>
      ),
    },
  ];

  return (
    <div className="page recognition-page">
      <Link to={`/an-toan-antt?nam=${year}`}>← {m.back}</Link>
      <header className="page-header">
        <div>
          <h1 className="page-header__title">{m.cyclesTitle}</h1>
          <p className="muted page-header__intro">{m.cyclesIntro}</p>
        </div>
      </header>
      <Space wrap className="recognition-filters">
        <Select
          aria-label={m.year}
          value={year}
          onChange={(value) => update({ nam: String(value) })}
          options={YEARS.map((value) => ({ value, label: `${m.year} ${value}` }))}
          style={{ width: 130 }}
        />
        {national && (
          <Select
            aria-label={m.province}
            placeholder={m.chooseProvince}
            showSearch
            optionFilterProp="label"
            value={province}
            loading={provinces.isPending}
            onChange={(value: string) => update({ tinh: value })}
            options={(provinces.data?.items ?? []).map((unit) => ({
              value: unit.code,
              label: unit.fullName,
            }))}
            style={{ width: 260 }}
          />
        )}
      </Space>
      {national && province === undefined ? (
        <Alert type="info" showIcon message={m.chooseProvince} />
      ) : cycles.isError ? (
        <ErrorAlert error={cycles.error} onRetry={() => void cycles.refetch()} />
      ) : (
        <Table<CycleItem>
          rowKey="target"
          size="middle"
          loading={cycles.isPending}
          columns={columns}
          dataSource={cycles.data?.items ?? []}
          pagination={false}
          scroll={{ x: true }}
        />
      )}
      <CycleModal cycle={editing} province={province} onClose={() => setEditing(null)} />
    </div>
  );
}
