/**
 * Recording a coordination programme and editing it: number, title, the parties, level and signing unit (fixed
 * once recorded), signing date, phases, and the directive documents it implements, picked from the documents
 * registry (free text only for a document not in it).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Grid, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { PROGRAMME_LEVEL_LABELS, PROGRAMME_LEVELS, type ProgrammeLevel } from '../../../domain/coordination';
import {
  type CreateProgrammeBody,
  createProgramme,
  type ProgrammeDetail,
  type UpdateProgrammeBody,
  updateProgramme,
} from '../../api/programmes';
import { useCurrentUser } from '../../app/auth/session';
import { useMessages, useT } from '../../app/i18n';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { UnitPicker } from '../../components/UnitPicker';
import { DocumentSelect } from '../documents/DocumentSelect';
import { programmeMessages } from './messages';

interface Values {
  number: string;
  title: string;
  parties: string[];
  level: ProgrammeLevel;
  unitId?: number | null;
  signedOn?: string | null;
  phases: Array<{ id?: number; name: string; startsOn: string; endsOn?: string | null }>;
  documents: Array<{ documentId?: number | null; reference?: string } | undefined>;
  notes?: string;
}

const SERVER_FIELDS = [
  'number',
  'title',
  'parties',
  'level',
  'unitId',
  'signedOn',
  'phases.*',
  'documents.*',
  'notes',
];

function valuesOf(programme: ProgrammeDetail): Values {
  return {
    number: programme.number,
    title: programme.title,
    parties: programme.parties,
    level: programme.level,
    unitId: programme.unit?.id ?? null,
    signedOn: programme.signedOn,
    phases: programme.phases.map((phase) => ({
      id: phase.id,
      name: phase.name,
      startsOn: phase.startsOn,
      endsOn: phase.endsOn,
    })),
    documents: programme.documents.map((document) =>
      document.documentId ? { documentId: document.documentId } : { reference: document.reference },
    ),
    notes: programme.notes ?? '',
  };
}

function bodyOf(values: Values): CreateProgrammeBody {
  return {
    number: values.number.trim(),
    title: values.title.trim(),
    parties: values.parties.map((party) => party?.trim() ?? '').filter(Boolean),
    level: values.level,
    unitId: values.level === 'national' ? null : (values.unitId ?? null),
    signedOn: values.signedOn ?? null,
    phases: values.phases.map((phase) => ({
      ...(phase.id ? { id: phase.id } : {}),
      name: phase.name.trim(),
      startsOn: phase.startsOn,
      endsOn: phase.endsOn ?? null,
    })),
    documents: values.documents.flatMap(
      (document): NonNullable<CreateProgrammeBody['documents']> =>
        document?.documentId
          ? [{ documentId: document.documentId }]
          : document?.reference?.trim()
            ? [{ reference: document.reference.trim() }]
            : [],
    ),
    notes: values.notes?.trim() || null,
  };
}

export function ProgrammeFormDrawer({
  open,
  programme,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The programme to edit; none to record a new one. */
  programme?: ProgrammeDetail | undefined;
  onClose: () => void;
  onSaved: (programme: ProgrammeDetail) => void;
}) {
  const t = useT();
  const m = useMessages(programmeMessages);
  const me = useCurrentUser();
  const wide = Grid.useBreakpoint().sm ?? true;
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string>();
  const level = Form.useWatch('level', form);
  const national = me.unit === null;

  useEffect(() => {
    if (!open) return;
    setProblem(undefined);
    form.resetFields();
    if (programme) form.setFieldsValue(valuesOf(programme));
  }, [open, programme, form]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = bodyOf(values);
      if (!programme) return createProgramme(body);
      const { level: _level, unitId: _unitId, ...changes } = body;
      return updateProgramme(programme.id, changes satisfies UpdateProgrammeBody);
    },
    onSuccess: onSaved,
    onError: (error) => {
      if (!showOnField(form, error, SERVER_FIELDS)) setProblem(errorText(t, error));
    },
  });
  const required = [{ required: true, whitespace: true, message: m.required }];
  const levels = PROGRAMME_LEVELS.filter((value) => national || value !== 'national');
  const referenceOf = (index: number) => {
    const document = programme?.documents[index];
    if (!document?.documentId) return undefined;
    const cut = document.reference.lastIndexOf(' ');
    return {
      id: document.documentId,
      kind: 'directive' as const,
      kindLabel: cut > 0 ? document.reference.slice(0, cut) : document.reference,
      number: cut > 0 ? document.reference.slice(cut + 1) : '',
      title: document.title ?? '',
      issuedOn: null,
      issuedYear: 2000,
    };
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={programme ? m.formEditTitle(programme.number) : m.formCreateTitle}
      size={wide ? 680 : '100%'}
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
      {problem && <Alert type="error" showIcon title={problem} className="programme-alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{
          level: national ? 'national' : me.unit?.kind === 'commune' ? 'commune' : 'province',
          unitId: me.unit?.id ?? null,
          parties: ['', ''],
          phases: [{ name: '', startsOn: undefined, endsOn: null }],
          documents: [],
        }}
        onFinish={(values) => {
          setProblem(undefined);
          save.mutate(values);
        }}
      >
        <Space wrap align="start">
          <Form.Item name="number" label={m.number} rules={required}>
            <Input maxLength={60} placeholder={m.numberPlaceholder} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="signedOn" label={m.signedOn}>
            <IsoDatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={m.title} rules={required}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.List
          name="parties"
          rules={[
            {
              validator: async (_, parties: string[] | undefined) => {
                if ((parties ?? []).filter((party) => party?.trim()).length < 2)
                  throw new Error(m.partiesRequired);
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Form.Item label={m.parties} required>
              {fields.map((field, index) => (
                <Space.Compact key={field.key} block className="programme-form__row">
                  <Form.Item name={field.name} noStyle>
                    <Input maxLength={200} placeholder={m.party(index)} aria-label={m.party(index)} />
                  </Form.Item>
                  {fields.length > 2 && (
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={m.remove}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Space.Compact>
              ))}
              <Form.ErrorList errors={errors} />
              {fields.length < 10 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                  {m.addParty}
                </Button>
              )}
            </Form.Item>
          )}
        </Form.List>
        <Space wrap align="start">
          <Form.Item
            name="level"
            label={m.level}
            rules={[{ required: true, message: m.required }]}
            extra={programme ? m.levelFixed : undefined}
          >
            <Select<ProgrammeLevel>
              disabled={programme !== undefined}
              style={{ width: 180 }}
              options={levels.map((value) => ({ value, label: PROGRAMME_LEVEL_LABELS[value] }))}
            />
          </Form.Item>
          {level !== 'national' &&
            (programme ? (
              <Form.Item label={m.unit} style={{ minWidth: 280 }}>
                <Input disabled value={programme.unit?.fullName ?? ''} />
              </Form.Item>
            ) : (
              <Form.Item
                name="unitId"
                label={m.unit}
                rules={[{ required: true, message: m.required }]}
                style={{ minWidth: 280 }}
              >
                <UnitPicker allowNational={false} initial={me.unit} />
              </Form.Item>
            ))}
        </Space>
        <Form.List name="phases">
          {(fields, { add, remove }) => (
            <Form.Item label={m.phases} required>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap className="programme-form__phase">
                  <Form.Item name={[field.name, 'name']} rules={required}>
                    <Input maxLength={100} placeholder={m.phaseName} aria-label={m.phaseName} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'startsOn']}
                    rules={[{ required: true, message: m.required }]}
                  >
                    <IsoDatePicker noFuture={false} placeholder={m.phaseStarts} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'endsOn']}>
                    <IsoDatePicker noFuture={false} placeholder={m.phaseEnds} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={m.remove}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Space>
              ))}
              {fields.length < 10 && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: '', startsOn: undefined, endsOn: null })}
                >
                  {m.addPhase}
                </Button>
              )}
            </Form.Item>
          )}
        </Form.List>
        <Form.List name="documents">
          {(fields, { add, remove }) => (
            <Form.Item label={m.documents} extra={m.documentsHint}>
              {fields.map((field) => (
                <div key={field.key} className="programme-form__document">
                  <Form.Item name={[field.name, 'documentId']} noStyle>
                    <DocumentSelect
                      ariaLabel={m.documentSearch}
                      placeholder={m.documentSearch}
                      initial={referenceOf(field.name)}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'reference']} noStyle>
                    <Input maxLength={200} placeholder={m.documentFree} aria-label={m.documentFree} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={m.remove}
                    onClick={() => remove(field.name)}
                  />
                </div>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ documentId: null, reference: '' })}
              >
                {m.addDocument}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="notes" label={m.notes}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
