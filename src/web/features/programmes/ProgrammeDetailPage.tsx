/**
 * One programme: its parties, phases and documents, and the page that lists every commune's plan with its yearly
 * progress (tasks due in the year: done, late, in progress, not started). Units with a plan open it.
 */
import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Select, Skeleton, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ProgressView } from '../../../contracts/programmes';
import { todayInVietnam } from '../../../domain/dates';
import { formatInteger } from '../../../domain/numbers';
import { createPlan, programmeQueries } from '../../api/programmes';
import { useCurrentUser } from '../../app/auth/session';
import { PageMessage } from '../../app/ErrorPages';
import { useMessages, useT } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { UnitPicker } from '../../components/UnitPicker';
import { programmeMessages } from './messages';
import { ProgrammeFormDrawer } from './ProgrammeFormDrawer';
import './programmes.css';

type Row = ProgressView['rows'][number];

export default function ProgrammeDetailPage() {
  const t = useT();
  const m = useMessages(programmeMessages);
  const user = useCurrentUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const [year, setYear] = useState(Number(todayInVietnam().slice(0, 4)));
  const programme = useQuery({ ...programmeQueries.detail(id), enabled: valid });
  const progress = useQuery({ ...programmeQueries.progress(id, year), enabled: valid });
  const [planning, setPlanning] = useState(false);
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm<{
    unitId: number;
    phaseId?: number;
    number?: string;
    title: string;
    issuedOn: string;
  }>();
  const save = useMutation({
    mutationFn: (values: {
      unitId: number;
      phaseId?: number;
      number?: string;
      title: string;
      issuedOn: string;
    }) =>
      createPlan(id, { ...values, phaseId: values.phaseId ?? null, number: values.number?.trim() || null }),
    onSuccess: (plan) => {
      void client.invalidateQueries({ queryKey: ['programmes'] });
      navigate(`/chuong-trinh-phoi-hop/ke-hoach/${plan.id}`);
    },
    onError: (error) => {
      if (!showOnField(form, error, ['unitId', 'phaseId', 'number', 'title', 'issuedOn']))
        setProblem(errorText(t, error));
    },
  });

  if (!valid) return <PageMessage title={t.errors.pageNotFound} detail={t.errors.pageNotFoundDetail} />;
  if (programme.isError) return <ErrorAlert error={programme.error} onRetry={() => programme.refetch()} />;
  if (!programme.data) return <Skeleton active />;
  const data = programme.data;
  const count = (key: keyof Row['counts']) => ({
    title:
      m[
        (
          {
            total: 'colTotal',
            done: 'colDone',
            late: 'colLate',
            inProgress: 'colInProgress',
            notStarted: 'colNotStarted',
          } as const
        )[key]
      ],
    key,
    width: 110,
    align: 'right' as const,
    render: (_: unknown, row: Row) => formatInteger(row.counts[key]),
  });

  return (
    <div className="page">
      <Link to="/chuong-trinh-phoi-hop">
        <ArrowLeftOutlined /> {m.back}
      </Link>
      <div className="page-header">
        <div className="page-header__main">
          <h1 className="page-header__title">{m.programmeName(data.number)}</h1>
          <p className="page-header__intro">{data.title}</p>
        </div>
        <Space wrap>
          {data.canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {m.editProgramme}
            </Button>
          )}
          {data.canPlan && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)}>
              {m.createPlan}
            </Button>
          )}
        </Space>
      </div>
      <ProgrammeFormDrawer
        open={editing}
        programme={data}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          client.setQueryData(programmeQueries.detail(id).queryKey, saved);
          void client.invalidateQueries({ queryKey: ['programmes', 'list'] });
        }}
      />
      <Card size="small">
        <dl className="programme-facts">
          <dt>{m.level}</dt>
          <dd>{data.levelLabel}</dd>
          {data.unit && (
            <>
              <dt>{m.unit}</dt>
              <dd>{data.unit.fullName}</dd>
            </>
          )}
          <dt>{m.parties}</dt>
          <dd>{data.parties.join('; ')}</dd>
          {data.signedOn && (
            <>
              <dt>{m.signedOn}</dt>
              <dd>
                <DateText value={data.signedOn} />
              </dd>
            </>
          )}
          <dt>{m.phases}</dt>
          <dd>
            {data.phases.map((phase) => (
              <div key={phase.id}>
                {phase.name} <span className="muted">({m.phaseRange(phase.startsOn, phase.endsOn)})</span>
                {phase.note && <div className="muted">{phase.note}</div>}
              </div>
            ))}
          </dd>
          {data.documents.length > 0 && (
            <>
              <dt>{m.documents}</dt>
              <dd>
                {data.documents.map((document) => (
                  <div key={document.id}>
                    {document.documentId && document.title ? (
                      <Link to={`/van-ban/${document.documentId}`} title={document.title}>
                        {document.reference}
                      </Link>
                    ) : (
                      document.reference
                    )}
                    {document.title && <span className="muted"> — {document.title}</span>}
                  </div>
                ))}
              </dd>
            </>
          )}
          {data.notes && (
            <>
              <dt />
              <dd className="muted">{data.notes}</dd>
            </>
          )}
        </dl>
      </Card>
      <Card size="small" title={m.progressTitle} className="programme-section">
        <div className="programme-toolbar">
          <span>{m.year}</span>
          <InputNumber
            min={2013}
            max={2100}
            value={year}
            onChange={(value) => value && setYear(value)}
            aria-label={m.year}
          />
          {progress.data && <span className="muted">{m.progressHint(progress.data.judgedOn)}</span>}
        </div>
        {progress.isError ? (
          <ErrorAlert error={progress.error} onRetry={() => progress.refetch()} />
        ) : (
          <Table<Row>
            rowKey={(row) => row.unit.id}
            size="small"
            loading={progress.isFetching}
            dataSource={progress.data?.rows ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 900 }}
            columns={[
              { title: m.colUnit, key: 'unit', render: (_, row) => row.unit.fullName },
              {
                title: m.colPlan,
                key: 'plan',
                render: (_, row) =>
                  row.planId ? (
                    <Link to={`/chuong-trinh-phoi-hop/ke-hoach/${row.planId}`}>{row.planTitle}</Link>
                  ) : (
                    <span className="muted">{m.noPlan}</span>
                  ),
              },
              count('total'),
              count('done'),
              count('late'),
              count('inProgress'),
              count('notStarted'),
            ]}
            summary={() =>
              progress.data ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>
                    <strong>{m.totalRow}</strong>
                  </Table.Summary.Cell>
                  {(['total', 'done', 'late', 'inProgress', 'notStarted'] as const).map((key, index) => (
                    <Table.Summary.Cell key={key} index={index + 2} align="right">
                      <strong>{formatInteger(progress.data.total[key])}</strong>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              ) : null
            }
          />
        )}
      </Card>
      <Modal
        open={planning}
        title={m.createPlan}
        okText={m.save}
        cancelText={m.cancel}
        confirmLoading={save.isPending}
        onCancel={() => setPlanning(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {problem && <Alert type="error" showIcon title={problem} />}
        <Form
          form={form}
          layout="vertical"
          requiredMark="optional"
          initialValues={{
            unitId: user.unit?.id,
            phaseId: data.phases.at(-1)?.id,
            issuedOn: todayInVietnam(),
          }}
          onFinish={(values) => {
            setProblem(undefined);
            save.mutate(values);
          }}
        >
          <Form.Item name="unitId" label={m.planUnit} rules={[{ required: true, message: m.required }]}>
            <UnitPicker allowNational={false} initial={user.unit} />
          </Form.Item>
          <Form.Item name="phaseId" label={m.planPhase}>
            <Select
              allowClear
              options={data.phases.map((phase) => ({ value: phase.id, label: phase.name }))}
            />
          </Form.Item>
          <Form.Item name="number" label={m.planNumber}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item
            name="title"
            label={m.planTitle}
            rules={[{ required: true, whitespace: true, message: m.required }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item name="issuedOn" label={m.planIssuedOn} rules={[{ required: true, message: m.required }]}>
            <IsoDatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
