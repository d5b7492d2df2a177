/**
 * Adding a member to a team, or correcting one. Eligibility (age 18–70 in the year of joining, at least a year of
 * residence) is the server's to check: its refusal lands on the field at fault, and an age outside the range can be
 * admitted with the approved exception written down.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Drawer, Form, Grid, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { todayInVietnam } from '../../../domain/dates';
import { GENDERS, type Gender, type MemberRole } from '../../../domain/teams';
import {
  addMember,
  type MemberDetail,
  type MemberItem,
  type TeamDetail,
  type UpdateMemberBody,
  updateMember,
} from '../../api/teams';
import { useMessages, useT } from '../../app/i18n';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { IsoDatePicker } from '../registry/IsoDatePicker';
import { registryMessages } from '../registry/messages';
import { teamsMessages } from './messages';

interface Values {
  fullName: string;
  birthYear: number;
  gender?: Gender | null;
  phone?: string;
  role: MemberRole;
  position?: string;
  organisation?: string;
  joinedOn: string;
  residenceSince?: string | null;
  hasException?: boolean;
  eligibilityException?: string;
  recognitionDecisionNumber?: string;
  recognitionDecisionDate?: string | null;
  certificateNumber?: string;
  notes?: string;
}

const SERVER_FIELDS = [
  'fullName',
  'birthYear',
  'gender',
  'phone',
  'role',
  'position',
  'organisation',
  'joinedOn',
  'residenceSince',
  'eligibilityException',
  'recognitionDecisionNumber',
  'recognitionDecisionDate',
  'certificateNumber',
  'notes',
] as const;

const PHONE = /^[0-9+][0-9 .()-]{7,19}$/;
const text = (value: string | undefined | null) => value?.trim() || null;

function bodyOf(values: Values) {
  return {
    fullName: values.fullName.trim(),
    birthYear: values.birthYear,
    gender: values.gender ?? null,
    phone: text(values.phone),
    role: values.role,
    position: text(values.position),
    organisation: text(values.organisation),
    joinedOn: values.joinedOn,
    residenceSince: values.residenceSince ?? null,
    eligibilityException: values.hasException ? text(values.eligibilityException) : null,
    recognitionDecisionNumber: text(values.recognitionDecisionNumber),
    recognitionDecisionDate: values.recognitionDecisionDate ?? null,
    certificateNumber: text(values.certificateNumber),
    notes: text(values.notes),
  };
}

/** Only what changed goes to the server, so that the audit trail records exactly that. */
function changesOf(member: MemberItem, values: Values): UpdateMemberBody {
  const next = bodyOf(values);
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (value !== (member as unknown as Record<string, unknown>)[key]) changes[key] = value;
  }
  return changes as UpdateMemberBody;
}

export function MemberFormDrawer({
  open,
  team,
  member,
  onClose,
  onSaved,
}: {
  open: boolean;
  team: TeamDetail;
  member: MemberItem | undefined;
  onClose: () => void;
  onSaved: (member: MemberDetail | MemberItem, created: boolean) => void;
}) {
  const t = useT();
  const m = useMessages(teamsMessages);
  const r = useMessages(registryMessages).list;
  const wide = Grid.useBreakpoint().sm ?? true;
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string>();
  const hasException = Form.useWatch('hasException', form);

  useEffect(() => {
    if (!open) return;
    setProblem(undefined);
    form.resetFields();
    if (member) {
      form.setFieldsValue({
        fullName: member.fullName,
        birthYear: member.birthYear,
        gender: member.gender,
        phone: member.phone ?? '',
        role: member.role,
        position: member.position ?? '',
        organisation: member.organisation ?? '',
        joinedOn: member.joinedOn,
        residenceSince: member.residenceSince,
        hasException: member.eligibilityException !== null,
        eligibilityException: member.eligibilityException ?? '',
        recognitionDecisionNumber: member.recognitionDecisionNumber ?? '',
        recognitionDecisionDate: member.recognitionDecisionDate,
        certificateNumber: member.certificateNumber ?? '',
        notes: member.notes ?? '',
      });
    }
  }, [open, member, form]);

  const save = useMutation({
    mutationFn: async (values: Values): Promise<{ saved: MemberDetail | MemberItem; created: boolean }> => {
      if (!member) return { saved: await addMember(team.id, bodyOf(values)), created: true };
      const changes = changesOf(member, values);
      return {
        saved: Object.keys(changes).length > 0 ? await updateMember(team.id, member.id, changes) : member,
        created: false,
      };
    },
    onSuccess: ({ saved, created }) => onSaved(saved, created),
    onError: (error) => {
      if (!showOnField(form, error, SERVER_FIELDS)) setProblem(errorText(t, error));
    },
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={member ? m.memberForm.editTitle(member.fullName) : m.memberForm.createTitle(team.name)}
      size={wide ? 520 : '100%'}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {member ? r.save : m.members.add}
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
          role: team.allowedRoles.at(-1),
          joinedOn: todayInVietnam(),
          hasException: false,
        }}
      >
        <Form.Item
          name="fullName"
          label={m.memberForm.fullName}
          rules={[{ required: true, whitespace: true, message: m.memberForm.fullNameRequired }]}
        >
          <Input maxLength={150} autoComplete="off" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="birthYear"
            label={m.memberForm.birthYear}
            extra={m.memberForm.ageHint}
            rules={[{ required: true, message: m.memberForm.birthYearRequired }]}
            style={{ flex: 1, marginInlineEnd: 12 }}
          >
            <InputNumber min={1900} max={2100} precision={0} controls={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="gender" label={m.memberForm.gender} style={{ flex: 1 }}>
            <Select<Gender>
              allowClear
              options={GENDERS.map((gender) => ({ value: gender, label: m.genders[gender] }))}
            />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="hasException" valuePropName="checked" className="member-form__exception">
          <Checkbox>{m.memberForm.exceptionToggle}</Checkbox>
        </Form.Item>
        {hasException && (
          <Form.Item
            name="eligibilityException"
            label={m.memberForm.exception}
            rules={[{ required: true, whitespace: true, message: m.memberForm.exceptionRequired }]}
          >
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        )}
        <Form.Item
          name="role"
          label={m.memberForm.role}
          rules={[{ required: true, message: m.memberForm.roleRequired }]}
        >
          <Select<MemberRole>
            options={team.allowedRoles.map((role) => ({ value: role, label: m.roleLabel(team.kind, role) }))}
          />
        </Form.Item>
        <Form.Item name="position" label={m.memberForm.position}>
          <Input maxLength={200} placeholder={m.memberForm.positionPlaceholder} />
        </Form.Item>
        <Form.Item name="organisation" label={m.memberForm.organisation}>
          <Input maxLength={200} placeholder={m.memberForm.organisationPlaceholder} />
        </Form.Item>
        <Form.Item
          name="joinedOn"
          label={m.memberForm.joinedOn}
          rules={[{ required: true, message: m.memberForm.joinedRequired }]}
        >
          <IsoDatePicker allowClear={false} />
        </Form.Item>
        <Form.Item
          name="residenceSince"
          label={m.memberForm.residenceSince}
          extra={m.memberForm.residenceHint}
        >
          <IsoDatePicker />
        </Form.Item>
        <Form.Item
          name="phone"
          label={m.memberForm.phone}
          rules={[{ pattern: PHONE, message: m.memberForm.phoneInvalid }]}
        >
          <Input maxLength={20} autoComplete="off" inputMode="tel" />
        </Form.Item>
        <Form.Item name="recognitionDecisionNumber" label={m.memberForm.recognitionDecisionNumber}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="recognitionDecisionDate" label={m.memberForm.recognitionDecisionDate}>
          <IsoDatePicker />
        </Form.Item>
        <Form.Item name="certificateNumber" label={m.memberForm.certificateNumber}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="notes" label={m.memberForm.notes}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
