/**
 * Recording a directive document or a unit's plan and editing it: kind, number as written, issuer, dates, title,
 * the issuing unit (none for a central document) and the documents it implements, replaces or amends.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Grid, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import {
  DOCUMENT_KINDS,
  DOCUMENT_RELATIONS,
  type DocumentKind,
  type DocumentRelation,
} from '../../../domain/documents';
import {
  type CreateDocumentBody,
  createDocument,
  type DocumentDetail,
  type DocumentItem,
  type UpdateDocumentBody,
  updateDocument,
} from '../../api/documents';
import { useCurrentUser } from '../../app/auth/session';
import { useMessages, useT } from '../../app/i18n';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { UnitPicker } from '../../components/UnitPicker';
import { IsoDatePicker } from '../registry/IsoDatePicker';
import { registryMessages } from '../registry/messages';
import { DocumentSelect } from './DocumentSelect';
import { documentsMessages } from './messages';

interface Values {
  kind: DocumentKind;
  number: string;
  issuer: string;
  issuedOn?: string | null;
  issuedYear?: number | null;
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
  title: string;
  unitId?: number | null;
  links?: Array<{ relation?: DocumentRelation; documentId?: number | null } | undefined>;
  notes?: string;
}

const SERVER_FIELDS = [
  'kind',
  'number',
  'issuer',
  'issuedOn',
  'issuedYear',
  'effectiveFrom',
  'effectiveTo',
  'title',
  'unitId',
  'links',
  'notes',
] as const;

const text = (value: string | undefined | null) => value?.trim() || null;

function bodyOf(values: Values): CreateDocumentBody {
  return {
    kind: values.kind,
    number: values.number.trim(),
    issuer: values.issuer.trim(),
    issuedOn: values.issuedOn ?? null,
    ...(values.issuedYear ? { issuedYear: values.issuedYear } : {}),
    effectiveFrom: values.effectiveFrom ?? null,
    effectiveTo: values.effectiveTo ?? null,
    title: values.title.trim(),
    unitId: values.unitId ?? null,
    links: (values.links ?? []).flatMap((link) =>
      link?.relation && link.documentId ? [{ relation: link.relation, documentId: link.documentId }] : [],
    ),
    notes: text(values.notes),
  };
}

function valuesOf(document: DocumentItem): Values {
  return {
    kind: document.kind,
    number: document.number,
    issuer: document.issuer,
    issuedOn: document.issuedOn,
    issuedYear: document.issuedOn ? null : document.issuedYear,
    effectiveFrom: document.effectiveFrom,
    effectiveTo: document.effectiveTo,
    title: document.title,
    unitId: document.unit?.id ?? null,
    links: document.links.map((link) => ({ relation: link.relation, documentId: link.document.id })),
    notes: document.notes ?? '',
  };
}

function changesOf(document: DocumentItem, body: CreateDocumentBody): UpdateDocumentBody {
  const before = bodyOf(valuesOf(document)) as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(body).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])),
  ) as UpdateDocumentBody;
}

export function DocumentFormDrawer({
  open,
  document,
  onClose,
  onSaved,
}: {
  open: boolean;
  document: DocumentItem | undefined;
  onClose: () => void;
  onSaved: (document: DocumentItem | DocumentDetail) => void;
}) {
  const t = useT();
  const m = useMessages(documentsMessages);
  const r = useMessages(registryMessages).list;
  const me = useCurrentUser();
  const wide = Grid.useBreakpoint().sm ?? true;
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (!open) return;
    setProblem(undefined);
    form.resetFields();
    if (document) form.setFieldsValue(valuesOf(document));
  }, [open, document, form]);

  const save = useMutation({
    mutationFn: async (values: Values): Promise<DocumentItem | DocumentDetail> => {
      const body = bodyOf(values);
      if (!document) return createDocument(body);
      const changes = changesOf(document, body);
      return Object.keys(changes).length > 0 ? updateDocument(document.id, changes) : document;
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
      title={document ? m.form.editTitle(document.number) : m.form.createTitle}
      size={wide ? 640 : '100%'}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {document ? r.save : r.create}
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
        initialValues={{ kind: 'plan', unitId: me.unit?.id ?? null, links: [] }}
        onFinish={(values) => {
          setProblem(undefined);
          save.mutate(values);
        }}
      >
        <Space wrap align="start">
          <Form.Item name="kind" label={m.form.kind} rules={[{ required: true, message: m.form.required }]}>
            <Select<DocumentKind>
              style={{ width: 200 }}
              options={DOCUMENT_KINDS.map((value) => ({ value, label: m.kinds[value] }))}
            />
          </Form.Item>
          <Form.Item name="number" label={m.form.number} rules={required}>
            <Input maxLength={120} placeholder={m.form.numberPlaceholder} style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <Form.Item name="issuer" label={m.form.issuer} rules={required}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="title" label={m.form.title} rules={required}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="issuedOn" label={m.form.issuedOn}>
            <IsoDatePicker />
          </Form.Item>
          <Form.Item name="issuedYear" label={m.form.issuedYear}>
            <InputNumber min={1945} max={2100} precision={0} controls={false} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="effectiveFrom" label={m.form.effectiveFrom}>
            <IsoDatePicker />
          </Form.Item>
          <Form.Item name="effectiveTo" label={m.form.effectiveTo}>
            <IsoDatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="unitId" label={m.form.unit}>
          <UnitPicker allowNational={me.unit === null} initial={document?.unit ?? me.unit} />
        </Form.Item>
        <Form.List name="links">
          {(fields, { add, remove }) => (
            <Form.Item label={m.form.links}>
              {fields.map((field) => {
                const initial = document?.links[field.name]?.document;
                return (
                  <Space.Compact key={field.key} block style={{ marginBottom: 8 }}>
                    <Form.Item name={[field.name, 'relation']} noStyle>
                      <Select<DocumentRelation>
                        aria-label={m.form.relation}
                        style={{ width: 170 }}
                        options={DOCUMENT_RELATIONS.map((value) => ({ value, label: m.relations[value] }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'documentId']} noStyle>
                      <DocumentSelect
                        ariaLabel={m.form.document}
                        placeholder={m.form.documentSearch}
                        initial={initial}
                        exclude={document?.id}
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={m.form.removeLink}
                      onClick={() => remove(field.name)}
                    />
                  </Space.Compact>
                );
              })}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ relation: 'implements', documentId: null })}
              >
                {m.form.addLink}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="notes" label={m.form.notes}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
