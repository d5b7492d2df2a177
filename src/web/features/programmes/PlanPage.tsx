/** A unit's plan implementing a programme: its tasks with owners, due dates, status and progress notes. */
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Skeleton } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { addPlanTask, programmeQueries } from '../../api/programmes';
import { PageMessage } from '../../app/ErrorPages';
import { useMessages, useT } from '../../app/i18n';
import { DateText } from '../../components/DateText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { programmeMessages } from './messages';
import { TaskTable } from './TaskTable';
import './programmes.css';

export default function PlanPage() {
  const t = useT();
  const m = useMessages(programmeMessages);
  const client = useQueryClient();
  const planId = Number(useParams().planId);
  const valid = Number.isInteger(planId) && planId > 0;
  const plan = useQuery({ ...programmeQueries.plan(planId), enabled: valid });
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm<{ title: string; ownerOrganisation: string; dueOn?: string }>();
  const save = useMutation({
    mutationFn: (values: { title: string; ownerOrganisation: string; dueOn?: string }) =>
      addPlanTask(planId, { ...values, dueOn: values.dueOn ?? null }),
    onSuccess: (detail) => {
      client.setQueryData(programmeQueries.plan(planId).queryKey, detail);
      void client.invalidateQueries({ queryKey: ['programmes', 'progress'] });
      setAdding(false);
    },
    onError: (error) => {
      if (!showOnField(form, error, ['title', 'ownerOrganisation', 'dueOn'])) setProblem(errorText(t, error));
    },
  });
  if (!valid) return <PageMessage title={t.errors.pageNotFound} detail={t.errors.pageNotFoundDetail} />;
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => plan.refetch()} />;
  if (!plan.data) return <Skeleton active />;
  const data = plan.data;
  return (
    <div className="page">
      <Link to={`/chuong-trinh-phoi-hop/${data.programme.id}`}>
        <ArrowLeftOutlined /> {m.planBack} {data.programme.number}
      </Link>
      <div className="page-header">
        <div className="page-header__main">
          <h1 className="page-header__title">{data.title}</h1>
          <p className="page-header__intro muted">
            {data.unit.fullName}
            {data.number ? ` · ${data.number}` : ''} · <DateText value={data.issuedOn} />
            {data.phaseName ? ` · ${data.phaseName}` : ''}
          </p>
        </div>
        {data.canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {m.addTask}
          </Button>
        )}
      </div>
      <Card size="small" title={m.tasksTitle}>
        <TaskTable tasks={data.tasks} refresh={['programmes']} />
      </Card>
      <Modal
        open={adding}
        title={m.addTask}
        okText={m.save}
        cancelText={m.cancel}
        confirmLoading={save.isPending}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {problem && <Alert type="error" showIcon title={problem} />}
        <Form
          form={form}
          layout="vertical"
          requiredMark="optional"
          onFinish={(values) => save.mutate(values)}
        >
          <Form.Item
            name="title"
            label={m.taskTitle}
            rules={[{ required: true, whitespace: true, message: m.required }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item
            name="ownerOrganisation"
            label={m.taskOwner}
            rules={[{ required: true, whitespace: true, message: m.required }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="dueOn" label={m.taskDue}>
            <IsoDatePicker noFuture={false} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
