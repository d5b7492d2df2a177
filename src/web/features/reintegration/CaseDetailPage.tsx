/**
 * One reintegration file: the person (the sentence summary only for the police), helpers with the Front, support
 * given with outcomes, check-ins, and the actions of its status (reintegrated, ended with a reason, moved to another
 * commune). Opening the page is an audited read.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { todayInVietnam } from '../../../domain/dates';
import {
  CASE_ORIGIN_LABELS,
  CASE_STATUS_LABELS,
  END_REASONS,
  SUPPORT_KIND_LABELS,
  SUPPORT_KINDS,
  SUPPORT_OUTCOME_LABELS,
  SUPPORT_OUTCOMES,
  type SupportKind,
} from '../../../domain/reintegration';
import {
  addCheckIn,
  addHelper,
  addSupport,
  type CaseDetail,
  changeStatus,
  endHelper,
  recordOutcome,
  reintegrationQueries,
  type Support,
  transferCase,
  updateCase,
} from '../../api/reintegration';
import { PageMessage } from '../../app/ErrorPages';
import { useMessages, useT } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { reintegrationMessages } from './messages';
import { StatusTag } from './StatusTag';
import './reintegration.css';

type Dialog =
  | 'helper'
  | 'endHelper'
  | 'edit'
  | 'support'
  | 'job'
  | 'checkIn'
  | 'end'
  | 'transfer'
  | undefined;

/** The personal fields a manager edits; only the changed ones are sent (the trail names what changed). */
interface PersonValues {
  fullName: string;
  birthYear: number;
  residenceAddress?: string | null;
  idNumber?: string | null;
  releasedOn: string;
  releasingFacility?: string | null;
  sentenceSummary?: string | null;
  notes?: string | null;
}
const PERSON_FIELDS = [
  'fullName',
  'birthYear',
  'residenceAddress',
  'idNumber',
  'releasedOn',
  'releasingFacility',
  'sentenceSummary',
  'notes',
] as const;

function personValues(file: CaseDetail): PersonValues {
  return {
    fullName: file.fullName ?? '',
    birthYear: file.birthYear ?? 1990,
    residenceAddress: file.residenceAddress,
    idNumber: file.idNumber,
    releasedOn: file.releasedOn,
    releasingFacility: file.releasingFacility,
    sentenceSummary: file.sentenceSummary,
    notes: file.notes,
  };
}

function changedPerson(file: CaseDetail, values: PersonValues) {
  const before = personValues(file) as unknown as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const key of PERSON_FIELDS) {
    const raw = values[key];
    const value = typeof raw === 'string' ? raw.trim() || null : (raw ?? null);
    if (value !== (before[key] ?? null)) changes[key] = value;
  }
  return changes;
}

/** A modal form that sends one request and puts the server's refusal on its field. */
function ActionModal<V extends object>({
  open,
  title,
  fields,
  onClose,
  submit,
  children,
  initialValues,
}: {
  open: boolean;
  title: string;
  fields: string[];
  onClose: () => void;
  submit: (values: V) => Promise<CaseDetail>;
  children: React.ReactNode;
  initialValues?: Partial<V>;
}) {
  const t = useT();
  const m = useMessages(reintegrationMessages);
  const client = useQueryClient();
  const [form] = Form.useForm<V>();
  const [problem, setProblem] = useState<string>();
  const save = useMutation({
    mutationFn: submit,
    onSuccess: (detail) => {
      client.setQueryData(reintegrationQueries.detail(detail.id).queryKey, detail);
      void client.invalidateQueries({ queryKey: ['reintegration', 'list'] });
      void client.invalidateQueries({ queryKey: ['reintegration', 'summary'] });
      onClose();
    },
    onError: (error) => {
      if (!showOnField(form, error, fields)) setProblem(errorText(t, error));
    },
  });
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      okText={m.save}
      cancelText={m.cancel}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} className="reint-alert" />}
      <Form<V>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={initialValues}
        onFinish={(values) => {
          setProblem(undefined);
          save.mutate(values);
        }}
      >
        {children}
      </Form>
    </Modal>
  );
}

function DestinationSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: number;
  onChange?: (value: number) => void;
}) {
  const m = useMessages(reintegrationMessages);
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const found = useQuery({ ...reintegrationQueries.destinations(q), enabled: q.length >= 2 });
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={onChange}
      placeholder={m.transferHint}
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((unit) => ({
        value: unit.id,
        label: unit.provinceName ? `${unit.fullName}, ${unit.provinceName}` : unit.fullName,
      }))}
    />
  );
}

function SupportTable({
  supports,
  caseId,
  canHelp,
}: {
  supports: Support[];
  caseId: number;
  canHelp: boolean;
}) {
  const m = useMessages(reintegrationMessages);
  const client = useQueryClient();
  const achieve = useMutation({
    mutationFn: (supportId: number) => recordOutcome(caseId, supportId, { outcome: 'achieved' }),
    onSuccess: (detail) => {
      client.setQueryData(reintegrationQueries.detail(detail.id).queryKey, detail);
      void client.invalidateQueries({ queryKey: ['reintegration', 'summary'] });
    },
  });
  return (
    <Table<Support>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={supports}
      locale={{ emptyText: m.noneYet }}
      scroll={{ x: 640 }}
      columns={[
        { title: m.supportKind, dataIndex: 'kindLabel' },
        {
          title: m.supportGiven,
          dataIndex: 'givenOn',
          render: (value: string) => <DateText value={value} />,
        },
        {
          title: m.supportOutcome,
          key: 'outcome',
          render: (_, support) => (
            <Space size={4}>
              <Tag
                color={
                  support.outcome === 'achieved'
                    ? 'green'
                    : support.outcome === 'not_achieved'
                      ? 'red'
                      : 'blue'
                }
              >
                {support.outcomeLabel}
              </Tag>
              {canHelp && support.outcome === 'in_progress' && (
                <Button size="small" loading={achieve.isPending} onClick={() => achieve.mutate(support.id)}>
                  {m.markAchieved}
                </Button>
              )}
            </Space>
          ),
        },
        {
          title: m.supportOutcomeOn,
          dataIndex: 'outcomeOn',
          render: (value: string | null) => <DateText value={value} />,
        },
        { title: m.supportNote, dataIndex: 'note', render: (value: string | null) => value ?? '' },
      ]}
    />
  );
}

export default function CaseDetailPage() {
  const t = useT();
  const m = useMessages(reintegrationMessages);
  const client = useQueryClient();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const detail = useQuery({ ...reintegrationQueries.detail(id), enabled: valid });
  const [dialog, setDialog] = useState<Dialog>();
  const [helperId, setHelperId] = useState<number>();
  const today = todayInVietnam();
  const candidates = useQuery({
    ...reintegrationQueries.helperCandidates(id),
    enabled: valid && dialog === 'helper',
  });
  const reintegrate = useMutation({
    mutationFn: (status: 'reintegrated' | 'being_helped') => changeStatus(id, { status, date: today }),
    onSuccess: (updated) => {
      client.setQueryData(reintegrationQueries.detail(id).queryKey, updated);
      void client.invalidateQueries({ queryKey: ['reintegration', 'list'] });
      void client.invalidateQueries({ queryKey: ['reintegration', 'summary'] });
    },
  });

  if (!valid) return <PageMessage title={t.errors.pageNotFound} detail={t.errors.pageNotFoundDetail} />;
  if (detail.isError) return <ErrorAlert error={detail.error} onRetry={() => detail.refetch()} />;
  if (!detail.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const file = detail.data;
  const close = () => setDialog(undefined);
  const open = file.endedOn === null || file.endedOn > today;

  return (
    <div className="page reint-detail">
      <div>
        <Link to="/tai-hoa-nhap">
          <ArrowLeftOutlined /> {m.back}
        </Link>
      </div>
      <div className="page-header">
        <div className="page-header__main">
          <h1 className="page-header__title">
            {file.fullName ?? m.removed} <StatusTag status={file.status} label={file.statusLabel} />
          </h1>
          <p className="page-header__intro muted">{file.unit.fullName}</p>
        </div>
      </div>
      {file.personalDataRemovedOn && (
        <Alert type="info" showIcon title={m.removedOn(file.personalDataRemovedOn)} />
      )}
      {!open && file.endedOn && file.endReason && (
        <Alert
          type="warning"
          showIcon
          title={
            file.transferredTo
              ? `${m.endedAlert(file.endedOn, file.statusLabel)} ${m.movedTo(file.transferredTo)}.`
              : m.endedAlert(file.endedOn, file.statusLabel)
          }
        />
      )}
      {reintegrate.isError && <ErrorAlert error={reintegrate.error} />}
      {(file.canManage || file.canHelp) && (
        <div className="reint-actions">
          {file.canHelp && (
            <Button type="primary" onClick={() => setDialog('job')}>
              {m.recordJob}
            </Button>
          )}
          {file.canHelp && <Button onClick={() => setDialog('support')}>{m.addSupport}</Button>}
          {file.canHelp && <Button onClick={() => setDialog('checkIn')}>{m.addCheckIn}</Button>}
          {file.canManage && file.status === 'being_helped' && (
            <Popconfirm
              title={m.confirmReintegrated}
              okText={m.save}
              cancelText={m.cancel}
              onConfirm={() => reintegrate.mutate('reintegrated')}
            >
              <Button loading={reintegrate.isPending}>{m.markReintegrated}</Button>
            </Popconfirm>
          )}
          {file.canManage && file.status === 'reintegrated' && (
            <Button loading={reintegrate.isPending} onClick={() => reintegrate.mutate('being_helped')}>
              {m.markBeingHelped}
            </Button>
          )}
          {file.canManage && !file.personalDataRemoved && (
            <Button onClick={() => setDialog('edit')}>{m.editCase}</Button>
          )}
          {file.canManage && <Button onClick={() => setDialog('helper')}>{m.addHelper}</Button>}
          {file.canManage && <Button onClick={() => setDialog('transfer')}>{m.transfer}</Button>}
          {file.canManage && (
            <Button danger onClick={() => setDialog('end')}>
              {m.endCase}
            </Button>
          )}
        </div>
      )}
      <Card size="small" title={m.detailPerson}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={m.fullName}>{file.fullName ?? m.none}</Descriptions.Item>
          <Descriptions.Item label={m.birthYear}>{file.birthYear ?? m.none}</Descriptions.Item>
          <Descriptions.Item label={m.idNumber}>{file.idNumber ?? m.none}</Descriptions.Item>
          <Descriptions.Item label={m.colResidence}>{file.residence ?? m.none}</Descriptions.Item>
          <Descriptions.Item label={m.releasedOn}>
            <DateText value={file.releasedOn} />
          </Descriptions.Item>
          <Descriptions.Item label={m.releasingFacility}>
            {file.releasingFacility ?? m.none}
          </Descriptions.Item>
          <Descriptions.Item label={m.colOpened}>
            <DateText value={file.openedOn} />
          </Descriptions.Item>
          <Descriptions.Item label={m.origin}>{CASE_ORIGIN_LABELS[file.origin]}</Descriptions.Item>
          {file.endedOn && (
            <Descriptions.Item label={m.endedOn}>
              <DateText value={file.endedOn} />
            </Descriptions.Item>
          )}
          <Descriptions.Item label={m.sentenceSummary} span={3}>
            {file.sentenceSummaryHidden ? (
              <span className="muted">{m.sentenceHidden}</span>
            ) : (
              <span className="reint-pre">{file.sentenceSummary ?? m.none}</span>
            )}
          </Descriptions.Item>
          {file.notes && (
            <Descriptions.Item label={m.notes} span={3}>
              <span className="reint-pre">{file.notes}</span>
            </Descriptions.Item>
          )}
          {file.endNote && (
            <Descriptions.Item label={m.endNote} span={3}>
              {file.endNote}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title={m.helpersTitle}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={file.helpersDetail}
          locale={{ emptyText: m.noneYet }}
          scroll={{ x: 640 }}
          columns={[
            {
              title: m.helperOrganisation,
              dataIndex: 'organisation',
              render: (value: string | null) => value ?? '',
            },
            { title: m.helperPerson, dataIndex: 'personName', render: (value: string | null) => value ?? '' },
            {
              title: m.helperDecision,
              key: 'decision',
              render: (_, helper) =>
                [
                  helper.decisionNumber,
                  helper.decisionDate ? <DateText key="d" value={helper.decisionDate} /> : null,
                ]
                  .filter(Boolean)
                  .map((part, index) => (
                    <span key={String(index)}>
                      {index > 0 ? ', ' : ''}
                      {part}
                    </span>
                  )),
            },
            {
              title: m.helperAssigned,
              dataIndex: 'assignedOn',
              render: (value: string) => <DateText value={value} />,
            },
            {
              title: m.helperAccount,
              key: 'account',
              render: (_, helper) => helper.helperUser?.fullName ?? '',
            },
            {
              title: m.helperState,
              key: 'state',
              render: (_, helper) =>
                helper.endedOn ? (
                  <span className="muted">
                    {m.helperEndedOn} <DateText value={helper.endedOn} />
                  </span>
                ) : (
                  <Space size={4} wrap>
                    <Tag color="green">{m.helperActive}</Tag>
                    {file.canManage && (
                      <Button
                        size="small"
                        onClick={() => {
                          setHelperId(helper.id);
                          setDialog('endHelper');
                        }}
                      >
                        {m.helperEnd}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={m.supportsTitle}>
        <SupportTable supports={file.supports} caseId={file.id} canHelp={file.canHelp} />
      </Card>
      <Card size="small" title={m.checkInsTitle}>
        {file.checkIns.length === 0 ? (
          <span className="muted">{m.noneYet}</span>
        ) : (
          <ul className="reint-checkins">
            {file.checkIns.map((checkIn) => (
              <li key={checkIn.id}>
                <strong>
                  <DateText value={checkIn.checkedOn} />
                </strong>
                {checkIn.recordedBy && <span className="muted"> · {checkIn.recordedBy}</span>}
                <div>{checkIn.note}</div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {file.previousFiles.map((previous) => (
        <Card
          key={previous.id}
          size="small"
          title={`${m.previousTitle}: ${m.previousRange(previous.unit.fullName, previous.openedOn, previous.endedOn)}`}
        >
          <SupportTable supports={previous.supports} caseId={previous.id} canHelp={false} />
          <ul className="reint-checkins">
            {previous.checkIns.map((checkIn) => (
              <li key={checkIn.id}>
                <strong>
                  <DateText value={checkIn.checkedOn} />
                </strong>
                <div>{checkIn.note}</div>
              </li>
            ))}
          </ul>
        </Card>
      ))}

      <ActionModal<{
        kind: SupportKind;
        givenOn: string;
        outcome: (typeof SUPPORT_OUTCOMES)[number];
        note?: string;
      }>
        open={dialog === 'support' || dialog === 'job'}
        title={dialog === 'job' ? m.recordJob : m.addSupport}
        fields={['kind', 'givenOn', 'outcome', 'note']}
        onClose={close}
        initialValues={{
          kind: dialog === 'job' ? 'job_placement' : undefined,
          givenOn: today,
          outcome: 'achieved',
        }}
        submit={(values) =>
          addSupport(id, {
            kind: values.kind,
            givenOn: values.givenOn,
            outcome: values.outcome,
            note: values.note?.trim() || null,
          })
        }
      >
        <Form.Item name="kind" label={m.supportKind} rules={[{ required: true }]}>
          <Select
            options={SUPPORT_KINDS.map((kind) => ({ value: kind, label: SUPPORT_KIND_LABELS[kind] }))}
          />
        </Form.Item>
        <Form.Item
          name="givenOn"
          label={m.supportGiven}
          rules={[{ required: true, message: m.dateRequired }]}
        >
          <IsoDatePicker />
        </Form.Item>
        <Form.Item name="outcome" label={m.supportOutcome} rules={[{ required: true }]}>
          <Select
            options={SUPPORT_OUTCOMES.map((outcome) => ({
              value: outcome,
              label: SUPPORT_OUTCOME_LABELS[outcome],
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={m.supportNote}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </ActionModal>

      <ActionModal<PersonValues>
        open={dialog === 'edit'}
        title={m.editCaseTitle}
        fields={[...PERSON_FIELDS]}
        onClose={close}
        initialValues={personValues(file)}
        submit={(values) => {
          const changes = changedPerson(file, values);
          return Object.keys(changes).length > 0 ? updateCase(id, changes) : Promise.resolve(file);
        }}
      >
        <Alert type="info" showIcon title={m.editCaseHint} className="reint-alert" />
        <Form.Item
          name="fullName"
          label={m.fullName}
          rules={[{ required: true, whitespace: true, message: m.fullNameRequired }]}
        >
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
        <div className="reint-form-pair">
          <Form.Item
            name="birthYear"
            label={m.birthYear}
            rules={[{ required: true, message: m.birthYearRequired }]}
          >
            <InputNumber min={1900} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={m.idNumber}
            rules={[{ pattern: /^(\d{9}|\d{12})$/, message: m.idNumberInvalid }]}
          >
            <Input maxLength={12} inputMode="numeric" autoComplete="off" />
          </Form.Item>
        </div>
        <Form.Item name="residenceAddress" label={m.residenceAddress}>
          <Input maxLength={300} autoComplete="off" />
        </Form.Item>
        <div className="reint-form-pair">
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
        </div>
        <Form.Item name="sentenceSummary" label={m.sentenceSummary} extra={m.sentenceHint}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="notes" label={m.notes}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ endedOn: string }>
        open={dialog === 'endHelper'}
        title={m.helperEndTitle}
        fields={['endedOn']}
        onClose={close}
        initialValues={{ endedOn: today }}
        submit={(values) => endHelper(id, helperId!, values)}
      >
        <Alert type="info" showIcon title={m.helperEndHint} className="reint-alert" />
        <Form.Item
          name="endedOn"
          label={m.helperEndDate}
          rules={[{ required: true, message: m.dateRequired }]}
        >
          <IsoDatePicker />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ checkedOn: string; note: string }>
        open={dialog === 'checkIn'}
        title={m.addCheckIn}
        fields={['checkedOn', 'note']}
        onClose={close}
        initialValues={{ checkedOn: today }}
        submit={(values) => addCheckIn(id, values)}
      >
        <Form.Item
          name="checkedOn"
          label={m.checkInDate}
          rules={[{ required: true, message: m.dateRequired }]}
        >
          <IsoDatePicker />
        </Form.Item>
        <Form.Item
          name="note"
          label={m.checkInNote}
          rules={[{ required: true, whitespace: true, message: m.checkInNoteRequired }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{
        organisation?: string;
        personName?: string;
        helperUserId?: number;
        decisionNumber?: string;
        decisionDate?: string;
        assignedOn: string;
      }>
        open={dialog === 'helper'}
        title={m.addHelper}
        fields={[
          'organisation',
          'personName',
          'helperUserId',
          'decisionNumber',
          'decisionDate',
          'assignedOn',
        ]}
        onClose={close}
        initialValues={{ assignedOn: today }}
        submit={(values) =>
          addHelper(id, {
            organisation: values.organisation?.trim() || null,
            personName: values.personName?.trim() || null,
            helperUserId: values.helperUserId ?? null,
            decisionNumber: values.decisionNumber?.trim() || null,
            decisionDate: values.decisionDate ?? null,
            assignedOn: values.assignedOn,
          })
        }
      >
        <Form.Item name="organisation" label={m.helperOrganisation}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="personName" label={m.helperPerson}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="helperUserId" label={m.helperAccount}>
          <Select
            allowClear
            loading={candidates.isFetching}
            options={(candidates.data?.items ?? []).map((user) => ({
              value: user.id,
              label: `${user.fullName} (${user.username})${user.unitName ? ` – ${user.unitName}` : ''}`,
            }))}
          />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="decisionNumber" label={m.decisionNumber} style={{ flex: 1 }}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="decisionDate" label={m.decisionDate} style={{ flex: 1 }}>
            <IsoDatePicker />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="assignedOn"
          label={m.helperAssigned}
          rules={[{ required: true, message: m.dateRequired }]}
        >
          <IsoDatePicker />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ status: (typeof END_REASONS)[number]; date: string; note?: string }>
        open={dialog === 'end'}
        title={m.endCase}
        fields={['status', 'date', 'note']}
        onClose={close}
        initialValues={{ date: today }}
        submit={(values) =>
          changeStatus(id, {
            status: values.status as Exclude<(typeof END_REASONS)[number], 'moved'>,
            date: values.date,
            note: values.note?.trim() || null,
          })
        }
      >
        <Form.Item
          name="status"
          label={m.endReason}
          rules={[{ required: true, message: m.endReasonRequired }]}
        >
          <Select
            options={END_REASONS.filter((reason) => reason !== 'moved').map((reason) => ({
              value: reason,
              label: CASE_STATUS_LABELS[reason],
            }))}
          />
        </Form.Item>
        <Form.Item name="date" label={m.statusDate} rules={[{ required: true, message: m.dateRequired }]}>
          <IsoDatePicker />
        </Form.Item>
        <Form.Item name="note" label={m.note}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </ActionModal>

      <ActionModal<{ toUnitId: number; date: string; note?: string }>
        open={dialog === 'transfer'}
        title={m.transfer}
        fields={['toUnitId', 'date', 'note']}
        onClose={close}
        initialValues={{ date: today }}
        submit={(values) =>
          transferCase(id, {
            toUnitId: values.toUnitId,
            date: values.date,
            note: values.note?.trim() || null,
          })
        }
      >
        <Alert type="info" showIcon title={m.transferNote} className="reint-alert" />
        <Form.Item
          name="toUnitId"
          label={m.transferTo}
          rules={[{ required: true, message: m.transferToRequired }]}
        >
          <DestinationSelect />
        </Form.Item>
        <Form.Item name="date" label={m.statusDate} rules={[{ required: true, message: m.dateRequired }]}>
          <IsoDatePicker />
        </Form.Item>
        <Form.Item name="note" label={m.note}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </ActionModal>
    </div>
  );
}
