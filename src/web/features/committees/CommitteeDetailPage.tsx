/**
 * One steering committee: its founding decision and members (kept in the teams registry), its meetings with agenda,
 * the minutes (a text summary, and the signed minutes and photos as attachments), the conclusions they assigned,
 * tracked like programme tasks; a meeting is edited, or cancelled with its reason.
 */
import {
  ArrowLeftOutlined,
  CloseCircleOutlined,
  EditOutlined,
  MinusCircleOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { MeetingBody } from '../../../contracts/committees';
import { todayInVietnam } from '../../../domain/dates';
import {
  addMeeting,
  type CommitteeDetail,
  cancelMeeting,
  type MeetingItem,
  programmeQueries,
  updateMeeting,
} from '../../api/programmes';
import { PageMessage } from '../../app/ErrorPages';
import { useMessages, useT } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { programmeMessages } from '../programmes/messages';
import { TaskTable } from '../programmes/TaskTable';
import '../programmes/programmes.css';

type MeetingFields = Pick<MeetingBody, 'heldOn' | 'title' | 'agenda' | 'chairedBy' | 'minutes'>;

/** Editing a meeting's date, title, agenda, chair and minutes summary, or cancelling it with a reason. */
function MeetingDialog({
  meeting,
  mode,
  onClose,
  onSaved,
}: {
  meeting: MeetingItem | undefined;
  mode: 'edit' | 'cancel';
  onClose: () => void;
  onSaved: (detail: CommitteeDetail) => void;
}) {
  const t = useT();
  const m = useMessages(programmeMessages);
  const [form] = Form.useForm<MeetingFields & { reason: string }>();
  const [problem, setProblem] = useState<string>();
  const save = useMutation({
    mutationFn: (values: MeetingFields & { reason: string }) =>
      mode === 'cancel'
        ? cancelMeeting(meeting!.id, { reason: values.reason })
        : updateMeeting(meeting!.id, {
            heldOn: values.heldOn,
            title: values.title,
            agenda: values.agenda,
            chairedBy: values.chairedBy?.trim() || null,
            minutes: values.minutes?.trim() || null,
          }),
    onSuccess: onSaved,
    onError: (error) => {
      if (!showOnField(form, error, ['heldOn', 'title', 'agenda', 'chairedBy', 'minutes', 'reason']))
        setProblem(errorText(t, error));
    },
  });
  return (
    <Modal
      open={meeting !== undefined}
      title={mode === 'cancel' ? m.cancelMeetingTitle : m.editMeetingTitle}
      okText={mode === 'cancel' ? m.cancelMeeting : m.save}
      okButtonProps={{ danger: mode === 'cancel' }}
      cancelText={m.cancel}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={mode === 'cancel' ? 520 : 640}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} className="programme-alert" />}
      <Form<MeetingFields & { reason: string }>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={
          meeting && mode === 'edit'
            ? {
                heldOn: meeting.heldOn,
                title: meeting.title,
                agenda: meeting.agenda,
                chairedBy: meeting.chairedBy,
                minutes: meeting.minutes,
              }
            : {}
        }
        onFinish={(values) => {
          setProblem(undefined);
          save.mutate(values);
        }}
      >
        {mode === 'cancel' ? (
          <>
            <Alert type="warning" showIcon title={m.cancelMeetingHint} className="programme-alert" />
            <Form.Item
              name="reason"
              label={m.cancelReason}
              rules={[{ required: true, whitespace: true, message: m.required }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="heldOn" label={m.meetingDate} rules={[{ required: true, message: m.required }]}>
              <IsoDatePicker />
            </Form.Item>
            <Form.Item
              name="title"
              label={m.meetingTitle}
              rules={[{ required: true, whitespace: true, message: m.required }]}
            >
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item
              name="agenda"
              label={m.agenda}
              rules={[{ required: true, whitespace: true, message: m.required }]}
            >
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
            <Form.Item name="chairedBy" label={m.chairedBy}>
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item name="minutes" label={m.minutes} extra={m.minutesHint}>
              <Input.TextArea rows={4} maxLength={20000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

export default function CommitteeDetailPage() {
  const t = useT();
  const m = useMessages(programmeMessages);
  const client = useQueryClient();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const committee = useQuery({ ...programmeQueries.committee(id), enabled: valid });
  const [adding, setAdding] = useState(false);
  const [changing, setChanging] = useState<{ meeting: MeetingItem; mode: 'edit' | 'cancel' }>();
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm<MeetingBody>();
  const save = useMutation({
    mutationFn: (values: MeetingBody) => addMeeting(id, values),
    onSuccess: (detail) => {
      client.setQueryData(programmeQueries.committee(id).queryKey, detail);
      void client.invalidateQueries({ queryKey: ['committees', 'list'] });
      setAdding(false);
    },
    onError: (error) => {
      if (!showOnField(form, error, ['heldOn', 'title', 'agenda', 'chairedBy', 'minutes']))
        setProblem(errorText(t, error));
    },
  });
  if (!valid) return <PageMessage title={t.errors.pageNotFound} detail={t.errors.pageNotFoundDetail} />;
  if (committee.isError) return <ErrorAlert error={committee.error} onRetry={() => committee.refetch()} />;
  if (!committee.data) return <Skeleton active />;
  const data = committee.data;
  return (
    <div className="page">
      <Link to="/ban-chi-dao">
        <ArrowLeftOutlined /> {m.committeesBack}
      </Link>
      <div className="page-header">
        <div className="page-header__main">
          <h1 className="page-header__title">{data.name}</h1>
          <p className="page-header__intro muted">{data.unit.fullName}</p>
        </div>
        {data.canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {m.addMeeting}
          </Button>
        )}
      </div>
      <Card size="small">
        <dl className="programme-facts">
          <dt>{m.established}</dt>
          <dd>
            <DateText value={data.establishedOn} />
          </dd>
          {data.decisionNumber && (
            <>
              <dt>{m.decision}</dt>
              <dd>
                {data.decisionNumber}
                {data.decisionDate && (
                  <>
                    {' '}
                    (<DateText value={data.decisionDate} />)
                  </>
                )}
              </dd>
            </>
          )}
          <dt>{m.committeeMembers}</dt>
          <dd>
            {data.members.length === 0
              ? m.none
              : data.members
                  .map((member) => {
                    const work = [member.position, member.organisation].filter(Boolean).join(', ');
                    return `${member.fullName} (${member.roleLabel}${work ? ` — ${work}` : ''})`;
                  })
                  .join('; ')}
          </dd>
        </dl>
      </Card>
      <h2 className="programme-section">{m.meetingsTitle}</h2>
      {data.meetings.length === 0 && <p className="muted">{m.noMeetings}</p>}
      {data.meetings.map((meeting) => (
        <Card
          key={meeting.id}
          size="small"
          className={meeting.cancelledOn ? 'meeting-card meeting-card--cancelled' : 'meeting-card'}
          title={
            <span>
              <DateText value={meeting.heldOn} /> · {meeting.title}
              {meeting.cancelledOn && (
                <Tag color="default" className="meeting-card__tag">
                  {m.cancelledTag}
                </Tag>
              )}
            </span>
          }
          extra={
            <Space size={4} wrap>
              {meeting.chairedBy && (
                <span className="muted">
                  {m.chairedBy}: {meeting.chairedBy}
                </span>
              )}
              {meeting.canEdit && (
                <>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setChanging({ meeting, mode: 'edit' })}
                  >
                    {m.editMeeting}
                  </Button>
                  <Button
                    size="small"
                    danger
                    icon={<CloseCircleOutlined />}
                    onClick={() => setChanging({ meeting, mode: 'cancel' })}
                  >
                    {m.cancelMeeting}
                  </Button>
                </>
              )}
            </Space>
          }
        >
          {meeting.cancelledOn && (
            <Alert
              type="warning"
              showIcon
              title={m.cancelledOn(meeting.cancelledOn, meeting.cancelReason)}
              className="programme-alert"
            />
          )}
          <p className="meeting-text">
            <strong>{m.agenda}: </strong>
            {meeting.agenda}
          </p>
          {meeting.minutes && (
            <p className="meeting-text">
              <strong>{m.minutes}: </strong>
              {meeting.minutes}
            </p>
          )}
          <section className="meeting-files" aria-label={m.minutesFiles}>
            <h3>{m.minutesFiles}</h3>
            <AttachmentsPanel
              entityType="committee_meeting"
              entityId={meeting.id}
              attachments={meeting.attachments}
              canWrite={meeting.canEdit}
              refreshKey={programmeQueries.committee(id).queryKey}
            />
          </section>
          <h3>{m.conclusionsTitle}</h3>
          <TaskTable tasks={meeting.conclusions} refresh={['committees']} />
        </Card>
      ))}
      <MeetingDialog
        meeting={changing?.meeting}
        mode={changing?.mode ?? 'edit'}
        onClose={() => setChanging(undefined)}
        onSaved={(detail) => {
          client.setQueryData(programmeQueries.committee(id).queryKey, detail);
          void client.invalidateQueries({ queryKey: ['committees', 'list'] });
          setChanging(undefined);
        }}
      />
      <Modal
        open={adding}
        title={m.addMeeting}
        okText={m.save}
        cancelText={m.cancel}
        confirmLoading={save.isPending}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        width={640}
        destroyOnHidden
      >
        {problem && <Alert type="error" showIcon title={problem} />}
        <Form<MeetingBody>
          form={form}
          layout="vertical"
          requiredMark="optional"
          initialValues={{ heldOn: todayInVietnam(), conclusions: [] }}
          onFinish={(values) => {
            setProblem(undefined);
            save.mutate({
              ...values,
              chairedBy: values.chairedBy?.trim() || null,
              minutes: values.minutes?.trim() || null,
              conclusions: (values.conclusions ?? []).map((task) => ({ ...task, dueOn: task.dueOn ?? null })),
            });
          }}
        >
          <Form.Item name="heldOn" label={m.meetingDate} rules={[{ required: true, message: m.required }]}>
            <IsoDatePicker />
          </Form.Item>
          <Form.Item
            name="title"
            label={m.meetingTitle}
            rules={[{ required: true, whitespace: true, message: m.required }]}
          >
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item
            name="agenda"
            label={m.agenda}
            rules={[{ required: true, whitespace: true, message: m.required }]}
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item name="chairedBy" label={m.chairedBy}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="minutes" label={m.minutes} extra={m.minutesHint}>
            <Input.TextArea rows={4} maxLength={20000} />
          </Form.Item>
          <Form.List name="conclusions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="start" wrap>
                    <Form.Item
                      name={[field.name, 'title']}
                      rules={[{ required: true, whitespace: true, message: m.required }]}
                    >
                      <Input placeholder={m.taskTitle} maxLength={500} style={{ width: 240 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'ownerOrganisation']}
                      rules={[{ required: true, whitespace: true, message: m.required }]}
                    >
                      <Input placeholder={m.taskOwner} maxLength={200} style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'dueOn']}>
                      <IsoDatePicker noFuture={false} placeholder={m.taskDue} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label="Xóa"
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                  {m.addConclusion}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </div>
  );
}
