/**
 * Recording an activity and editing it. The parts of the form follow the kind: a festival day has its ceremony and
 * festival parts, the pilot flag with the level that chose it, and the gifts; a class has its learners by group.
 * When the server finds the participant figure unusual (above the population, or many times the unit's earlier
 * figures) it refuses with 409; the page then shows why and asks for a reason, and sends the activity again with
 * that confirmation, which the server keeps.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Divider, Drawer, Form, Grid, Input, Modal, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  LEARNER_GROUPS,
  type LearnerGroup,
  ORGANISERS,
  type Organiser,
  PILOT_LEVELS,
  type PilotLevel,
} from '../../../domain/activities';
import {
  type ActivityDetail,
  type ActivityItem,
  activityQueries,
  type CreateActivityBody,
  checkPlausibility,
  createActivity,
  type PlausibilityCheckResult,
  type UpdateActivityBody,
  updateActivity,
} from '../../api/activities';
import { ApiError } from '../../api/client';
import { documentQueries } from '../../api/documents';
import { useCurrentUser } from '../../app/auth/session';
import { useMessages, useT } from '../../app/i18n';
import { CountInput } from '../../components/CountInput';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { UnitPicker } from '../../components/UnitPicker';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { IsoDatePicker } from '../registry/IsoDatePicker';
import { registryMessages } from '../registry/messages';
import { activitiesMessages } from './messages';

interface Values {
  kindId: number;
  title: string;
  unitId: number;
  startsOn: string;
  endsOn?: string | null;
  organisers?: Organiser[];
  organiserOther?: string;
  participants?: number | null;
  ceremonyHeld?: boolean;
  festivalHeld?: boolean;
  pilot?: boolean;
  pilotChosenBy?: PilotLevel | null;
  giftsCount?: number | null;
  giftsValueVnd?: number | null;
  learners?: Array<{ group?: LearnerGroup; count?: number | null } | undefined>;
  planDocumentId?: number | null;
  planText?: string;
  notes?: string;
}

const SERVER_FIELDS = [
  'kindId',
  'title',
  'unitId',
  'startsOn',
  'endsOn',
  'organisers',
  'organiserOther',
  'participants',
  'learners',
  'planDocumentId',
  'planText',
  'notes',
] as const;

const CONFIRMATION_CODE = 'activities.figure_unconfirmed';
const text = (value: string | undefined | null) => value?.trim() || null;

type Body = Omit<CreateActivityBody, 'confirmation'>;

function bodyOf(values: Values, trait: string | undefined): Body {
  const organisers = values.organisers ?? [];
  return {
    kindId: values.kindId,
    title: values.title.trim(),
    unitId: values.unitId,
    startsOn: values.startsOn,
    endsOn: values.endsOn ?? null,
    organisers,
    organiserOther: organisers.includes('other') ? text(values.organiserOther) : null,
    participants: values.participants ?? null,
    learners:
      trait === 'class'
        ? (values.learners ?? []).flatMap((row) =>
            row?.group && typeof row.count === 'number' ? [{ group: row.group, count: row.count }] : [],
          )
        : [],
    festival:
      trait === 'festival'
        ? {
            ceremonyHeld: values.ceremonyHeld ?? false,
            festivalHeld: values.festivalHeld ?? false,
            pilot: values.pilot ?? false,
            pilotChosenBy: values.pilot ? (values.pilotChosenBy ?? null) : null,
            giftsCount: values.giftsCount ?? null,
            giftsValueVnd: values.giftsValueVnd ?? null,
          }
        : null,
    planDocumentId: values.planDocumentId ?? null,
    planText: text(values.planText),
    notes: text(values.notes),
  };
}

function valuesOf(activity: ActivityItem): Values {
  return {
    kindId: activity.kind.id,
    title: activity.title,
    unitId: activity.unit.id,
    startsOn: activity.startsOn,
    endsOn: activity.endsOn,
    organisers: activity.organisers,
    organiserOther: activity.organiserOther ?? '',
    participants: activity.participants,
    ceremonyHeld: activity.festival?.ceremonyHeld ?? false,
    festivalHeld: activity.festival?.festivalHeld ?? false,
    pilot: activity.festival?.pilot ?? false,
    pilotChosenBy: activity.festival?.pilotChosenBy ?? null,
    giftsCount: activity.festival?.giftsCount ?? null,
    giftsValueVnd: activity.festival?.giftsValueVnd ?? null,
    learners: activity.learners.map((row) => ({ group: row.group, count: row.count })),
    planDocumentId: activity.plan?.id ?? null,
    planText: activity.planText ?? '',
    notes: activity.notes ?? '',
  };
}

function changesOf(activity: ActivityItem, body: Body): UpdateActivityBody {
  const before = bodyOf(valuesOf(activity), activity.kind.trait) as unknown as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) changes[key] = value;
  }
  return changes as UpdateActivityBody;
}

interface Pending {
  body: Body;
  check: PlausibilityCheckResult | undefined;
  message: string;
}

export function ActivityFormDrawer({
  open,
  activity,
  onClose,
  onSaved,
}: {
  open: boolean;
  activity: ActivityItem | undefined;
  onClose: () => void;
  onSaved: (activity: ActivityItem | ActivityDetail) => void;
}) {
  const t = useT();
  const m = useMessages(activitiesMessages);
  const r = useMessages(registryMessages).list;
  const me = useCurrentUser();
  const wide = Grid.useBreakpoint().sm ?? true;
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string>();
  const [pending, setPending] = useState<Pending>();
  const kinds = useQuery(activityQueries.kinds());
  const kindId = Form.useWatch('kindId', form);
  const organisers = Form.useWatch('organisers', form);
  const pilot = Form.useWatch('pilot', form);
  const trait = kinds.data?.items.find((item) => item.id === kindId)?.trait;

  const [planSearch, setPlanSearch] = useState('');
  const planQuery = useDebouncedValue(planSearch.trim(), 300);
  const plans = useQuery({
    ...documentQueries.list({ q: planQuery, pageSize: 20 }),
    enabled: open && planQuery.length >= 2,
  });
  const planOptions = useMemo(() => {
    const options = (planQuery.length >= 2 ? (plans.data?.items ?? []) : []).map((item) => ({
      value: item.id,
      label: `${item.kindLabel} ${item.number} — ${item.title}`,
    }));
    const chosen = activity?.plan;
    if (chosen && !options.some((option) => option.value === chosen.id)) {
      options.unshift({ value: chosen.id, label: `${chosen.kindLabel} ${chosen.number} — ${chosen.title}` });
    }
    return options;
  }, [planQuery, plans.data, activity]);

  useEffect(() => {
    if (!open) return;
    setProblem(undefined);
    setPending(undefined);
    setPlanSearch('');
    form.resetFields();
    if (activity) form.setFieldsValue(valuesOf(activity));
  }, [open, activity, form]);

  const save = useMutation({
    mutationFn: async ({ body, reason }: { body: Body; reason?: string }) => {
      const confirmation = reason ? { confirmation: { reason } } : {};
      if (!activity) return createActivity({ ...body, ...confirmation });
      const changes = changesOf(activity, body);
      return Object.keys(changes).length > 0
        ? updateActivity(activity.id, { ...changes, ...confirmation })
        : activity;
    },
    onSuccess: (saved) => {
      setPending(undefined);
      onSaved(saved);
    },
    onError: async (error, { body, reason }) => {
      if (error instanceof ApiError && error.code === CONFIRMATION_CODE && !reason) {
        const check = await checkPlausibility({
          kindId: body.kindId,
          unitId: body.unitId,
          startsOn: body.startsOn,
          participants: body.participants ?? null,
          ...(activity ? { activityId: activity.id } : {}),
        }).catch(() => undefined);
        setPending({ body, check, message: error.message });
        return;
      }
      setPending(undefined);
      if (!showOnField(form, error, SERVER_FIELDS)) setProblem(errorText(t, error));
    },
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={activity ? m.form.editTitle(activity.title) : m.form.createTitle}
      size={wide ? 640 : '100%'}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {activity ? r.save : r.create}
          </Button>
          <Button onClick={onClose}>{r.cancel}</Button>
        </Space>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} className="registry-import__alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={(values) => {
          setProblem(undefined);
          save.mutate({ body: bodyOf(values, trait) });
        }}
        initialValues={{ organisers: ['police'], learners: [], unitId: me.unit?.id }}
      >
        <Form.Item
          name="kindId"
          label={m.form.kind}
          rules={[{ required: true, message: m.form.kindRequired }]}
        >
          <Select<number>
            loading={kinds.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(kinds.data?.items ?? [])
              .filter((item) => item.active || item.id === activity?.kind.id)
              .map((item) => ({ value: item.id, label: item.name }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={m.form.title}
          rules={[{ required: true, whitespace: true, message: m.form.titleRequired }]}
        >
          <Input maxLength={500} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={m.form.unit}
          rules={[{ required: true, message: m.form.unitRequired }]}
        >
          <UnitPicker allowNational={false} initial={activity?.unit ?? me.unit} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item
            name="startsOn"
            label={m.form.startsOn}
            rules={[{ required: true, message: m.form.startsRequired }]}
          >
            <IsoDatePicker />
          </Form.Item>
          <Form.Item name="endsOn" label={m.form.endsOn}>
            <IsoDatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="organisers" label={m.form.organisers}>
          <Select<Organiser[]>
            mode="multiple"
            allowClear
            options={ORGANISERS.map((value) => ({ value, label: m.organisers[value] }))}
          />
        </Form.Item>
        {organisers?.includes('other') && (
          <Form.Item name="organiserOther" label={m.form.organiserOther}>
            <Input maxLength={300} />
          </Form.Item>
        )}
        <Form.Item name="participants" label={m.form.participants} extra={m.form.participantsHint}>
          <CountInput max={10_000_000} />
        </Form.Item>
        {trait === 'festival' && (
          <fieldset className="activity-form__part">
            <legend>{m.form.festival}</legend>
            <Space wrap>
              <Form.Item name="ceremonyHeld" valuePropName="checked" noStyle>
                <Checkbox>{m.form.ceremony}</Checkbox>
              </Form.Item>
              <Form.Item name="festivalHeld" valuePropName="checked" noStyle>
                <Checkbox>{m.form.festivalPart}</Checkbox>
              </Form.Item>
              <Form.Item name="pilot" valuePropName="checked" noStyle>
                <Checkbox>{m.form.pilot}</Checkbox>
              </Form.Item>
            </Space>
            {pilot && (
              <Form.Item name="pilotChosenBy" label={m.form.pilotChosenBy} className="activity-form__gap">
                <Select<PilotLevel>
                  allowClear
                  style={{ maxWidth: 320 }}
                  options={PILOT_LEVELS.map((value) => ({ value, label: m.pilotLevels[value] }))}
                />
              </Form.Item>
            )}
            <Space wrap align="start">
              <Form.Item name="giftsCount" label={m.form.giftsCount}>
                <CountInput max={10_000_000} width={140} />
              </Form.Item>
              <Form.Item name="giftsValueVnd" label={m.form.giftsValue}>
                <CountInput max={1_000_000_000_000} suffix="đ" width={220} />
              </Form.Item>
            </Space>
          </fieldset>
        )}
        {trait === 'class' && (
          <Form.List name="learners">
            {(fields, { add, remove }) => (
              <Form.Item label={m.form.learners}>
                {fields.map((field) => (
                  <Space.Compact key={field.key} block style={{ marginBottom: 8 }}>
                    <Form.Item name={[field.name, 'group']} noStyle>
                      <Select<LearnerGroup>
                        aria-label={m.form.learnerGroup}
                        placeholder={m.form.learnerGroup}
                        style={{ width: '70%' }}
                        options={LEARNER_GROUPS.map((value) => ({ value, label: m.learnerGroups[value] }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'count']} noStyle>
                      <CountInput max={10_000_000} ariaLabel={m.form.learnerCount} width={120} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={m.form.removeLearners}
                      onClick={() => remove(field.name)}
                    />
                  </Space.Compact>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {m.form.addLearners}
                </Button>
              </Form.Item>
            )}
          </Form.List>
        )}
        <Divider className="activity-form__divider" />
        <Form.Item name="planDocumentId" label={m.form.plan} extra={m.form.planHint}>
          <Select<number>
            allowClear
            showSearch={{ filterOption: false, onSearch: setPlanSearch }}
            loading={plans.isFetching}
            options={planOptions}
          />
        </Form.Item>
        <Form.Item name="planText" label={m.form.planText}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="notes" label={m.form.notes}>
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
      <ConfirmFigureModal
        pending={pending}
        busy={save.isPending}
        onCancel={() => {
          setPending(undefined);
          form.scrollToField('participants', { block: 'center' });
          form.getFieldInstance('participants')?.focus?.();
        }}
        onConfirm={(reason) => pending && save.mutate({ body: pending.body, reason })}
      />
    </Drawer>
  );
}

function ConfirmFigureModal({
  pending,
  busy,
  onCancel,
  onConfirm,
}: {
  pending: Pending | undefined;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const m = useMessages(activitiesMessages).confirm;
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (pending) form.resetFields();
  }, [pending, form]);
  const warnings = pending?.check?.warnings ?? [];
  return (
    <Modal
      open={pending !== undefined}
      title={m.title}
      okText={m.ok}
      cancelText={m.back}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <p>{m.intro}</p>
      {warnings.length > 0 ? (
        <ul className="activity-confirm__warnings">
          {warnings.map((warning) => (
            <li key={warning.code}>{warning.message}</li>
          ))}
        </ul>
      ) : (
        pending && <Alert type="warning" showIcon title={pending.message} />
      )}
      {pending?.check?.population && (
        <p className="muted">{m.population(pending.check.population.value, pending.check.population.year)}</p>
      )}
      {pending?.check && pending.check.previousFigures.length > 0 && (
        <p className="muted">{m.previous(pending.check.previousFigures)}</p>
      )}
      <p>{m.question}</p>
      <Form form={form} layout="vertical" onFinish={(values) => onConfirm(values.reason.trim())}>
        <Form.Item
          name="reason"
          label={m.reason}
          rules={[{ required: true, whitespace: true, min: 5, message: m.reasonRequired }]}
        >
          <Input.TextArea
            maxLength={1000}
            autoSize={{ minRows: 2, maxRows: 4 }}
            placeholder={m.reasonPlaceholder}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
