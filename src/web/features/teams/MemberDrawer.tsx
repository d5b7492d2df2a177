/**
 * One member opened up: the facts, the yearly ratings, the training courses (record one, remove one recorded by
 * mistake) and the history of changes.
 */
import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Grid,
  Input,
  Popconfirm,
  Skeleton,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import type { TeamKind } from '../../../domain/teams';
import { addTraining, removeTraining, teamQueries } from '../../api/teams';
import { useCan } from '../../app/auth/session';
import { useMessages, useT } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { HistoryList } from '../registry/HistoryList';
import { IsoDatePicker } from '../registry/IsoDatePicker';
import { registryMessages } from '../registry/messages';
import { teamsMessages } from './messages';

interface TrainingValues {
  course: string;
  fromDate: string;
  toDate?: string | null;
  result?: string;
}

export function MemberDrawer({
  teamId,
  teamKind,
  memberId,
  onClose,
}: {
  teamId: number;
  teamKind: TeamKind;
  memberId: number | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const m = useMessages(teamsMessages);
  const r = useMessages(registryMessages).list;
  const wide = Grid.useBreakpoint().md ?? true;
  const canWrite = useCan()('registry.write');
  const client = useQueryClient();
  const [form] = Form.useForm<TrainingValues>();
  const [problem, setProblem] = useState<string>();
  const member = useQuery({ ...teamQueries.member(teamId, memberId ?? 0), enabled: memberId !== undefined });

  const refresh = () => client.invalidateQueries({ queryKey: teamQueries.all });
  const add = useMutation({
    mutationFn: (values: TrainingValues) =>
      addTraining(teamId, memberId!, {
        course: values.course.trim(),
        fromDate: values.fromDate,
        toDate: values.toDate ?? null,
        result: values.result?.trim() || null,
      }),
    onSuccess: () => {
      form.resetFields();
      setProblem(undefined);
      void refresh();
    },
    onError: (error) => {
      if (!showOnField(form, error, ['course', 'fromDate', 'toDate', 'result']))
        setProblem(errorText(t, error));
    },
  });
  const remove = useMutation({
    mutationFn: (trainingId: number) => removeTraining(teamId, memberId!, trainingId),
    onSuccess: () => void refresh(),
    onError: (error) => setProblem(errorText(t, error)),
  });

  const data = member.data;
  return (
    <Drawer
      open={memberId !== undefined}
      onClose={onClose}
      title={data ? data.fullName : m.member.title}
      size={wide ? 640 : '100%'}
      destroyOnHidden
    >
      {member.isError ? (
        <ErrorAlert error={member.error} onRetry={() => void member.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'role', label: m.member.role, children: m.roleLabel(teamKind, data.role) },
              { key: 'birthYear', label: m.member.birthYear, children: data.birthYear },
              {
                key: 'gender',
                label: m.member.gender,
                children: data.gender ? m.genders[data.gender] : r.none,
              },
              { key: 'phone', label: m.member.phone, children: data.phone ?? r.none },
              { key: 'joinedOn', label: m.member.joinedOn, children: <DateText value={data.joinedOn} /> },
              ...(data.leftOn
                ? [
                    { key: 'leftOn', label: m.member.leftOn, children: <DateText value={data.leftOn} /> },
                    { key: 'leaveReason', label: m.member.leaveReason, children: data.leaveReason ?? r.none },
                  ]
                : []),
              {
                key: 'residenceSince',
                label: m.member.residenceSince,
                children: <DateText value={data.residenceSince} fallback={r.none} />,
              },
              ...(data.eligibilityException
                ? [{ key: 'exception', label: m.member.exception, children: data.eligibilityException }]
                : []),
              {
                key: 'recognition',
                label: m.member.recognition,
                children:
                  m.detail.decisionText(data.recognitionDecisionNumber, data.recognitionDecisionDate, null) ||
                  r.none,
              },
              ...(data.position || data.organisation
                ? [
                    {
                      key: 'position',
                      label: m.member.position,
                      children: [data.position, data.organisation].filter(Boolean).join(', '),
                    },
                  ]
                : []),
              {
                key: 'certificate',
                label: m.member.certificateNumber,
                children: data.certificateNumber ?? r.none,
              },
              ...(data.notes ? [{ key: 'notes', label: m.member.notes, children: data.notes }] : []),
            ]}
          />
          <h3 className="registry-import__errors-title">{m.member.ratings}</h3>
          {data.ratings.length === 0 ? (
            <p className="muted">{m.member.noRatings}</p>
          ) : (
            <div className="registry-tags">
              {data.ratings.map((rating) => (
                <Tag key={rating.year} color={rating.rating === 'excellent' ? 'gold' : undefined}>
                  {m.members.ratingShort(rating.year, m.ratings[rating.rating])}
                </Tag>
              ))}
            </div>
          )}
          <h3 className="registry-import__errors-title">{m.member.trainings}</h3>
          {problem && <Alert type="error" showIcon title={problem} className="registry-import__alert" />}
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.trainings}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.member.noTrainings} />,
            }}
            columns={[
              { key: 'course', title: m.member.course, dataIndex: 'course' },
              {
                key: 'period',
                title: `${m.member.fromDate} – ${m.member.toDate}`,
                render: (_value, training) => m.member.period(training.fromDate, training.toDate),
              },
              {
                key: 'result',
                title: m.member.result,
                render: (_value, training) => training.result ?? r.none,
              },
              ...(canWrite
                ? [
                    {
                      key: 'remove',
                      width: 60,
                      render: (_value: unknown, training: { id: number }) => (
                        <Popconfirm
                          title={m.member.removeTrainingConfirm}
                          okText={m.member.removeTraining}
                          cancelText={r.cancel}
                          onConfirm={() => remove.mutateAsync(training.id).catch(() => undefined)}
                        >
                          <Button
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={m.member.removeTraining}
                          />
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {canWrite && (
            <Form<TrainingValues>
              form={form}
              layout="vertical"
              className="training-form"
              onFinish={(values) => add.mutate(values)}
              requiredMark="optional"
            >
              <Form.Item
                name="course"
                label={m.member.course}
                rules={[{ required: true, whitespace: true, message: m.member.courseRequired }]}
              >
                <Input maxLength={300} />
              </Form.Item>
              <div className="registry-filters">
                <Form.Item
                  name="fromDate"
                  label={m.member.fromDate}
                  rules={[{ required: true, message: m.member.fromRequired }]}
                >
                  <IsoDatePicker />
                </Form.Item>
                <Form.Item name="toDate" label={m.member.toDate}>
                  <IsoDatePicker />
                </Form.Item>
                <Form.Item name="result" label={m.member.result}>
                  <Input maxLength={300} />
                </Form.Item>
              </div>
              <Button htmlType="submit" loading={add.isPending}>
                {m.member.addTraining}
              </Button>
            </Form>
          )}
          <h3 className="registry-import__errors-title">{m.member.history}</h3>
          <HistoryList events={data.history} />
        </>
      )}
    </Drawer>
  );
}
