/**
 * Creating or editing a user: name, position, a role the manager may grant, and the unit that bounds what the user
 * sees. A new user always starts with a one-time password, handed over by the manager and replaced at first login.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Grid, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { CurrentUser } from '../../../contracts/accounts';
import { assignableRoles, type RoleId } from '../../../domain/roles';
import {
  type CreatedUserAnswer,
  createUser,
  type UpdateUserBody,
  type UserItem,
  updateUser,
} from '../../api/users';
import { useMessages, useT } from '../../app/i18n';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { UnitPicker } from '../../components/UnitPicker';
import { accountsMessages } from './messages';

interface Values {
  username: string;
  fullName: string;
  position: string;
  role: RoleId;
  unitId: number | null;
}

type Outcome =
  | { kind: 'created'; created: CreatedUserAnswer }
  /** `saved` is absent when nothing changed and nothing was sent. */
  | { kind: 'saved'; saved: UserItem | undefined };

const SERVER_FIELDS = ['username', 'fullName', 'position', 'role', 'unitId'] as const;
const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/** Only what changed goes to the server, so that the audit trail records exactly that. */
function changesOf(user: UserItem, values: Values): UpdateUserBody {
  const changes: UpdateUserBody = {};
  const fullName = values.fullName.trim();
  const position = values.position?.trim() || null;
  if (fullName !== user.fullName) changes.fullName = fullName;
  if (position !== user.position) changes.position = position;
  if (values.role !== user.role) changes.role = values.role;
  if (values.unitId !== (user.unit?.id ?? null)) changes.unitId = values.unitId;
  return changes;
}

export function UserFormDrawer({
  open,
  user,
  manager,
  onClose,
  onCreated,
  onSaved,
}: {
  open: boolean;
  /** The user being edited; absent when creating one. */
  user: UserItem | undefined;
  manager: CurrentUser;
  onClose: () => void;
  onCreated: (answer: CreatedUserAnswer) => void;
  onSaved: (user: UserItem | undefined) => void;
}) {
  const t = useT();
  const m = useMessages(accountsMessages).users;
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string>();
  const roles = assignableRoles(manager.role);

  useEffect(() => {
    if (!open) return;
    setProblem(undefined);
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        fullName: user.fullName,
        position: user.position ?? '',
        role: user.role,
        unitId: user.unit?.id ?? null,
      });
    }
  }, [open, user, form]);

  const save = useMutation({
    mutationFn: async (values: Values): Promise<Outcome> => {
      if (!user) {
        const position = values.position?.trim();
        return {
          kind: 'created',
          created: await createUser({
            username: values.username,
            fullName: values.fullName.trim(),
            ...(position ? { position } : {}),
            role: values.role,
            unitId: values.unitId,
          }),
        };
      }
      const changes = changesOf(user, values);
      return {
        kind: 'saved',
        saved: Object.keys(changes).length > 0 ? await updateUser(user.id, changes) : undefined,
      };
    },
    onSuccess: (result) => {
      if (result.kind === 'created') onCreated(result.created);
      else onSaved(result.saved);
    },
    onError: (error) => {
      if (!showOnField(form, error, SERVER_FIELDS)) setProblem(errorText(t, error));
    },
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={user ? m.editTitle(user.username) : m.createTitle}
      size={screens.sm ? 480 : '100%'}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {user ? m.save : m.create}
          </Button>
          <Button onClick={onClose}>{m.cancel}</Button>
        </Space>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} className="account-alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={(values) => {
          setProblem(undefined);
          save.mutate(values);
        }}
        initialValues={{ unitId: manager.unit === null ? undefined : manager.unit.id }}
      >
        {!user && (
          <Form.Item
            name="username"
            label={m.colUsername}
            extra={m.usernameHint}
            normalize={(value: string) => value.toLowerCase().trim()}
            rules={[
              { required: true, message: m.usernameRequired },
              { min: 3, max: 50, pattern: USERNAME_PATTERN, message: m.usernameInvalid },
            ]}
          >
            <Input autoComplete="off" autoCapitalize="off" spellCheck={false} maxLength={50} />
          </Form.Item>
        )}
        <Form.Item
          name="fullName"
          label={m.colFullName}
          rules={[{ required: true, whitespace: true, message: m.fullNameRequired }]}
        >
          <Input maxLength={150} autoComplete="off" />
        </Form.Item>
        <Form.Item name="position" label={m.colPosition}>
          <Input maxLength={150} autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label={m.colRole} rules={[{ required: true, message: m.roleRequired }]}>
          <Select<RoleId>
            // Nobody changes their own role (the server refuses it): another manager has to.
            disabled={user?.id === manager.id}
            options={roles.map((role) => ({ value: role, label: t.roles[role] }))}
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={m.colUnit}
          // Nationwide (null) is a valid choice for national managers, so the rule below checks for "nothing".
          required
          extra={m.unitHint}
          rules={[
            {
              validator: (_rule, value: number | null | undefined) =>
                value === undefined ? Promise.reject(new Error(m.unitRequired)) : Promise.resolve(),
            },
          ]}
        >
          <UnitPicker allowNational={manager.unit === null} initial={user?.unit ?? manager.unit} />
        </Form.Item>
        {!user && <Alert type="info" showIcon title={m.oneTimeNote} className="user-form__note" />}
      </Form>
    </Drawer>
  );
}
