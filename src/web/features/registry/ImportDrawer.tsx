/**
 * Excel import in two steps. The file is first checked without writing anything: every bad row comes back named by
 * sheet, row and column. Only a file without a single error can then be written, all of it in one transaction,
 * with a progress bar while a large file is written. The template is one click away.
 */
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Grid, Progress, Space, Table, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  type ImportResult,
  type ImportRowError,
  importResultOf,
  type JobState,
  startImport,
} from '../../api/jobs';
import { useMessages, useT } from '../../app/i18n';
import { errorText } from '../../components/errorText';
import { NumberText } from '../../components/NumberText';
import { followJob } from './followJob';
import { registryMessages } from './messages';

type Step =
  | { kind: 'pick' }
  | { kind: 'checking'; job: JobState | undefined }
  | { kind: 'preview'; result: ImportResult }
  | { kind: 'writing'; job: JobState | undefined; preview: ImportResult }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'failed'; message: string };

const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function ImportDrawer({
  open,
  title,
  intro,
  importPath,
  templateUrl,
  onClose,
  onImported,
}: {
  open: boolean;
  title: string;
  intro: string;
  importPath: string;
  templateUrl: string;
  onClose: () => void;
  onImported: () => void;
}) {
  const t = useT();
  const m = useMessages(registryMessages).import;
  const wide = Grid.useBreakpoint().md ?? true;
  const [file, setFile] = useState<File>();
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const running = useRef<AbortController | undefined>(undefined);

  useEffect(() => {
    if (!open) return;
    setFile(undefined);
    setStep({ kind: 'pick' });
    return () => running.current?.abort();
  }, [open]);

  const run = async (dryRun: boolean, preview?: ImportResult) => {
    if (!file) return;
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setStep(
      dryRun ? { kind: 'checking', job: undefined } : { kind: 'writing', job: undefined, preview: preview! },
    );
    try {
      const first = await startImport(importPath, file, dryRun, controller.signal);
      const last = await followJob(
        first,
        (job) => setStep(dryRun ? { kind: 'checking', job } : { kind: 'writing', job, preview: preview! }),
        controller.signal,
      );
      const result = importResultOf(last);
      if (!result) {
        setStep({ kind: 'failed', message: last.error?.message ?? m.failed });
        return;
      }
      if (dryRun) setStep({ kind: 'preview', result });
      else {
        setStep({ kind: 'done', result });
        if (result.committed) onImported();
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      setStep({ kind: 'failed', message: errorText(t, error) });
    }
  };

  const busy = step.kind === 'checking' || step.kind === 'writing';
  const job = step.kind === 'checking' || step.kind === 'writing' ? step.job : undefined;
  const result =
    step.kind === 'preview' || step.kind === 'done'
      ? step.result
      : step.kind === 'writing'
        ? step.preview
        : undefined;
  const rows = result?.sheets.reduce((sum, sheet) => sum + sheet.rows, 0) ?? 0;
  const canWrite = step.kind === 'preview' && step.result.errorCount === 0 && rows > 0;

  return (
    <Drawer
      open={open}
      onClose={busy && step.kind === 'writing' ? undefined : onClose}
      title={title}
      size={wide ? 720 : '100%'}
      destroyOnHidden
      footer={
        <Space wrap>
          {(step.kind === 'pick' || step.kind === 'failed' || step.kind === 'checking') && (
            <Button
              type="primary"
              disabled={!file}
              loading={step.kind === 'checking'}
              onClick={() => void run(true)}
            >
              {m.check}
            </Button>
          )}
          {step.kind === 'preview' && (
            <>
              <Button type="primary" disabled={!canWrite} onClick={() => void run(false, step.result)}>
                {m.write(rows)}
              </Button>
              <Button
                onClick={() => {
                  setFile(undefined);
                  setStep({ kind: 'pick' });
                }}
              >
                {m.otherFile}
              </Button>
            </>
          )}
          {step.kind === 'writing' && (
            <Button type="primary" loading>
              {m.writing}
            </Button>
          )}
          <Button onClick={onClose} disabled={step.kind === 'writing'}>
            {step.kind === 'done' ? m.close : m.cancel}
          </Button>
        </Space>
      }
    >
      <p className="muted registry-import__intro">{intro}</p>
      <p>
        <Button icon={<DownloadOutlined />} href={templateUrl} download>
          {m.template}
        </Button>
      </p>
      {(step.kind === 'pick' || step.kind === 'failed') && (
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          multiple={false}
          fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' as const }] : []}
          beforeUpload={(picked) => {
            setFile(picked.size > MAX_FILE_BYTES ? undefined : picked);
            if (picked.size > MAX_FILE_BYTES) setStep({ kind: 'failed', message: m.tooLarge });
            else setStep({ kind: 'pick' });
            return false;
          }}
          onRemove={() => setFile(undefined)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{m.drop}</p>
          <p className="ant-upload-hint">{m.dropHint}</p>
        </Upload.Dragger>
      )}
      {step.kind === 'failed' && (
        <Alert
          type="error"
          showIcon
          title={m.failedTitle}
          description={step.message}
          className="registry-import__alert"
        />
      )}
      {busy && (
        <div className="registry-import__progress" aria-live="polite">
          <p>
            <strong>{step.kind === 'checking' ? m.checking : m.writing}</strong>
            {job?.phase ? ` — ${job.phase}` : ''}
            {job && job.progress.total > 0 && (
              <span className="muted">
                {' '}
                (<NumberText value={job.progress.done} />/<NumberText value={job.progress.total} />)
              </span>
            )}
          </p>
          <Progress percent={job?.progress.percent ?? 0} status="active" aria-label={m.progress} />
        </div>
      )}
      {result && <ImportSummary result={result} done={step.kind === 'done'} />}
    </Drawer>
  );
}

function ImportSummary({ result, done }: { result: ImportResult; done: boolean }) {
  const m = useMessages(registryMessages).import;
  const rows = result.sheets.reduce((sum, sheet) => sum + sheet.rows, 0);
  return (
    <div className="registry-import__result">
      {done && result.committed && (
        <Alert
          type="success"
          showIcon
          title={m.committed(result.sheets)}
          className="registry-import__alert"
        />
      )}
      {!done && result.errorCount === 0 && rows > 0 && (
        <Alert
          type="success"
          showIcon
          title={m.allGood(rows)}
          description={m.nothingWrittenYet}
          className="registry-import__alert"
        />
      )}
      {rows === 0 && <Alert type="warning" showIcon title={m.empty} className="registry-import__alert" />}
      {result.errorCount > 0 && (
        <Alert
          type="error"
          showIcon
          title={m.errorsTitle(result.errorCount)}
          description={m.errorsDetail}
          className="registry-import__alert"
        />
      )}
      <Table
        size="small"
        pagination={false}
        rowKey="sheet"
        className="registry-import__sheets"
        dataSource={result.sheets}
        columns={[
          { key: 'sheet', title: m.colSheet, dataIndex: 'sheet' },
          { key: 'rows', title: m.colRows, align: 'right', render: (_v, s) => <NumberText value={s.rows} /> },
          {
            key: 'valid',
            title: m.colValid,
            align: 'right',
            render: (_v, s) => <NumberText value={s.valid} />,
          },
          {
            key: 'created',
            title: m.colCreated,
            align: 'right',
            render: (_v, s) => <NumberText value={s.created} />,
          },
        ]}
      />
      {result.errors.length > 0 && (
        <>
          <h3 className="registry-import__errors-title">{m.errorListTitle}</h3>
          {result.errorsTruncated && (
            <p className="muted">{m.truncated(result.errors.length, result.errorCount)}</p>
          )}
          <Table<ImportRowError>
            size="small"
            rowKey={(error) => `${error.sheet}:${error.row}:${error.field}:${error.message}`}
            dataSource={result.errors}
            pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
            aria-label={m.errorListTitle}
            columns={[
              { key: 'sheet', title: m.colSheet, dataIndex: 'sheet', width: 120 },
              { key: 'row', title: m.colRow, dataIndex: 'row', width: 70, align: 'right' },
              { key: 'field', title: m.colField, dataIndex: 'field', width: 160 },
              { key: 'message', title: m.colMessage, dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </div>
  );
}
