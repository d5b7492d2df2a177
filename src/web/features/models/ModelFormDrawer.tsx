/**
 * Recording a self-management model and editing it: kind, lead unit and joint units, start date, the exemplary
 * recognition, the camera counts of a camera model, and the model it was replicated from. The server's rules
 * (camera counts only for camera kinds, no replication loop…) come back on the field at fault.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Drawer, Form, Grid, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  createModel,
  type ModelDetail,
  type ModelItem,
  modelQueries,
  type UpdateModelBody,
  updateModel,
} from '../../api/models';
import { useCurrentUser } from '../../app/auth/session';
import { useMessages, useT } from '../../app/i18n';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { UnitPicker } from '../../components/UnitPicker';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { IsoDatePicker } from '../registry/IsoDatePicker';
import { registryMessages } from '../registry/messages';
import { modelsMessages } from './messages';

interface Values {
  name: string;
  kindId: number;
  leadUnitId: number;
  partnerUnitIds?: Array<number | null | undefined>;
  startedOn: string;
  exemplary?: boolean;
  exemplaryYear?: number | null;
  exemplaryDecision?: string;
  cameraPoints?: number | null;
  cameras?: number | null;
  replicatedFromId?: number | null;
  notes?: string;
}

const SERVER_FIELDS = [
  'name',
  'kindId',
  'leadUnitId',
  'partnerUnitIds',
  'startedOn',
  'exemplary',
  'exemplaryYear',
  'exemplaryDecision',
  'cameraPoints',
  'cameras',
  'replicatedFromId',
  'notes',
] as const;

const text = (value: string | undefined | null) => value?.trim() || null;

function bodyOf(values: Values, isCamera: boolean) {
  const exemplary = values.exemplary === true;
  return {
    name: values.name.trim(),
    kindId: values.kindId,
    leadUnitId: values.leadUnitId,
    partnerUnitIds: [
      ...new Set((values.partnerUnitIds ?? []).filter((id): id is number => typeof id === 'number')),
    ],
    startedOn: values.startedOn,
    exemplary,
    exemplaryYear: exemplary ? (values.exemplaryYear ?? null) : null,
    exemplaryDecision: exemplary ? text(values.exemplaryDecision) : null,
    cameraPoints: isCamera ? (values.cameraPoints ?? null) : null,
    cameras: isCamera ? (values.cameras ?? null) : null,
    replicatedFromId: values.replicatedFromId ?? null,
    notes: text(values.notes),
  };
}

function currentOf(model: ModelItem) {
  return {
    name: model.name,
    kindId: model.kind.id,
    leadUnitId: model.leadUnit.id,
    partnerUnitIds: model.units.filter((unit) => !unit.lead).map((unit) => unit.unit.id),
    startedOn: model.startedOn,
    exemplary: model.exemplary,
    exemplaryYear: model.exemplaryYear,
    exemplaryDecision: model.exemplaryDecision,
    cameraPoints: model.cameraPoints,
    cameras: model.cameras,
    replicatedFromId: model.replicatedFrom?.id ?? null,
    notes: model.notes,
  };
}

function changesOf(model: ModelItem, body: ReturnType<typeof bodyOf>): UpdateModelBody {
  const before = currentOf(model) as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) changes[key] = value;
  }
  return changes as UpdateModelBody;
}

export function ModelFormDrawer({
  open,
  model,
  onClose,
  onSaved,
}: {
  open: boolean;
  model: ModelItem | undefined;
  onClose: () => void;
  onSaved: (model: ModelItem | ModelDetail) => void;
}) {
  const t = useT();
  const m = useMessages(modelsMessages);
  const r = useMessages(registryMessages).list;
  const me = useCurrentUser();
  const wide = Grid.useBreakpoint().sm ?? true;
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string>();
  const kinds = useQuery(modelQueries.kinds());
  const kindId = Form.useWatch('kindId', form);
  const exemplary = Form.useWatch('exemplary', form);
  const kind = kinds.data?.items.find((item) => item.id === kindId);
  const isCamera = kind?.isCamera ?? false;

  const [sourceText, setSourceText] = useState('');
  const sourceQuery = useDebouncedValue(sourceText.trim(), 300);
  const sources = useQuery({
    ...modelQueries.list({ q: sourceQuery, pageSize: 20 }),
    enabled: open && sourceQuery.length >= 2,
  });
  const sourceOptions = useMemo(() => {
    const options = (sourceQuery.length >= 2 ? (sources.data?.items ?? []) : [])
      .filter((item) => item.id !== model?.id)
      .map((item) => ({ value: item.id, label: `${item.name} — ${item.leadUnit.fullName}` }));
    const chosen = model?.replicatedFrom;
    if (chosen && !options.some((option) => option.value === chosen.id)) {
      options.unshift({ value: chosen.id, label: chosen.name ?? m.detail.hiddenModel });
    }
    return options;
  }, [sourceQuery, sources.data, model, m]);

  useEffect(() => {
    if (!open) return;
    setProblem(undefined);
    setSourceText('');
    form.resetFields();
    if (model) {
      const current = currentOf(model);
      form.setFieldsValue({
        ...current,
        exemplaryDecision: current.exemplaryDecision ?? '',
        notes: current.notes ?? '',
      });
    }
  }, [open, model, form]);

  const save = useMutation({
    mutationFn: async (values: Values): Promise<ModelItem | ModelDetail> => {
      const body = bodyOf(values, isCamera);
      if (!model) return createModel(body);
      const changes = changesOf(model, body);
      return Object.keys(changes).length > 0 ? updateModel(model.id, changes) : model;
    },
    onSuccess: onSaved,
    onError: (error) => {
      if (!showOnField(form, error, SERVER_FIELDS)) setProblem(errorText(t, error));
    },
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={model ? m.form.editTitle(model.name) : m.form.createTitle}
      size={wide ? 560 : '100%'}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {model ? r.save : r.create}
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
          save.mutate(values);
        }}
        initialValues={{ exemplary: false, partnerUnitIds: [] }}
      >
        <Form.Item
          name="name"
          label={m.form.name}
          rules={[{ required: true, whitespace: true, message: m.form.nameRequired }]}
        >
          <Input maxLength={300} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="kindId"
          label={m.form.kind}
          rules={[{ required: true, message: m.form.kindRequired }]}
        >
          <Select<number>
            loading={kinds.isPending}
            options={(kinds.data?.items ?? [])
              .filter((item) => item.active || item.id === model?.kind.id)
              .map((item) => ({ value: item.id, label: item.name }))}
          />
        </Form.Item>
        <Form.Item
          name="leadUnitId"
          label={m.form.leadUnit}
          rules={[{ required: true, message: m.form.leadUnitRequired }]}
        >
          <UnitPicker allowNational={false} initial={model?.leadUnit ?? me.unit} />
        </Form.Item>
        <Form.List name="partnerUnitIds">
          {(fields, { add, remove }) => (
            <Form.Item label={m.form.partners}>
              {fields.map((field) => {
                const initial = model?.units.filter((unit) => !unit.lead)[field.name]?.unit;
                return (
                  <Space.Compact key={field.key} block style={{ marginBottom: 8 }}>
                    <Form.Item name={field.name} noStyle>
                      <UnitPicker allowNational={false} {...(initial ? { initial } : {})} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={m.form.removePartner}
                      onClick={() => remove(field.name)}
                    />
                  </Space.Compact>
                );
              })}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(undefined)}>
                {m.form.addPartner}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item
          name="startedOn"
          label={m.form.startedOn}
          rules={[{ required: true, message: m.form.startedRequired }]}
        >
          <IsoDatePicker />
        </Form.Item>
        {isCamera && (
          <Space wrap>
            <Form.Item
              name="cameraPoints"
              label={m.form.cameraPoints}
              rules={[{ required: true, message: m.form.cameraRequired }]}
            >
              <InputNumber min={0} max={1_000_000} precision={0} />
            </Form.Item>
            <Form.Item
              name="cameras"
              label={m.form.cameras}
              rules={[{ required: true, message: m.form.cameraRequired }]}
            >
              <InputNumber min={0} max={1_000_000} precision={0} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="exemplary" valuePropName="checked">
          <Checkbox>{m.form.exemplary}</Checkbox>
        </Form.Item>
        {exemplary && (
          <Space wrap align="start">
            <Form.Item name="exemplaryYear" label={m.form.exemplaryYear}>
              <InputNumber min={1945} max={2100} precision={0} controls={false} />
            </Form.Item>
            <Form.Item name="exemplaryDecision" label={m.form.exemplaryDecision}>
              <Input maxLength={200} style={{ width: 300 }} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="replicatedFromId" label={m.form.replicatedFrom} extra={m.form.replicatedFromHint}>
          <Select<number>
            allowClear
            showSearch={{ filterOption: false, onSearch: setSourceText }}
            loading={sources.isFetching}
            options={sourceOptions}
          />
        </Form.Item>
        <Form.Item name="notes" label={m.form.notes}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
