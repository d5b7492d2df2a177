/**
 * Recording residents' feedback and editing it. The optional name and phone stand next to the purpose they are kept
 * for, and are asked only when the resident agrees: nothing else personal is recorded.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Drawer, Form, Grid, Input, Radio, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { todayInVietnam } from '../../../domain/dates';
import {
  CONTACT_PURPOSES,
  type ContactPurpose,
  FEEDBACK_CHANNELS,
  type FeedbackChannel,
} from '../../../domain/feedback';
import { activityQueries } from '../../api/activities';
import {
  type CreateFeedbackBody,
  createFeedback,
  type FeedbackDetail,
  type FeedbackItem,
  type UpdateFeedbackBody,
  updateFeedback,
} from '../../api/feedback';
import { useCurrentUser } from '../../app/auth/session';
import { useMessages, useT } from '../../app/i18n';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { UnitPicker } from '../../components/UnitPicker';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { IsoDatePicker } from '../registry/IsoDatePicker';
import { registryMessages } from '../registry/messages';
import { feedbackMessages } from './messages';

interface Values {
  unitId: number;
  receivedOn: string;
  channel: FeedbackChannel;
  activityId?: number | null;
  topic: string;
  content?: string;
  withContact?: boolean;
  contactName?: string;
  contactPhone?: string;
  contactPurpose?: ContactPurpose;
}

const SERVER_FIELDS = ['unitId', 'receivedOn', 'channel', 'activityId', 'topic', 'content'] as const;
const text = (value: string | undefined | null) => value?.trim() || null;

function bodyOf(values: Values): CreateFeedbackBody {
  return {
    unitId: values.unitId,
    receivedOn: values.receivedOn,
    channel: values.channel,
    activityId: values.activityId ?? null,
    topic: values.topic.trim(),
    content: text(values.content),
    contact: values.withContact
      ? {
          name: text(values.contactName),
          phone: text(values.contactPhone),
          purpose: values.contactPurpose ?? 'reply',
        }
      : null,
  };
}

export function FeedbackFormDrawer({
  open,
  feedback,
  initialActivity,
  onClose,
  onSaved,
}: {
  open: boolean;
  feedback: FeedbackDetail | undefined;
  initialActivity?: { id: number; title: string } | undefined;
  onClose: () => void;
  onSaved: (feedback: FeedbackItem | FeedbackDetail) => void;
}) {
  const t = useT();
  const m = useMessages(feedbackMessages);
  const r = useMessages(registryMessages).list;
  const me = useCurrentUser();
  const wide = Grid.useBreakpoint().sm ?? true;
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string>();
  const withContact = Form.useWatch('withContact', form);
  const [activityText, setActivityText] = useState('');
  const activityQuery = useDebouncedValue(activityText.trim(), 300);
  const activities = useQuery({
    ...activityQueries.list({ q: activityQuery, pageSize: 20, sort: '-startsOn' }),
    enabled: open && activityQuery.length >= 2,
  });
  const known = feedback?.activity ?? initialActivity;
  const activityOptions = useMemo(() => {
    const options = (activityQuery.length >= 2 ? (activities.data?.items ?? []) : []).map((item) => ({
      value: item.id,
      label: `${item.title} — ${item.unit.fullName}`,
    }));
    if (known && !options.some((option) => option.value === known.id)) {
      options.unshift({ value: known.id, label: known.title });
    }
    return options;
  }, [activityQuery, activities.data, known]);

  useEffect(() => {
    if (!open) return;
    setProblem(undefined);
    setActivityText('');
    form.resetFields();
    if (feedback) {
      form.setFieldsValue({
        unitId: feedback.unit.id,
        receivedOn: feedback.receivedOn,
        channel: feedback.channel,
        activityId: feedback.activity?.id ?? null,
        topic: feedback.topic,
        content: feedback.content ?? '',
        withContact: feedback.contact !== null,
        contactName: feedback.contact?.name ?? '',
        contactPhone: feedback.contact?.phone ?? '',
        contactPurpose: feedback.contactPurpose ?? 'reply',
      });
    }
  }, [open, feedback, form]);

  const save = useMutation({
    mutationFn: async (values: Values): Promise<FeedbackItem | FeedbackDetail> => {
      const body = bodyOf(values);
      if (!feedback) return createFeedback(body);
      const { unitId: _unit, ...rest } = body;
      const changes: UpdateFeedbackBody = rest;
      return updateFeedback(feedback.id, changes);
    },
    onSuccess: onSaved,
    onError: (error) => {
      if (!showOnField(form, error, SERVER_FIELDS)) setProblem(errorText(t, error));
    },
  });
  const required = [{ required: true, whitespace: true, message: m.form.required }];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={feedback ? m.form.editTitle : m.form.createTitle}
      size={wide ? 600 : '100%'}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {feedback ? r.save : r.create}
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
        initialValues={{
          unitId: me.unit?.id,
          receivedOn: todayInVietnam(),
          channel: initialActivity ? 'hearing' : 'officer',
          activityId: initialActivity?.id ?? null,
          withContact: false,
          contactPurpose: 'reply',
        }}
        onFinish={(values) => {
          setProblem(undefined);
          save.mutate(values);
        }}
      >
        <Form.Item name="unitId" label={m.form.unit} rules={[{ required: true, message: m.form.required }]}>
          <UnitPicker allowNational={false} initial={feedback?.unit ?? me.unit} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item
            name="receivedOn"
            label={m.form.receivedOn}
            rules={[{ required: true, message: m.form.required }]}
          >
            <IsoDatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="channel" label={m.form.channel}>
            <Select<FeedbackChannel>
              style={{ width: 340 }}
              options={FEEDBACK_CHANNELS.map((value) => ({ value, label: m.channels[value] }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="activityId" label={m.form.activity}>
          <Select<number>
            allowClear
            placeholder={m.form.activitySearch}
            showSearch={{ filterOption: false, onSearch: setActivityText }}
            loading={activities.isFetching}
            options={activityOptions}
          />
        </Form.Item>
        <Form.Item name="topic" label={m.form.topic} rules={required}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="content" label={m.form.content}>
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <fieldset className="feedback-contact">
          <legend>{m.form.contact}</legend>
          <p className="muted">{m.form.contactIntro}</p>
          <Form.Item name="withContact" valuePropName="checked">
            <Checkbox>{m.form.withContact}</Checkbox>
          </Form.Item>
          {withContact && (
            <>
              <Form.Item
                name="contactPurpose"
                label={m.form.purpose}
                rules={[{ required: true, message: m.form.required }]}
              >
                <Radio.Group
                  options={CONTACT_PURPOSES.map((value) => ({ value, label: m.purposes[value] }))}
                />
              </Form.Item>
              <Space wrap align="start">
                <Form.Item name="contactName" label={m.form.name}>
                  <Input maxLength={200} autoComplete="off" style={{ width: 240 }} />
                </Form.Item>
                <Form.Item name="contactPhone" label={m.form.phone}>
                  <Input maxLength={20} autoComplete="off" inputMode="tel" style={{ width: 180 }} />
                </Form.Item>
              </Space>
            </>
          )}
        </fieldset>
      </Form>
    </Drawer>
  );
}
