/**
 * The movement's configurable lists: activity kinds (with the form each kind opens), award forms and issuers, and
 * the population of units by year that the attendance plausibility check compares with. Lists are changed by
 * system administrators (system.manage); populations by those who manage units (units.manage), in their scope.
 */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  message,
  Select,
  Switch,
  Table,
  type TableColumnsType,
  Tabs,
} from 'antd';
import { useEffect, useState } from 'react';
import { ACTIVITY_TRAITS, type ActivityTrait } from '../../../domain/activities';
import { normalizeForSearch } from '../../../domain/text';
import {
  type ActivityKind,
  activityQueries,
  createActivityKind,
  setPopulation,
  updateActivityKind,
} from '../../api/activities';
import { type AwardOptionList, awardQueries, createAwardOption, updateAwardOption } from '../../api/awards';
import { useCan, useCurrentUser } from '../../app/auth/session';
import { useMessages, useT } from '../../app/i18n';
import { errorText } from '../../components/errorText';
import { NumberText } from '../../components/NumberText';
import { UnitPicker } from '../../components/UnitPicker';
import '../registry/registry.css';
import { movementListsMessages } from './messages';

/** A code for a new entry, from its name: "Hội thao an ninh" → "hoi_thao_an_ninh". */
function codeOf(name: string): string {
  const base = normalizeForSearch(name).replace(/ /g, '_').slice(0, 50) || 'muc';
  return base.length >= 2 ? base : `${base}_moi`;
}

interface Entry {
  id: number;
  name: string;
  active: boolean;
  sortOrder: number;
  trait?: ActivityTrait;
}

export default function MovementListsPage() {
  const m = useMessages(movementListsMessages);
  const can = useCan();
  const canConfigure = can('system.manage');
  const canPopulate = can('units.manage');
  const [tab, setTab] = useState(canConfigure ? 'kinds' : 'populations');

  useEffect(() => {
    document.title = `${m.pageTitle} — ANTQ`;
  }, [m]);

  return (
    <div className="registry-page">
      <header className="registry-page__header">
        <div>
          <h1 className="registry-page__title">{m.pageTitle}</h1>
          <p className="muted registry-page__intro">{m.pageIntro}</p>
        </div>
      </header>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'kinds',
            label: m.tabs.kinds,
            children: tab === 'kinds' && <KindsTab editable={canConfigure} />,
          },
          {
            key: 'forms',
            label: m.tabs.forms,
            children: tab === 'forms' && <AwardOptionsTab list="forms" editable={canConfigure} />,
          },
          {
            key: 'issuers',
            label: m.tabs.issuers,
            children: tab === 'issuers' && <AwardOptionsTab list="issuers" editable={canConfigure} />,
          },
          ...(canPopulate
            ? [
                {
                  key: 'populations',
                  label: m.tabs.populations,
                  children: tab === 'populations' && <PopulationsTab />,
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

function KindsTab({ editable }: { editable: boolean }) {
  const client = useQueryClient();
  const kinds = useQuery(activityQueries.kinds());
  const refresh = () => client.invalidateQueries({ queryKey: activityQueries.kinds().queryKey });
  return (
    <EntryTable
      entries={(kinds.data?.items ?? []) as Array<ActivityKind & Entry>}
      loading={kinds.isLoading}
      editable={editable}
      withTrait
      onCreate={async (name, trait) => {
        await createActivityKind({ code: codeOf(name), name, trait: trait ?? 'general' });
        await refresh();
      }}
      onUpdate={async (id, changes) => {
        await updateActivityKind(id, changes);
        await refresh();
      }}
    />
  );
}

function AwardOptionsTab({ list, editable }: { list: AwardOptionList; editable: boolean }) {
  const client = useQueryClient();
  const options = useQuery(awardQueries.options());
  const refresh = () => client.invalidateQueries({ queryKey: awardQueries.options().queryKey });
  return (
    <EntryTable
      entries={options.data?.[list] ?? []}
      loading={options.isLoading}
      editable={editable}
      onCreate={async (name) => {
        await createAwardOption(list, { code: codeOf(name), name });
        await refresh();
      }}
      onUpdate={async (id, changes) => {
        await updateAwardOption(list, id, changes);
        await refresh();
      }}
    />
  );
}

function EntryTable({
  entries,
  loading,
  editable,
  withTrait = false,
  onCreate,
  onUpdate,
}: {
  entries: readonly Entry[];
  loading: boolean;
  editable: boolean;
  withTrait?: boolean;
  onCreate: (name: string, trait?: ActivityTrait) => Promise<void>;
  onUpdate: (id: number, changes: { name?: string; active?: boolean; sortOrder?: number }) => Promise<void>;
}) {
  const m = useMessages(movementListsMessages);
  const t = useT();
  const [messageApi, holder] = message.useMessage();
  const [adding] = Form.useForm<{ name: string; trait?: ActivityTrait }>();
  const [editForm] = Form.useForm<{ name: string; sortOrder: number }>();
  const [editing, setEditing] = useState<Entry>();
  const fail = (error: unknown) => void messageApi.error(errorText(t, error));
  const create = useMutation({
    mutationFn: (values: { name: string; trait?: ActivityTrait }) =>
      onCreate(values.name.trim(), values.trait),
    onSuccess: (_result, values) => {
      adding.resetFields();
      void messageApi.success(m.added(values.name.trim()));
    },
    onError: fail,
  });
  const update = useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: Parameters<typeof onUpdate>[1] }) =>
      onUpdate(id, changes),
    onSuccess: () => {
      setEditing(undefined);
      void messageApi.success(m.saved);
    },
    onError: fail,
  });

  const columns: TableColumnsType<Entry> = [
    { key: 'name', title: m.colName, dataIndex: 'name' },
    ...(withTrait
      ? [
          {
            key: 'trait',
            title: m.colTrait,
            responsive: ['md' as const],
            render: (_value: unknown, entry: Entry) => (entry.trait ? m.traits[entry.trait] : ''),
          },
        ]
      : []),
    {
      key: 'sortOrder',
      title: m.colOrder,
      width: 90,
      align: 'right',
      responsive: ['sm'],
      render: (_value, entry) => <NumberText value={entry.sortOrder} />,
    },
    {
      key: 'active',
      title: m.colActive,
      width: 130,
      render: (_value, entry) => (
        <Switch
          checked={entry.active}
          disabled={!editable}
          checkedChildren={m.activeOn}
          unCheckedChildren={m.activeOff}
          aria-label={`${m.colActive}: ${entry.name}`}
          onChange={(active) => update.mutate({ id: entry.id, changes: { active } })}
        />
      ),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            title: m.colActions,
            width: 90,
            render: (_value: unknown, entry: Entry) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => {
                  editForm.setFieldsValue({ name: entry.name, sortOrder: entry.sortOrder });
                  setEditing(entry);
                }}
              >
                {m.rename}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      {holder}
      {editable ? (
        <Form
          form={adding}
          layout="inline"
          className="registry-filters"
          onFinish={(values) => create.mutate(values)}
          initialValues={{ trait: 'general' }}
        >
          <Form.Item name="name" rules={[{ required: true, whitespace: true, message: m.nameRequired }]}>
            <Input placeholder={m.addName} aria-label={m.addName} maxLength={200} style={{ width: 320 }} />
          </Form.Item>
          {withTrait && (
            <Form.Item name="trait">
              <Select<ActivityTrait>
                aria-label={m.addTrait}
                style={{ width: 300 }}
                options={ACTIVITY_TRAITS.map((value) => ({ value, label: m.traits[value] }))}
              />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>
            {m.add}
          </Button>
        </Form>
      ) : (
        <Alert type="info" showIcon title={m.readOnly} style={{ marginBottom: 12 }} />
      )}
      <Table<Entry>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={[...entries]}
        pagination={false}
        rowClassName={(entry) => (entry.active ? '' : 'muted')}
      />
      <Modal
        open={editing !== undefined}
        title={m.renameTitle}
        okText={m.save}
        cancelText={m.cancel}
        okButtonProps={{ loading: update.isPending }}
        onOk={() => editForm.submit()}
        onCancel={() => setEditing(undefined)}
        destroyOnHidden
      >
        <Form
          form={editForm}
          layout="vertical"
          onFinish={(values) =>
            editing &&
            update.mutate({
              id: editing.id,
              changes: { name: values.name.trim(), sortOrder: values.sortOrder },
            })
          }
        >
          <Form.Item
            name="name"
            label={m.colName}
            rules={[{ required: true, whitespace: true, message: m.nameRequired }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="sortOrder" label={m.colOrder}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: 140 }} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

function PopulationsTab() {
  const all = useMessages(movementListsMessages);
  const m = all.population;
  const t = useT();
  const me = useCurrentUser();
  const client = useQueryClient();
  const [messageApi, holder] = message.useMessage();
  const [unit, setUnit] = useState<number | null>(me.unit?.id ?? null);
  const [form] = Form.useForm<{ year: number; population: number; source?: string }>();
  const list = useQuery({ ...activityQueries.populations(unit ?? 0), enabled: unit !== null });
  const save = useMutation({
    mutationFn: (values: { year: number; population: number; source?: string }) =>
      setPopulation(unit!, values.year, {
        population: values.population,
        source: values.source?.trim() || null,
      }),
    onSuccess: (data) => {
      client.setQueryData(activityQueries.populations(unit!).queryKey, data);
      form.resetFields(['population', 'source']);
      void messageApi.success(all.saved);
    },
    onError: (error) => void messageApi.error(errorText(t, error)),
  });
  return (
    <div>
      {holder}
      <p className="muted registry-page__intro">{m.intro}</p>
      <div className="registry-filters">
        <div className="registry-filters__unit" title={m.unit}>
          <UnitPicker value={unit} onChange={setUnit} allowNational={false} initial={me.unit} />
        </div>
      </div>
      {unit === null ? (
        <p className="muted">{m.pickUnit}</p>
      ) : (
        <>
          <Form
            form={form}
            layout="inline"
            className="registry-filters"
            initialValues={{ year: new Date().getFullYear() - 1 }}
            onFinish={(values) => save.mutate(values)}
          >
            <Form.Item name="year" label={m.year} rules={[{ required: true }]}>
              <InputNumber min={1945} max={2100} precision={0} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="population" label={m.value} rules={[{ required: true }]}>
              <InputNumber min={1} max={200_000_000} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="source" label={m.source}>
              <Input maxLength={300} placeholder={m.sourcePlaceholder} style={{ width: 260 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {m.record}
            </Button>
          </Form>
          <Table
            rowKey="year"
            size="middle"
            loading={list.isLoading}
            pagination={false}
            locale={{ emptyText: m.empty }}
            dataSource={list.data?.items ?? []}
            columns={[
              { key: 'year', title: m.year, dataIndex: 'year', width: 100 },
              {
                key: 'population',
                title: m.value,
                align: 'right',
                render: (_value, row) => <NumberText value={row.population} />,
              },
              { key: 'source', title: m.source, dataIndex: 'source' },
            ]}
          />
        </>
      )}
    </div>
  );
}
