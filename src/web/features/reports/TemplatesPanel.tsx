/**
 * The report templates the user may use: the built-in ones (read-only) and their unit's own. A template manager
 * copies a template and edits the copy: its title, period, comparison, and its sections and rows (add, remove,
 * reorder; indicators picked from the catalogue, optionally one value of the indicator's dimension).
 */
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CopyOutlined,
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Drawer, Input, message, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import {
  copyTemplate,
  type IndicatorInfo,
  type ReportTemplate,
  type ReportTemplateBody,
  reportQueries,
  type TemplateSection,
  updateTemplate,
} from '../../api/reports';
import { useCan } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { reportsMessages } from './messages';

type Draft = ReportTemplateBody;

function move<T>(list: readonly T[], index: number, by: number): T[] {
  const next = [...list];
  const target = index + by;
  if (target < 0 || target >= next.length) return next;
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

function RowEditor({
  catalogue,
  section,
  onChange,
}: {
  catalogue: readonly IndicatorInfo[];
  section: TemplateSection;
  onChange: (section: TemplateSection) => void;
}) {
  const m = useMessages(reportsMessages).templates;
  const setRows = (rows: TemplateSection['rows']) => onChange({ ...section, rows });
  return (
    <div className="report-rows">
      {section.rows.map((row, index) => {
        const indicator = catalogue.find((item) => item.code === row.indicator);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity besides their place.
          <div key={index} className="report-row">
            <Select
              showSearch
              optionFilterProp="label"
              className="report-row__indicator"
              aria-label={`${m.indicator} ${index + 1}`}
              value={row.indicator}
              onChange={(value) => {
                const rows = [...section.rows];
                rows[index] = { indicator: value };
                setRows(rows);
              }}
              options={catalogue.map((item) => ({ value: item.code, label: item.name }))}
            />
            {indicator?.dimension && (
              <Select
                allowClear
                className="report-row__value"
                aria-label={`${m.dimensionValue} ${index + 1}`}
                placeholder={m.allValues}
                value={row.dimensionValue ?? undefined}
                onChange={(value) => {
                  const rows = [...section.rows];
                  rows[index] = { ...row, dimensionValue: value ?? null };
                  setRows(rows);
                }}
                options={indicator.dimension.values.map((value) => ({
                  value: value.key,
                  label: value.label,
                }))}
              />
            )}
            <Input
              className="report-row__label"
              aria-label={`${m.label} ${index + 1}`}
              placeholder={m.label}
              value={row.label ?? ''}
              maxLength={300}
              onChange={(event) => {
                const rows = [...section.rows];
                rows[index] = { ...row, label: event.target.value };
                setRows(rows);
              }}
            />
            <Space.Compact>
              <Button
                icon={<ArrowUpOutlined />}
                aria-label={m.moveUp}
                onClick={() => setRows(move(section.rows, index, -1))}
              />
              <Button
                icon={<ArrowDownOutlined />}
                aria-label={m.moveDown}
                onClick={() => setRows(move(section.rows, index, 1))}
              />
              <Button
                danger
                icon={<DeleteOutlined />}
                aria-label={m.removeRow}
                disabled={section.rows.length <= 1}
                onClick={() => setRows(section.rows.filter((_row, at) => at !== index))}
              />
            </Space.Compact>
          </div>
        );
      })}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => setRows([...section.rows, { indicator: catalogue[0]?.code ?? 'teams' }])}
      >
        {m.addRow}
      </Button>
    </div>
  );
}

function TemplateEditor({ template, onClose }: { template: ReportTemplate; onClose: () => void }) {
  const m = useMessages(reportsMessages);
  const t = m.templates;
  const client = useQueryClient();
  const [messageApi, holder] = message.useMessage();
  const catalogue = useQuery(reportQueries.catalogue());
  const [draft, setDraft] = useState<Draft>({
    title: template.title,
    description: template.description,
    periodKind: template.periodKind,
    comparison: template.comparison,
    sections: template.sections,
  });
  const save = useMutation({
    mutationFn: () => updateTemplate(template.id, draft),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: reportQueries.all });
      void messageApi.success(t.saved);
      onClose();
    },
  });
  const setSection = (index: number, section: TemplateSection) => {
    const sections = [...draft.sections];
    sections[index] = section;
    setDraft({ ...draft, sections });
  };
  return (
    <Drawer
      open
      onClose={onClose}
      title={t.editTitle}
      size={880}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t.cancel}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
            {t.save}
          </Button>
        </Space>
      }
    >
      {holder}
      {save.error && <ErrorAlert error={save.error} />}
      <div className="report-editor">
        <div className="report-field">
          <span>{t.title}</span>
          <Input
            aria-label={t.title}
            value={draft.title}
            maxLength={300}
            onChange={(event) => setDraft({ ...draft, title: event.target.value })}
          />
        </div>
        <div className="report-field">
          <span>{t.description}</span>
          <Input.TextArea
            aria-label={t.description}
            value={draft.description ?? ''}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 4 }}
            onChange={(event) => setDraft({ ...draft, description: event.target.value })}
          />
        </div>
        <Space wrap>
          <div className="report-field">
            <span>{t.periodKind}</span>
            <Select
              aria-label={t.periodKind}
              className="report-field__select"
              value={draft.periodKind}
              onChange={(periodKind) => setDraft({ ...draft, periodKind })}
              options={Object.entries(m.periodKinds).map(([value, label]) => ({ value, label }))}
            />
          </div>
          <div className="report-field">
            <span>{t.comparison}</span>
            <Select
              aria-label={t.comparison}
              className="report-field__select"
              value={draft.comparison}
              onChange={(comparison) => setDraft({ ...draft, comparison })}
              options={Object.entries(t.comparisons).map(([value, label]) => ({ value, label }))}
            />
          </div>
        </Space>
        {catalogue.error && <ErrorAlert error={catalogue.error} />}
        {draft.sections.map((section, index) => (
          <Card
            // biome-ignore lint/suspicious/noArrayIndexKey: sections have no identity besides their place.
            key={index}
            size="small"
            className="report-editor__section"
            title={`${t.section} ${index + 1}`}
            extra={
              <Space.Compact>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  aria-label={t.moveUp}
                  onClick={() => setDraft({ ...draft, sections: move(draft.sections, index, -1) })}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label={t.moveDown}
                  onClick={() => setDraft({ ...draft, sections: move(draft.sections, index, 1) })}
                />
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t.removeSection}
                  disabled={draft.sections.length <= 1}
                  onClick={() =>
                    setDraft({ ...draft, sections: draft.sections.filter((_s, at) => at !== index) })
                  }
                />
              </Space.Compact>
            }
          >
            <Space wrap className="report-editor__head">
              <Input
                aria-label={`${t.sectionTitle} ${index + 1}`}
                className="report-editor__title"
                value={section.title}
                maxLength={300}
                onChange={(event) => setSection(index, { ...section, title: event.target.value })}
              />
              <Select
                aria-label={`${t.layout} ${index + 1}`}
                className="report-field__select"
                value={section.layout}
                onChange={(layout) => setSection(index, { ...section, layout })}
                options={Object.entries(t.layouts).map(([value, label]) => ({
                  value: value as TemplateSection['layout'],
                  label,
                }))}
              />
            </Space>
            <RowEditor
              catalogue={catalogue.data?.items ?? []}
              section={section}
              onChange={(next) => setSection(index, next)}
            />
          </Card>
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setDraft({
              ...draft,
              sections: [
                ...draft.sections,
                {
                  title: `${t.section} ${draft.sections.length + 1}`,
                  layout: 'indicators',
                  rows: [{ indicator: 'teams' }],
                },
              ],
            })
          }
        >
          {t.addSection}
        </Button>
      </div>
    </Drawer>
  );
}

export function TemplatesPanel() {
  const m = useMessages(reportsMessages);
  const t = m.templates;
  const can = useCan();
  const manage = can('reports.templates');
  const client = useQueryClient();
  const [messageApi, holder] = message.useMessage();
  const templates = useQuery(reportQueries.templates());
  const [editing, setEditing] = useState<ReportTemplate | null>(null);
  const copy = useMutation({
    mutationFn: (template: ReportTemplate) => copyTemplate(template.id),
    onSuccess: async (copied) => {
      await client.invalidateQueries({ queryKey: reportQueries.all });
      void messageApi.success(t.copied);
      setEditing(copied);
    },
  });
  return (
    <div>
      {holder}
      <p className="muted">{manage ? t.intro : t.readOnly}</p>
      {templates.error && <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />}
      {copy.error && <Alert type="error" showIcon title={(copy.error as Error).message} />}
      <Table
        size="small"
        rowKey="id"
        loading={templates.isPending}
        dataSource={templates.data?.items ?? []}
        pagination={false}
        columns={[
          {
            key: 'title',
            title: t.title,
            render: (_value, template) => (
              <>
                <div>{template.title}</div>
                {template.description && (
                  <div className="muted report-template__description">{template.description}</div>
                )}
              </>
            ),
          },
          {
            key: 'owner',
            title: t.owner,
            width: 200,
            render: (_value, template) =>
              template.builtIn ? (
                <Tag color="blue">{t.builtIn}</Tag>
              ) : (
                (template.ownerUnit?.fullName ?? t.own)
              ),
          },
          {
            key: 'period',
            title: t.periodKind,
            width: 110,
            render: (_value, template) => m.periodKinds[template.periodKind],
          },
          {
            key: 'sections',
            title: t.sectionsColumn,
            width: 80,
            render: (_value, template) => t.sections(template.sections.length),
          },
          {
            key: 'actions',
            title: '',
            width: 200,
            render: (_value, template) =>
              manage && (
                <Space>
                  <Button
                    size="small"
                    icon={<CopyOutlined />}
                    loading={copy.isPending && copy.variables?.id === template.id}
                    onClick={() => copy.mutate(template)}
                    aria-label={`${t.copy}: ${template.title}`}
                  >
                    {t.copy}
                  </Button>
                  {!template.builtIn && (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(template)}>
                      {t.edit}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {editing && <TemplateEditor key={editing.id} template={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
