/**
 * Writing a portal post: title, kind, summary and a body in the little Markdown the portal renders (buttons insert
 * the marks; no rich-text editor to download), a preview drawn by the portal's own renderer, the unit it is
 * published for, and publish / unpublish.
 */
import {
  ArrowLeftOutlined,
  BoldOutlined,
  ExportOutlined,
  FontSizeOutlined,
  ItalicOutlined,
  LinkOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  message,
  Radio,
  Space,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { type PostBody, type PostItem, portalActions, portalQueries } from '../../api/portal';
import { useMessages, useT } from '../../app/i18n';
import { DateTimeText } from '../../components/DateTimeText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../components/errorText';
import { showOnField } from '../../components/formErrors';
import { UnitPicker } from '../../components/UnitPicker';
import { Markdown } from '../../portal/Markdown';
import { portalMessages } from './messages';

interface Values {
  kind: PostBody['kind'];
  title: string;
  summary?: string;
  body: string;
  unitId?: number | null;
}

const FIELDS = ['kind', 'title', 'summary', 'body', 'unitId'] as const;

export default function PostEditorPage() {
  const { id: rawId = 'moi' } = useParams();
  const id = rawId === 'moi' ? null : Number(rawId);
  const existing = useQuery({ ...portalQueries.post(id ?? 0), enabled: id !== null });
  if (id !== null && existing.error)
    return (
      <div className="page">
        <ErrorAlert error={existing.error} onRetry={() => void existing.refetch()} />
      </div>
    );
  if (id !== null && !existing.data) return null;
  return <Editor key={id ?? 'new'} post={existing.data ?? null} />;
}

function Editor({ post }: { post: PostItem | null }) {
  const m = useMessages(portalMessages);
  const t = useT();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [messageApi, holder] = message.useMessage();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [current, setCurrent] = useState<PostItem | null>(post);
  const [tab, setTab] = useState('write');
  const body = Form.useWatch('body', form) ?? '';
  const textArea = useRef<TextAreaRef>(null);

  useEffect(() => {
    document.title = `${post ? m.editorEdit : m.editorNew} — ANTQ`;
  }, [m, post]);

  const bodyOf = (values: Values): PostBody => ({
    kind: values.kind,
    title: values.title,
    summary: values.summary?.trim() ? values.summary : null,
    body: values.body,
    ...(values.unitId ? { unitId: values.unitId } : {}),
  });

  const run = async (work: () => Promise<PostItem>, done: string) => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await work();
      setCurrent(saved);
      client.setQueryData(portalQueries.post(saved.id).queryKey, saved);
      await client.invalidateQueries({ queryKey: ['portal', 'posts'] });
      void messageApi.success(done);
      return saved;
    } catch (error) {
      if (!showOnField(form, error, FIELDS)) setProblem(errorText(t, error));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const save = async (thenPublish: boolean) => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const saved = await run(
      () =>
        current ? portalActions.update(current.id, bodyOf(values)) : portalActions.create(bodyOf(values)),
      m.saved,
    );
    if (saved && thenPublish) await run(() => portalActions.publish(saved.id, true), m.published);
    // The address of a new post changes once everything is done (the page is drawn again for it).
    if (saved && !post) navigate(`/cong-thong-tin/bai-viet/${saved.id}`, { replace: true });
  };

  /** Wraps the selection in marks, or starts the current line with a prefix, then puts the cursor back. */
  const mark = (before: string, after = '', linePrefix = false) => {
    const element = textArea.current?.resizableTextArea?.textArea;
    const text: string = form.getFieldValue('body') ?? '';
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    let next: string;
    let cursor: number;
    if (linePrefix) {
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      next = `${text.slice(0, lineStart)}${before}${text.slice(lineStart)}`;
      cursor = end + before.length;
    } else {
      const chosen = text.slice(start, end) || m.body.toLowerCase();
      next = `${text.slice(0, start)}${before}${chosen}${after}${text.slice(end)}`;
      cursor = start + before.length + chosen.length;
    }
    form.setFieldValue('body', next);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(cursor, cursor);
    });
  };

  const published = current?.status === 'published';
  return (
    <div className="page">
      {holder}
      <Link to="/cong-thong-tin/bai-viet">
        <ArrowLeftOutlined /> {m.back}
      </Link>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {current ? m.editorEdit : m.editorNew}
        </Typography.Title>
        {current && (
          <Space wrap>
            <Tag color={published ? 'green' : 'default'}>{m.statuses[current.status]}</Tag>
            {current.publishedAt && <DateTimeText value={current.publishedAt} />}
            <Typography.Text type="secondary">{m.author(current.authorName)}</Typography.Text>
          </Space>
        )}
      </Space>
      {problem && <Alert type="error" showIcon title={problem} style={{ margin: '12px 0' }} />}
      <Card size="small" style={{ marginTop: 12, maxWidth: 900 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            kind: post?.kind ?? 'news',
            title: post?.title ?? '',
            summary: post?.summary ?? '',
            body: post?.body ?? '',
            unitId: post?.unitId ?? null,
          }}
          disabled={busy}
        >
          <Form.Item name="kind" label={m.kind}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'news', label: m.kinds.news },
                { value: 'legal_education', label: m.kinds.legal_education },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={m.title}
            rules={[{ required: true, whitespace: true, message: m.required }, { min: 3 }]}
          >
            <Input maxLength={200} showCount />
          </Form.Item>
          <Form.Item name="summary" label={m.summary}>
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
          <Form.Item label={m.body} required>
            <Tabs
              activeKey={tab}
              onChange={setTab}
              size="small"
              items={[
                {
                  key: 'write',
                  label: m.write,
                  children: (
                    <>
                      <Space wrap style={{ marginBottom: 8 }}>
                        <Tooltip title={m.bold}>
                          <Button
                            aria-label={m.bold}
                            icon={<BoldOutlined />}
                            onClick={() => mark('**', '**')}
                          />
                        </Tooltip>
                        <Tooltip title={m.italic}>
                          <Button
                            aria-label={m.italic}
                            icon={<ItalicOutlined />}
                            onClick={() => mark('*', '*')}
                          />
                        </Tooltip>
                        <Tooltip title={m.heading}>
                          <Button
                            aria-label={m.heading}
                            icon={<FontSizeOutlined />}
                            onClick={() => mark('## ', '', true)}
                          />
                        </Tooltip>
                        <Tooltip title={m.list}>
                          <Button
                            aria-label={m.list}
                            icon={<UnorderedListOutlined />}
                            onClick={() => mark('- ', '', true)}
                          />
                        </Tooltip>
                        <Tooltip title={m.link}>
                          <Button
                            aria-label={m.link}
                            icon={<LinkOutlined />}
                            onClick={() => mark('[', '](https://)')}
                          />
                        </Tooltip>
                      </Space>
                      <Form.Item
                        name="body"
                        noStyle
                        rules={[{ required: true, whitespace: true, message: m.required }]}
                      >
                        <Input.TextArea ref={textArea} rows={14} maxLength={50_000} aria-label={m.body} />
                      </Form.Item>
                      <Typography.Paragraph type="secondary" style={{ marginTop: 6, fontSize: 12 }}>
                        {m.formatHelp}
                      </Typography.Paragraph>
                    </>
                  ),
                },
                {
                  key: 'preview',
                  label: m.preview,
                  children: (
                    <div className="post-preview" data-testid="post-preview">
                      <Typography.Title level={4}>{form.getFieldValue('title')}</Typography.Title>
                      {body.trim() ? (
                        <Markdown text={body} />
                      ) : (
                        <Typography.Text type="secondary">{m.previewEmpty}</Typography.Text>
                      )}
                    </div>
                  ),
                },
              ]}
            />
          </Form.Item>
          <Form.Item name="unitId" label={m.unit} extra={m.unitHelp}>
            <UnitPicker
              allowNational={false}
              initial={
                post
                  ? { id: post.unitId, code: post.unitCode, kind: post.unitKind, fullName: post.unitName }
                  : null
              }
            />
          </Form.Item>
          <Space wrap>
            <Button onClick={() => void save(false)} loading={busy}>
              {current ? m.saveChanges : m.save}
            </Button>
            {!published && (
              <Button type="primary" onClick={() => void save(true)} loading={busy}>
                {m.publish}
              </Button>
            )}
            {published && current && (
              <>
                <Button
                  danger
                  onClick={() => void run(() => portalActions.publish(current.id, false), m.unpublished)}
                >
                  {m.unpublish}
                </Button>
                <Button icon={<ExportOutlined />} href={`/cong-dan/bai-viet/${current.id}`} target="_blank">
                  {m.viewOnPortal}
                </Button>
              </>
            )}
          </Space>
        </Form>
      </Card>
    </div>
  );
}
