/**
 * One unit's record of a year: the registration dossier, the self-assessment criterion by criterion (answer, note,
 * evidence, the reviewer's comment), the meeting record and submission; for the approving level the per-criterion
 * comments, return and the decision; then the certificate, reopening and the history.
 */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { formatDateVi, todayInVietnam } from '../../../domain/dates';
import { formatDecimal } from '../../../domain/numbers';
import { uploadAttachment } from '../../api/attachments';
import type { ApiError } from '../../api/client';
import { modelQueries } from '../../api/models';
import { type RecordDetail, recognitionQueries, recordAction } from '../../api/recognition';
import { teamQueries } from '../../api/teams';
import { useMessages } from '../../app/i18n';
import { DateTimeText } from '../../components/DateTimeText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { recognitionMessages } from './messages';
import { STATE_COLORS } from './status';
import './recognition.css';

type Criterion = RecordDetail['criteria'][number];
interface Draft {
  met: boolean | null;
  value: number | null;
  occurredEvents: number[];
  note: string;
}

function draftsOf(record: RecordDetail): Record<number, Draft> {
  return Object.fromEntries(
    record.answers.map((answer) => [
      answer.criterionId,
      {
        met: answer.met,
        value: answer.value,
        occurredEvents: [...answer.occurredEvents],
        note: answer.note ?? '',
      },
    ]),
  );
}

const FILE_TYPES = '.jpg,.jpeg,.png,.webp,.pdf,.doc,.docx,.xls,.xlsx';

/** Links a criterion to the unit's teams and models in the registries. */
function RegistryLinkSelect({
  record,
  code,
  onPick,
}: {
  record: RecordDetail;
  code: string;
  onPick: (link: { kind: 'team' | 'model'; id: number; name: string }) => void;
}) {
  const m = useMessages(recognitionMessages);
  const [open, setOpen] = useState(false);
  const teams = useQuery({ ...teamQueries.list({ unit: record.unit.id, pageSize: 100 }), enabled: open });
  const models = useQuery({ ...modelQueries.list({ unit: record.unit.id, pageSize: 100 }), enabled: open });
  return (
    <Select
      className="recognition-evidence__link"
      aria-label={`${m.linkEvidence} tiêu chí ${code}`}
      placeholder={m.linkEvidence}
      value={null}
      showSearch
      optionFilterProp="label"
      onOpenChange={(next) => next && setOpen(true)}
      loading={teams.isFetching || models.isFetching}
      onChange={(value: string | null) => {
        if (!value) return;
        const [kind, id] = value.split(':') as ['team' | 'model', string];
        const source = kind === 'team' ? teams.data?.items : models.data?.items;
        const name = source?.find((item) => item.id === Number(id))?.name ?? '';
        onPick({ kind, id: Number(id), name });
      }}
      options={[
        {
          label: m.linkTeams,
          options: (teams.data?.items ?? []).map((team) => ({ value: `team:${team.id}`, label: team.name })),
        },
        {
          label: m.linkModels,
          options: (models.data?.items ?? []).map((model) => ({
            value: `model:${model.id}`,
            label: model.name,
          })),
        },
      ]}
    />
  );
}

export default function RecordPage() {
  const m = useMessages(recognitionMessages);
  const id = Number(useParams().id);
  const client = useQueryClient();
  const query = useQuery(recognitionQueries.record(id));
  const record = query.data;
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const [comments, setComments] = useState<Record<number, string>>({});
  const [evidenceText, setEvidenceText] = useState<Record<number, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<ApiError | null>(null);
  const [minutesFile, setMinutesFile] = useState<RecordDetail['minutesFile']>(null);
  const [meetingForm] = Form.useForm();
  const [decisionForm] = Form.useForm();
  const [reopenForm] = Form.useForm();

  // Saved answers and meeting replace what is on screen only when they changed on the server: adding evidence
  // must not wipe answers being typed.
  const answersKey = record ? JSON.stringify([record.status, record.answers]) : '';
  const meetingKey = record
    ? JSON.stringify([
        record.meetingDate,
        record.meetingChair,
        record.meetingAttendees,
        record.meetingMinutes,
        record.minutesFile?.id,
      ])
    : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the saved answers, not on the whole record.
  useEffect(() => {
    if (record) setDrafts(draftsOf(record));
  }, [answersKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the saved meeting record.
  useEffect(() => {
    if (!record) return;
    meetingForm.setFieldsValue({
      meetingDate: record.meetingDate ? dayjs(record.meetingDate) : undefined,
      meetingChair: record.meetingChair ?? '',
      meetingAttendees: record.meetingAttendees ?? undefined,
      meetingMinutes: record.meetingMinutes ?? '',
    });
    setMinutesFile(record.minutesFile);
  }, [meetingKey]);
  useEffect(() => {
    if (record) document.title = `${m.recordTitle(record.unit.fullName, record.year)} — ANTQ`;
  }, [record, m]);

  const act = useMutation({
    mutationFn: (input: { action: string; body?: unknown; method?: 'POST' | 'PUT' | 'DELETE' }) =>
      recordAction(id, input.action, input.body, input.method ?? 'POST'),
    onSuccess: (next) => {
      client.setQueryData(recognitionQueries.record(id).queryKey, next);
      void client.invalidateQueries({ queryKey: ['recognition', 'units'] });
      void client.invalidateQueries({ queryKey: ['recognition', 'dashboard'] });
      setNotice(m.saved);
    },
    onError: (error: ApiError) => {
      setNotice(null);
      if (error.field) {
        for (const form of [meetingForm, decisionForm, reopenForm]) {
          if (form.getFieldInstance?.(error.field))
            form.setFields([{ name: error.field, errors: [error.message] }]);
        }
      }
    },
  });

  /** Stores the file on the record (attachments module), then hands it to `then` (evidence or the minutes). */
  const uploadFile = (
    key: string,
    file: File,
    then: (created: RecordDetail['attachments'][number]) => void,
  ) => {
    setUploading(key);
    setUploadError(null);
    uploadAttachment('recognition_record', id, file).then(
      (created) => {
        setUploading(null);
        then(created);
        void client.invalidateQueries({ queryKey: recognitionQueries.record(id).queryKey });
      },
      (error: ApiError) => {
        setUploading(null);
        setUploadError(error);
      },
    );
  };

  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!record) return <PageLoading />;

  const setDraft = (criterionId: number, patch: Partial<Draft>) =>
    setDrafts((previous) => ({
      ...previous,
      [criterionId]: {
        met: null,
        value: null,
        occurredEvents: [],
        note: '',
        ...previous[criterionId],
        ...patch,
      },
    }));
  const answerOf = (criterionId: number) =>
    record.answers.find((answer) => answer.criterionId === criterionId);
  const editing = record.can.edit;

  const saveAnswers = () =>
    act.mutate({
      action: 'answers',
      method: 'PUT',
      body: {
        answers: record.criteria
          .filter((criterion) => criterion.kind !== 'computed')
          .map((criterion) => {
            const draft = drafts[criterion.id];
            return {
              criterionId: criterion.id,
              met: draft?.met ?? null,
              value: draft?.value ?? null,
              occurredEvents: draft?.occurredEvents ?? [],
              note: draft?.note ? draft.note : null,
            };
          }),
      },
    });

  const stateTag = (criterion: Criterion) => {
    const state = answerOf(criterion.id)?.state ?? 'unanswered';
    const color = state === 'met' ? 'green' : state === 'not_met' ? 'red' : 'default';
    return <Tag color={color}>{state === 'met' ? m.met : state === 'not_met' ? m.notMet : m.unanswered}</Tag>;
  };

  const control = (criterion: Criterion) => {
    const draft = drafts[criterion.id];
    switch (criterion.kind) {
      case 'yes_no':
        return (
          <Radio.Group
            disabled={!editing}
            value={draft?.met ?? null}
            onChange={(event) => setDraft(criterion.id, { met: event.target.value as boolean })}
            options={[
              { value: true, label: m.met },
              { value: false, label: m.notMet },
            ]}
            aria-label={`Tiêu chí ${criterion.code}`}
          />
        );
      case 'number_threshold':
        return (
          <Space wrap>
            <span>{criterion.threshold?.label}</span>
            <InputNumber
              disabled={!editing}
              min={0}
              decimalSeparator=","
              value={draft?.value ?? null}
              onChange={(value) => setDraft(criterion.id, { value: value === null ? null : Number(value) })}
              addonAfter={criterion.threshold?.unit}
              aria-label={criterion.threshold?.label ?? criterion.code}
            />
            {criterion.threshold && (
              <span className="muted">
                {m.threshold(
                  criterion.threshold.comparator,
                  formatDecimal(criterion.threshold.value),
                  criterion.threshold.unit,
                )}
              </span>
            )}
          </Space>
        );
      case 'no_events':
        return (
          <div>
            <Checkbox
              disabled={!editing}
              checked={draft?.met === true && (draft?.occurredEvents.length ?? 0) === 0}
              onChange={(event) =>
                setDraft(criterion.id, { met: event.target.checked ? true : null, occurredEvents: [] })
              }
            >
              {m.noneOccurred}
            </Checkbox>
            <div className="muted recognition-events-label">{m.occurred}</div>
            <Checkbox.Group
              disabled={!editing}
              className="recognition-events"
              value={draft?.occurredEvents ?? []}
              onChange={(values) =>
                setDraft(criterion.id, {
                  occurredEvents: values as number[],
                  met: (values as number[]).length > 0 ? false : null,
                })
              }
              options={(criterion.events ?? []).map((event, index) => ({ value: index, label: event }))}
            />
          </div>
        );
      case 'computed':
        return (
          <div>
            <span className="muted">{m.computed}: </span>
            <strong>{answerOf(criterion.id)?.computedLabel ?? record.children?.label}</strong>
            {record.children && <span className="muted"> · {record.children.registeredLabel}</span>}
            {record.children?.blocking && (
              <Alert type="warning" showIcon message={m.pendingChildren(record.children.pending)} />
            )}
          </div>
        );
    }
  };

  const evidenceOf = (criterionId: number) =>
    record.evidence.filter((entry) => entry.criterionId === criterionId);

  return (
    <div className="page recognition-record">
      <Link to={`/an-toan-antt?nam=${record.year}`}>← {m.back}</Link>
      <header className="page-header">
        <div>
          <h1 className="page-header__title">{m.recordTitle(record.unit.fullName, record.year)}</h1>
          <Space wrap>
            <Tag color={STATE_COLORS[record.status]}>{m.states[record.status]}</Tag>
            {record.unit.parentName && <span className="muted">{record.unit.parentName}</span>}
          </Space>
        </div>
        {record.can.certificate && (
          <a href={`/api/recognition/records/${record.id}/certificate`} download>
            <Button type="primary">{m.certificate}</Button>
          </a>
        )}
      </header>

      {notice && !act.isError && (
        <Alert type="success" showIcon closable message={notice} onClose={() => setNotice(null)} />
      )}
      {act.isError && <ErrorAlert error={act.error} />}
      {uploadError && <ErrorAlert error={uploadError} />}
      {record.status === 'returned' && (
        <Alert
          type="warning"
          showIcon
          message={m.returnedAlert}
          description={record.reviewComment ?? undefined}
        />
      )}
      {record.judgement.disqualified && <Alert type="error" showIcon message={m.disqualified} />}
      {record.decisionNumber &&
        record.decisionDate &&
        (record.status === 'recognised' || record.status === 'not_recognised') && (
          <Alert
            type={record.status === 'recognised' ? 'success' : 'error'}
            showIcon
            message={m.decidedAlert(record.decisionNumber, formatDateVi(record.decisionDate))}
            description={record.reviewComment ?? undefined}
          />
        )}
      {record.reopenReason && record.status === 'submitted' && (
        <Alert type="info" showIcon message={m.reopenedAlert(record.reopenReason)} />
      )}
      {record.overdue && (
        <Alert
          type="error"
          showIcon
          message={`${record.overdue.label} (${formatDateVi(record.overdue.deadline)})`}
        />
      )}

      <Card title={m.dossier} size="small" className="recognition-card">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={m.setLabel}>{record.setLabel}</Descriptions.Item>
          <Descriptions.Item label={m.window}>
            {formatDateVi(record.cycle.windowFrom)} – {formatDateVi(record.cycle.windowTo)}
          </Descriptions.Item>
          <Descriptions.Item label={m.deadlines}>
            {formatDateVi(record.cycle.registrationDeadline)} / {formatDateVi(record.cycle.decisionDeadline)}
          </Descriptions.Item>
          <Descriptions.Item label={m.registeredOn}>{formatDateVi(record.registeredOn)}</Descriptions.Item>
          <Descriptions.Item label={m.resolutionRef}>{record.resolutionRef ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={m.planRef}>{record.planRef ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={m.registrationFormRef}>
            {record.registrationFormRef ?? '—'}
          </Descriptions.Item>
          {record.householdsTotal !== null && (
            <Descriptions.Item label={m.householdsRegistered}>
              {record.householdsRegistered ?? 0}/{record.householdsTotal}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card
        title={m.selfAssessment}
        size="small"
        className="recognition-card"
        extra={
          <Tag color={record.judgement.eligible ? 'green' : 'default'}>
            {record.judgement.eligible
              ? m.eligible
              : m.notEligible([...record.judgement.notMet, ...record.judgement.unanswered].join(', '))}
          </Tag>
        }
      >
        {record.criteria.map((criterion) => {
          const answer = answerOf(criterion.id);
          return (
            <section
              key={criterion.id}
              className={`recognition-criterion${answer?.returned ? ' recognition-criterion--returned' : ''}`}
              aria-label={`Tiêu chí ${criterion.code}`}
              data-criterion={criterion.code}
            >
              <div className="recognition-criterion__head">
                <strong>Tiêu chí {criterion.code}.</strong> <span>{criterion.text}</span>{' '}
                {stateTag(criterion)}
                {criterion.evidenceRequired && <Tag>{m.evidenceRequired}</Tag>}
                {criterion.addedByProvince && (
                  <Tag color="purple">{m.addedByProvince(criterion.addedByProvince)}</Tag>
                )}
              </div>
              {control(criterion)}
              {answer?.reviewerComment && (
                <Alert
                  className="recognition-comment"
                  type={answer.returned ? 'warning' : 'info'}
                  showIcon
                  message={`${m.reviewerComment}: ${answer.reviewerComment}`}
                />
              )}
              {criterion.kind !== 'computed' && (editing || drafts[criterion.id]?.note) && (
                <Input.TextArea
                  className="recognition-note-input"
                  disabled={!editing}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  placeholder={m.note}
                  aria-label={`${m.note} tiêu chí ${criterion.code}`}
                  value={drafts[criterion.id]?.note ?? ''}
                  onChange={(event) => setDraft(criterion.id, { note: event.target.value })}
                />
              )}
              {criterion.kind !== 'computed' && (
                <div className="recognition-evidence">
                  <span className="muted">{m.evidence}: </span>
                  {!editing && evidenceOf(criterion.id).length === 0 && <span className="muted">—</span>}
                  {evidenceOf(criterion.id).map((entry) => (
                    <Tag
                      key={entry.id}
                      closable={editing}
                      icon={entry.attachment ? <PaperClipOutlined /> : undefined}
                      onClose={(event) => {
                        event.preventDefault();
                        act.mutate({ action: `evidence/${entry.id}`, method: 'DELETE' });
                      }}
                    >
                      {entry.attachment ? (
                        <a
                          href={entry.attachment.url}
                          download
                          aria-label={m.downloadFile(entry.attachment.fileName)}
                        >
                          {entry.description}
                        </a>
                      ) : entry.linkedName ? (
                        `${entry.description} — ${entry.linkedName}`
                      ) : (
                        entry.description
                      )}
                    </Tag>
                  ))}
                  {editing && (
                    <Space.Compact className="recognition-evidence__add">
                      <Input
                        placeholder={m.evidencePlaceholder}
                        aria-label={`${m.addEvidence} tiêu chí ${criterion.code}`}
                        value={evidenceText[criterion.id] ?? ''}
                        onChange={(event) =>
                          setEvidenceText((previous) => ({ ...previous, [criterion.id]: event.target.value }))
                        }
                      />
                      <Button
                        disabled={(evidenceText[criterion.id] ?? '').trim().length < 3}
                        onClick={() => {
                          act.mutate({
                            action: 'evidence',
                            body: {
                              criterionId: criterion.id,
                              kind: 'document',
                              description: evidenceText[criterion.id]!.trim(),
                            },
                          });
                          setEvidenceText((previous) => ({ ...previous, [criterion.id]: '' }));
                        }}
                      >
                        {m.addEvidence}
                      </Button>
                    </Space.Compact>
                  )}
                  {editing && (
                    <Space wrap className="recognition-evidence__more">
                      <Upload
                        accept={FILE_TYPES}
                        showUploadList={false}
                        customRequest={({ file }) =>
                          uploadFile(`criterion-${criterion.id}`, file as File, (created) =>
                            act.mutate({
                              action: 'evidence',
                              body: {
                                criterionId: criterion.id,
                                kind: 'attachment',
                                attachmentId: created.id,
                                description:
                                  created.fileName.length >= 3 ? created.fileName : `Tệp ${created.fileName}`,
                              },
                            }),
                          )
                        }
                      >
                        <Button
                          icon={<UploadOutlined />}
                          loading={uploading === `criterion-${criterion.id}`}
                          aria-label={`${m.uploadEvidence} tiêu chí ${criterion.code}`}
                          title={m.uploadEvidenceHint}
                        >
                          {m.uploadEvidence}
                        </Button>
                      </Upload>
                      <RegistryLinkSelect
                        record={record}
                        code={criterion.code}
                        onPick={(link) =>
                          act.mutate({
                            action: 'evidence',
                            body: {
                              criterionId: criterion.id,
                              kind: link.kind,
                              ...(link.kind === 'team' ? { teamId: link.id } : { modelId: link.id }),
                              description:
                                link.kind === 'team' ? m.linkTeam(link.name) : m.linkModel(link.name),
                            },
                          })
                        }
                      />
                    </Space>
                  )}
                </div>
              )}
              {record.can.review && criterion.kind !== 'computed' && (
                <Input.TextArea
                  className="recognition-review-input"
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  placeholder={m.returnComment}
                  aria-label={`${m.returnComment} ${criterion.code}`}
                  value={comments[criterion.id] ?? ''}
                  onChange={(event) =>
                    setComments((previous) => ({ ...previous, [criterion.id]: event.target.value }))
                  }
                />
              )}
            </section>
          );
        })}
        {editing && (
          <Button type="primary" onClick={saveAnswers} loading={act.isPending}>
            {m.saveAnswers}
          </Button>
        )}
      </Card>

      <Card title={m.meeting} size="small" className="recognition-card">
        <Form
          form={meetingForm}
          name="meeting"
          layout="vertical"
          disabled={!editing}
          onFinish={(values) =>
            act.mutate({
              action: 'meeting',
              method: 'PUT',
              body: {
                meetingDate: (values.meetingDate as dayjs.Dayjs).format('YYYY-MM-DD'),
                meetingChair: values.meetingChair,
                meetingAttendees: values.meetingAttendees,
                meetingMinutes: values.meetingMinutes?.trim() ? values.meetingMinutes : null,
                minutesAttachmentId: minutesFile?.id ?? null,
              },
            })
          }
        >
          <Space wrap>
            <Form.Item name="meetingDate" label={m.meetingDate} rules={[{ required: true }]}>
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item name="meetingChair" label={m.meetingChair} rules={[{ required: true, min: 2 }]}>
              <Input maxLength={150} />
            </Form.Item>
            <Form.Item name="meetingAttendees" label={m.meetingAttendees} rules={[{ required: true }]}>
              <InputNumber min={1} />
            </Form.Item>
          </Space>
          <Form.Item
            name="meetingMinutes"
            label={m.meetingMinutes}
            extra={editing ? m.minutesHint : undefined}
            rules={[{ min: 10 }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10000} />
          </Form.Item>
          <Form.Item label={m.minutesFile}>
            <Space wrap>
              {minutesFile ? (
                <Tag
                  icon={<PaperClipOutlined />}
                  closable={editing}
                  onClose={(event) => {
                    event.preventDefault();
                    setMinutesFile(null);
                  }}
                  closeIcon={editing ? undefined : false}
                >
                  <a href={minutesFile.url} download aria-label={m.downloadFile(minutesFile.fileName)}>
                    {minutesFile.fileName}
                  </a>
                </Tag>
              ) : (
                !editing && <span className="muted">—</span>
              )}
              {editing && (
                <Upload
                  accept={FILE_TYPES}
                  showUploadList={false}
                  customRequest={({ file }) => uploadFile('minutes', file as File, setMinutesFile)}
                >
                  <Button icon={<UploadOutlined />} loading={uploading === 'minutes'}>
                    {m.uploadMinutes}
                  </Button>
                </Upload>
              )}
            </Space>
          </Form.Item>
          {editing && (
            <Space wrap>
              <Button htmlType="submit">{m.save}</Button>
              <Button type="primary" onClick={() => act.mutate({ action: 'submit' })} loading={act.isPending}>
                {m.submit}
              </Button>
            </Space>
          )}
        </Form>
      </Card>

      <Card title={m.files} size="small" className="recognition-card">
        <Typography.Paragraph type="secondary">{m.filesHint}</Typography.Paragraph>
        <AttachmentsPanel
          entityType="recognition_record"
          entityId={record.id}
          attachments={record.attachments}
          canWrite={editing}
          refreshKey={recognitionQueries.record(id).queryKey}
        />
      </Card>

      {(record.can.review || record.can.decide) && (
        <Card title={m.review} size="small" className="recognition-card">
          <Typography.Paragraph type="secondary">{m.returnHint}</Typography.Paragraph>
          <Form
            name="review"
            layout="vertical"
            onFinish={(values) =>
              act.mutate({
                action: 'return',
                body: {
                  comment: values.comment || null,
                  criteria: Object.entries(comments)
                    .filter(([, text]) => text.trim().length > 0)
                    .map(([criterionId, text]) => ({
                      criterionId: Number(criterionId),
                      comment: text.trim(),
                    })),
                },
              })
            }
          >
            <Form.Item name="comment" label={m.generalComment}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
            <Button htmlType="submit" danger>
              {m.returnRecord}
            </Button>
          </Form>
          {record.can.decide && (
            <Form
              form={decisionForm}
              name="decision"
              layout="vertical"
              className="recognition-decision"
              initialValues={{
                outcome: 'recognised',
                decisionDate: dayjs(todayInVietnam()),
                decisionSignerTitle: 'Chủ tịch',
              }}
              onFinish={(values) =>
                act.mutate({
                  action: 'decide',
                  body: {
                    outcome: values.outcome,
                    comment: values.comment || null,
                    decisionNumber: values.decisionNumber,
                    decisionDate: (values.decisionDate as dayjs.Dayjs).format('YYYY-MM-DD'),
                    decisionSigner: values.decisionSigner,
                    decisionSignerTitle: values.decisionSignerTitle,
                  },
                })
              }
            >
              <Typography.Title level={5}>{m.decide}</Typography.Title>
              <Form.Item name="outcome" label={m.outcome}>
                <Radio.Group
                  options={[
                    { value: 'recognised', label: m.recognise },
                    { value: 'not_recognised', label: m.notRecognise },
                  ]}
                />
              </Form.Item>
              <Space wrap>
                <Form.Item name="decisionNumber" label={m.decisionNumber} rules={[{ required: true }]}>
                  <Input maxLength={50} placeholder="125/QĐ-UBND" />
                </Form.Item>
                <Form.Item name="decisionDate" label={m.decisionDate} rules={[{ required: true }]}>
                  <DatePicker format="DD/MM/YYYY" />
                </Form.Item>
                <Form.Item
                  name="decisionSigner"
                  label={m.decisionSigner}
                  rules={[{ required: true, min: 2 }]}
                >
                  <Input maxLength={150} />
                </Form.Item>
                <Form.Item name="decisionSignerTitle" label={m.decisionSignerTitle}>
                  <Input maxLength={100} />
                </Form.Item>
              </Space>
              <Form.Item name="comment" label={m.generalComment}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={act.isPending}>
                {m.decide}
              </Button>
            </Form>
          )}
        </Card>
      )}

      {record.can.reopen && (
        <Card title={m.reopen} size="small" className="recognition-card">
          <Form
            form={reopenForm}
            name="reopen"
            layout="vertical"
            onFinish={(values) => act.mutate({ action: 'reopen', body: { reason: values.reason } })}
          >
            <Form.Item name="reason" label={m.reopenReason} rules={[{ required: true, min: 10 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
            <Button htmlType="submit">{m.reopen}</Button>
          </Form>
        </Card>
      )}

      <Card title={m.history} size="small" className="recognition-card">
        <Timeline
          items={record.history.map((event) => ({
            key: event.id,
            children: (
              <span>
                <DateTimeText value={event.at} /> · {event.actorUsername ?? ''} ·{' '}
                {m.actions[event.action] ?? event.action}
              </span>
            ),
          }))}
        />
      </Card>
    </div>
  );
}
