/**
 * Proposing an award (or, with the right to approve, recording one already decided) and editing it. The recipient
 * is a unit, a team, a member of a team, or any other person named with position and workplace; once recorded the
 * recipient stays, only the facts of the award change.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Grid, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { AWARD_REASONS, type AwardReason, RECIPIENT_TYPES, type RecipientType } from '../../../domain/awards';
import { todayInVietnam } from '../../../domain/dates';
import {
  type AwardDetail,
  type AwardItem,
  awardQueries,
  type CreateAwardBody,
  createAward,
  type UpdateAwardBody,
  updateAward,
} from '../../api/awards';
import { teamQueries } from '../../api/teams';
import { useCan, useCurrentUser } from '../../app/auth/session';
import { useMessages, useT } from '../../app/i18n';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { UnitPicker } from '../../components/UnitPicker';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { IsoDatePicker } from '../registry/IsoDatePicker';
import { registryMessages } from '../registry/messages';
import { awardsMessages } from './messages';

interface Values {
  status: 'proposed' | 'approved';
  recipientType: RecipientType;
  recipientUnitId?: number;
  recipientTeamId?: number;
  recipientMemberId?: number;
  recipientName?: string;
  recipientPosition?: string;
  recipientWorkplace?: string;
  unitId?: number;
  formId: number;
  issuerId: number;
  decisionNumber?: string;
  decisionDate?: string | null;
  reason: AwardReason;
  reasonText?: string;
  periodFrom: number;
  periodTo?: number | null;
  phase?: string;
  notes?: string;
}

const SERVER_FIELDS = [
  'recipientType',
  'recipientUnitId',
  'recipientTeamId',
  'recipientMemberId',
  'recipientName',
  'recipientPosition',
  'recipientWorkplace',
  'unitId',
  'formId',
  'issuerId',
  'decisionNumber',
  'decisionDate',
  'reason',
  'reasonText',
  'periodFrom',
  'periodTo',
  'phase',
  'notes',
] as const;

const text = (value: string | undefined | null) => value?.trim() || null;

function createBody(values: Values): CreateAwardBody {
  const type = values.recipientType;
  return {
    status: values.status,
    recipientType: type,
    ...(type === 'unit' && values.recipientUnitId ? { recipientUnitId: values.recipientUnitId } : {}),
    ...(type === 'team' && values.recipientTeamId ? { recipientTeamId: values.recipientTeamId } : {}),
    ...(type === 'member' && values.recipientMemberId ? { recipientMemberId: values.recipientMemberId } : {}),
    ...(type === 'person' ? { recipientName: text(values.recipientName) } : {}),
    recipientPosition: text(values.recipientPosition),
    recipientWorkplace: text(values.recipientWorkplace),
    ...(type === 'person' && values.unitId ? { unitId: values.unitId } : {}),
    formId: values.formId,
    issuerId: values.issuerId,
    decisionNumber: text(values.decisionNumber),
    decisionDate: values.decisionDate ?? null,
    reason: values.reason,
    reasonText: text(values.reasonText),
    periodFrom: values.periodFrom,
    periodTo: values.periodTo ?? null,
    phase: text(values.phase),
    notes: text(values.notes),
  };
}

function updateBody(award: AwardItem, values: Values): UpdateAwardBody {
  const next: Record<string, unknown> = {
    formId: values.formId,
    issuerId: values.issuerId,
    reason: values.reason,
    reasonText: text(values.reasonText),
    periodFrom: values.periodFrom,
    periodTo: values.periodTo ?? null,
    phase: text(values.phase),
    recipientPosition: text(values.recipientPosition),
    recipientWorkplace: text(values.recipientWorkplace),
    decisionNumber: text(values.decisionNumber),
    decisionDate: values.decisionDate ?? null,
    notes: text(values.notes),
  };
  const before: Record<string, unknown> = {
    formId: award.form.id,
    issuerId: award.issuer.id,
    reason: award.reason,
    reasonText: award.reasonText,
    periodFrom: award.periodFrom,
    periodTo: award.periodTo,
    phase: award.phase,
    recipientPosition: award.recipientPosition,
    recipientWorkplace: award.recipientWorkplace,
    decisionNumber: award.decisionNumber,
    decisionDate: award.decisionDate,
    notes: award.notes,
  };
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])),
  ) as UpdateAwardBody;
}

export function AwardFormDrawer({
  open,
  award,
  onClose,
  onSaved,
}: {
  open: boolean;
  award: AwardItem | undefined;
  onClose: () => void;
  onSaved: (award: AwardItem | AwardDetail) => void;
}) {
  const t = useT();
  const m = useMessages(awardsMessages);
  const r = useMessages(registryMessages).list;
  const me = useCurrentUser();
  const canApprove = useCan()('awards.approve');
  const wide = Grid.useBreakpoint().sm ?? true;
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string>();
  const options = useQuery(awardQueries.options());
  const type = Form.useWatch('recipientType', form);
  const status = Form.useWatch('status', form);
  const reason = Form.useWatch('reason', form);
  const [teamText, setTeamText] = useState('');
  const teamQuery = useDebouncedValue(teamText.trim(), 300);
  const teams = useQuery({
    ...teamQueries.list({ q: teamQuery, pageSize: 20 }),
    enabled: open && !award && (type === 'team' || type === 'member') && teamQuery.length >= 2,
  });
  const [memberTeam, setMemberTeam] = useState<number>();
  const members = useQuery({
    ...teamQueries.members(memberTeam ?? 0, { pageSize: 500, status: 'active' }),
    enabled: open && type === 'member' && memberTeam !== undefined,
  });

  useEffect(() => {
    if (!open) return;
    setProblem(undefined);
    setTeamText('');
    setMemberTeam(undefined);
    form.resetFields();
    if (award) {
      form.setFieldsValue({
        recipientType: award.recipientType,
        recipientName: award.recipientName,
        recipientPosition: award.recipientPosition ?? '',
        recipientWorkplace: award.recipientWorkplace ?? '',
        formId: award.form.id,
        issuerId: award.issuer.id,
        decisionNumber: award.decisionNumber ?? '',
        decisionDate: award.decisionDate,
        reason: award.reason,
        reasonText: award.reasonText ?? '',
        periodFrom: award.periodFrom,
        periodTo: award.periodTo,
        phase: award.phase ?? '',
        notes: award.notes ?? '',
      });
    }
  }, [open, award, form]);

  const save = useMutation({
    mutationFn: async (values: Values): Promise<AwardItem | AwardDetail> => {
      if (!award) return createAward(createBody(values));
      const changes = updateBody(award, values);
      return Object.keys(changes).length > 0 ? updateAward(award.id, changes) : award;
    },
    onSuccess: onSaved,
    onError: (error) => {
      if (!showOnField(form, error, SERVER_FIELDS)) setProblem(errorText(t, error));
    },
  });

  const teamOptions = (teams.data?.items ?? []).map((team) => ({
    value: team.id,
    label: `${team.name} — ${team.unit.fullName}`,
  }));
  const required = [{ required: true, message: m.form.required }];
  const decided = Boolean(award) || status === 'approved';

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={award ? m.form.editTitle(award.recipientName) : m.form.createTitle}
      size={wide ? 600 : '100%'}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {award ? r.save : r.create}
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
        initialValues={{
          status: 'proposed',
          recipientType: 'unit',
          reason: 'excellent',
          periodFrom: Number(todayInVietnam().slice(0, 4)),
          recipientUnitId: me.unit?.id,
        }}
      >
        {!award && canApprove && (
          <Form.Item name="status" label={m.form.status} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'proposed', label: m.form.statusProposed },
                { value: 'approved', label: m.form.statusApproved },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item name="recipientType" label={m.form.recipientType} rules={[{ required: true }]}>
          <Radio.Group
            disabled={Boolean(award)}
            options={RECIPIENT_TYPES.map((value) => ({ value, label: m.recipientTypes[value] }))}
          />
        </Form.Item>
        {award ? (
          <Form.Item label={m.detail.recipient}>
            <strong>{award.recipientName}</strong>
          </Form.Item>
        ) : type === 'unit' ? (
          <Form.Item name="recipientUnitId" label={m.form.recipientUnit} rules={required}>
            <UnitPicker allowNational={false} initial={me.unit} />
          </Form.Item>
        ) : type === 'team' ? (
          <Form.Item name="recipientTeamId" label={m.form.team} rules={required}>
            <Select<number>
              showSearch={{ filterOption: false, onSearch: setTeamText }}
              placeholder={m.form.teamSearch}
              loading={teams.isFetching}
              options={teamOptions}
            />
          </Form.Item>
        ) : type === 'member' ? (
          <>
            <Form.Item label={m.form.memberTeam} required>
              <Select<number>
                showSearch={{ filterOption: false, onSearch: setTeamText }}
                placeholder={m.form.teamSearch}
                loading={teams.isFetching}
                options={teamOptions}
                value={memberTeam}
                onChange={(value) => {
                  setMemberTeam(value);
                  form.setFieldValue('recipientMemberId', undefined);
                }}
              />
            </Form.Item>
            <Form.Item name="recipientMemberId" label={m.form.member} rules={required}>
              <Select<number>
                disabled={memberTeam === undefined}
                loading={members.isFetching}
                showSearch={{ optionFilterProp: 'label' }}
                options={(members.data?.items ?? []).map((member) => ({
                  value: member.id,
                  label: member.fullName,
                }))}
              />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="recipientName" label={m.form.name} rules={required}>
              <Input maxLength={300} autoComplete="off" />
            </Form.Item>
            <Form.Item name="unitId" label={m.form.unit} rules={required}>
              <UnitPicker allowNational={false} initial={me.unit} />
            </Form.Item>
          </>
        )}
        {(award ? award.recipientClass === 'individual' : type === 'member' || type === 'person') && (
          <Space wrap align="start">
            <Form.Item name="recipientPosition" label={m.form.position}>
              <Input maxLength={200} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="recipientWorkplace" label={m.form.workplace}>
              <Input maxLength={300} style={{ width: 280 }} />
            </Form.Item>
          </Space>
        )}
        <Space wrap align="start">
          <Form.Item name="formId" label={m.form.form} rules={required}>
            <Select<number>
              style={{ width: 240 }}
              loading={options.isPending}
              options={(options.data?.forms ?? [])
                .filter((item) => item.active || item.id === award?.form.id)
                .map((item) => ({ value: item.id, label: item.name }))}
            />
          </Form.Item>
          <Form.Item name="issuerId" label={m.form.issuer} rules={required}>
            <Select<number>
              style={{ width: 280 }}
              loading={options.isPending}
              options={(options.data?.issuers ?? [])
                .filter((item) => item.active || item.id === award?.issuer.id)
                .map((item) => ({ value: item.id, label: item.name }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="reason" label={m.form.reason} rules={[{ required: true }]}>
          <Radio.Group options={AWARD_REASONS.map((value) => ({ value, label: m.reasons[value] }))} />
        </Form.Item>
        <Form.Item name="reasonText" label={m.form.reasonText} rules={reason === 'other' ? required : []}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="periodFrom" label={m.form.periodFrom} rules={required}>
            <InputNumber min={1945} max={2100} precision={0} controls={false} />
          </Form.Item>
          <Form.Item name="periodTo" label={m.form.periodTo}>
            <InputNumber min={1945} max={2100} precision={0} controls={false} />
          </Form.Item>
          <Form.Item name="phase" label={m.form.phase}>
            <Input maxLength={200} style={{ width: 260 }} />
          </Form.Item>
        </Space>
        {decided && (
          <Space wrap align="start">
            <Form.Item name="decisionNumber" label={m.form.decisionNumber} rules={award ? [] : required}>
              <Input maxLength={100} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="decisionDate" label={m.form.decisionDate} rules={award ? [] : required}>
              <IsoDatePicker />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="notes" label={m.form.notes}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
