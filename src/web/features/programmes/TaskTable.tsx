/**
 * Tasks with their owner, due date, status and progress notes: the tasks of a programme plan and the conclusions of
 * a steering committee meeting. Changing the status or adding a note refreshes the page's data.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import {
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  type TaskState,
  type TaskStatus,
} from '../../../domain/coordination';
import { todayInVietnam } from '../../../domain/dates';
import { addTaskNote, type TaskItem, updateTask } from '../../api/programmes';
import { useMessages, useT } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { errorText } from '../../components/errorText';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { programmeMessages } from './messages';

const STATE_COLORS: Record<TaskState, string> = {
  done: 'green',
  late: 'red',
  in_progress: 'blue',
  not_started: 'default',
};

export function TaskTable({ tasks, refresh }: { tasks: TaskItem[]; refresh: readonly unknown[] }) {
  const t = useT();
  const m = useMessages(programmeMessages);
  const client = useQueryClient();
  const [noting, setNoting] = useState<TaskItem>();
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm<{ notedOn: string; note: string }>();
  const done = () => void client.invalidateQueries({ queryKey: refresh });
  const status = useMutation({
    mutationFn: ({ id, value }: { id: number; value: TaskStatus }) => updateTask(id, { status: value }),
    onSuccess: done,
    onError: (error) => setProblem(errorText(t, error)),
  });
  const note = useMutation({
    mutationFn: (values: { notedOn: string; note: string }) => addTaskNote(noting!.id, values),
    onSuccess: () => {
      setNoting(undefined);
      done();
    },
    onError: (error) => setProblem(errorText(t, error)),
  });
  return (
    <>
      {problem && (
        <Alert type="error" showIcon title={problem} closable onClose={() => setProblem(undefined)} />
      )}
      <Table<TaskItem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={tasks}
        locale={{ emptyText: m.noTasks }}
        scroll={{ x: 820 }}
        columns={[
          { title: m.taskTitle, dataIndex: 'title' },
          { title: m.taskOwner, dataIndex: 'ownerOrganisation', width: 180 },
          {
            title: m.taskDue,
            dataIndex: 'dueOn',
            width: 110,
            render: (value: string | null) => <DateText value={value} fallback={m.none} />,
          },
          {
            title: m.taskStatus,
            key: 'status',
            width: 170,
            render: (_, task) =>
              task.canEdit ? (
                <Select<TaskStatus>
                  size="small"
                  value={task.status}
                  style={{ width: 160 }}
                  aria-label={m.taskStatus}
                  onChange={(value) => status.mutate({ id: task.id, value })}
                  options={TASK_STATUSES.map((value) => ({ value, label: TASK_STATUS_LABELS[value] }))}
                />
              ) : (
                task.statusLabel
              ),
          },
          {
            title: m.taskState,
            key: 'state',
            width: 130,
            render: (_, task) => <Tag color={STATE_COLORS[task.state]}>{task.stateLabel}</Tag>,
          },
          {
            title: m.taskNotes,
            key: 'notes',
            render: (_, task) => (
              <div>
                {task.notes.slice(0, 2).map((entry) => (
                  <div key={entry.id}>
                    <DateText value={entry.notedOn} />: {entry.note}
                  </div>
                ))}
                {task.canEdit && (
                  <Button size="small" type="link" onClick={() => setNoting(task)}>
                    {m.addNote}
                  </Button>
                )}
              </div>
            ),
          },
        ]}
      />
      <Modal
        open={noting !== undefined}
        title={m.addNote}
        okText={m.save}
        cancelText={m.cancel}
        confirmLoading={note.isPending}
        onCancel={() => setNoting(undefined)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ notedOn: todayInVietnam() }}
          onFinish={(values) => note.mutate(values)}
        >
          <Form.Item name="notedOn" label={m.noteDate} rules={[{ required: true, message: m.required }]}>
            <IsoDatePicker />
          </Form.Item>
          <Form.Item
            name="note"
            label={m.noteText}
            rules={[{ required: true, whitespace: true, message: m.required }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
