/**
 * Establishing a team (or recording one established earlier) and editing it: kind, name, the unit it serves, the
 * establishing decision. The server checks where a kind may be set up and when; its refusal lands on the field.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Grid, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { TEAM_KIND_INFO, TEAM_KINDS, type TeamKind } from '../../../domain/teams';
import { createTeam, type TeamDetail, type TeamItem, type UpdateTeamBody, updateTeam } from '../../api/teams';
import { useCurrentUser } from '../../app/auth/session';
import { useMessages, useT } from '../../app/i18n';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { UnitPicker } from '../../components/UnitPicker';
import { IsoDatePicker } from '../registry/IsoDatePicker';
import { registryMessages } from '../registry/messages';
import { teamsMessages } from './messages';

interface Values {
  kind: TeamKind;
  name: string;
  unitId: number;
  establishedOn: string;
  decisionNumber?: string;
  decisionDate?: string | null;
  decisionSigner?: string;
  notes?: string;
}

const SERVER_FIELDS = [
  'kind',
  'name',
  'unitId',
  'establishedOn',
  'decisionNumber',
  'decisionDate',
  'decisionSigner',
  'notes',
] as const;

const text = (value: string | undefined | null) => value?.trim() || null;

function changesOf(team: TeamItem, values: Values): UpdateTeamBody {
  const changes: UpdateTeamBody = {};
  if (values.kind !== team.kind) changes.kind = values.kind;
  if (values.name.trim() !== team.name) changes.name = values.name.trim();
  if (values.unitId !== team.unit.id) changes.unitId = values.unitId;
  if (values.establishedOn !== team.establishedOn) changes.establishedOn = values.establishedOn;
  if (text(values.decisionNumber) !== team.decisionNumber)
    changes.decisionNumber = text(values.decisionNumber);
  if ((values.decisionDate ?? null) !== team.decisionDate) changes.decisionDate = values.decisionDate ?? null;
  if (text(values.decisionSigner) !== team.decisionSigner)
    changes.decisionSigner = text(values.decisionSigner);
  if (text(values.notes) !== team.notes) changes.notes = text(values.notes);
  return changes;
}

export function TeamFormDrawer({
  open,
  team,
  onClose,
  onSaved,
}: {
  open: boolean;
  team: TeamItem | undefined;
  onClose: () => void;
  /** Called with the saved team; with the team as it was when nothing changed. */
  onSaved: (team: TeamItem | TeamDetail) => void;
}) {
  const t = useT();
  const m = useMessages(teamsMessages);
  const r = useMessages(registryMessages).list;
  const me = useCurrentUser();
  const wide = Grid.useBreakpoint().sm ?? true;
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (!open) return;
    setProblem(undefined);
    form.resetFields();
    if (team) {
      form.setFieldsValue({
        kind: team.kind,
        name: team.name,
        unitId: team.unit.id,
        establishedOn: team.establishedOn,
        decisionNumber: team.decisionNumber ?? '',
        decisionDate: team.decisionDate,
        decisionSigner: team.decisionSigner ?? '',
        notes: team.notes ?? '',
      });
    }
  }, [open, team, form]);

  const save = useMutation({
    mutationFn: async (values: Values): Promise<TeamItem | TeamDetail> => {
      if (!team) {
        return createTeam({
          kind: values.kind,
          name: values.name.trim(),
          unitId: values.unitId,
          establishedOn: values.establishedOn,
          decisionNumber: text(values.decisionNumber),
          decisionDate: values.decisionDate ?? null,
          decisionSigner: text(values.decisionSigner),
          notes: text(values.notes),
        });
      }
      const changes = changesOf(team, values);
      return Object.keys(changes).length > 0 ? updateTeam(team.id, changes) : team;
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
      title={team ? m.form.editTitle(team.name) : m.form.createTitle}
      size={wide ? 520 : '100%'}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {team ? r.save : r.create}
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
        initialValues={{ kind: 'grassroots_security_team' }}
      >
        <Form.Item name="kind" label={m.form.kind} rules={[{ required: true, message: m.form.kindRequired }]}>
          <Select<TeamKind>
            options={TEAM_KINDS.map((kind) => ({
              value: kind,
              label: TEAM_KIND_INFO[kind].historical ? `${m.kinds[kind]} (${m.historical})` : m.kinds[kind],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={m.form.name}
          rules={[{ required: true, whitespace: true, message: m.form.nameRequired }]}
        >
          <Input maxLength={200} placeholder={m.form.namePlaceholder} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={m.form.unit}
          extra={m.form.unitHint}
          rules={[{ required: true, message: m.form.unitRequired }]}
        >
          <UnitPicker allowNational={false} initial={team?.unit ?? me.unit} />
        </Form.Item>
        <Form.Item
          name="establishedOn"
          label={m.form.establishedOn}
          rules={[{ required: true, message: m.form.establishedRequired }]}
        >
          <IsoDatePicker />
        </Form.Item>
        <Form.Item name="decisionNumber" label={m.form.decisionNumber}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="decisionDate" label={m.form.decisionDate}>
          <IsoDatePicker />
        </Form.Item>
        <Form.Item name="decisionSigner" label={m.form.decisionSigner}>
          <Input maxLength={150} autoComplete="off" />
        </Form.Item>
        <Form.Item name="notes" label={m.form.notes}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
