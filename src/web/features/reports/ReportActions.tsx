/**
 * The export buttons in the report's header ("Xuất Excel", "Xuất Word", "Bản in"). They send the request that made
 * the run on screen, so that the files show exactly the same numbers. A small report downloads at once; a large one
 * (the whole country, or a multi-year phase) runs as a background job whose progress shows here, and its file
 * downloads when it is done. The print view opens in a new tab, ready for the browser's print to PDF.
 */
import { FileExcelOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, message, Progress, Space, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { JobState } from '../../api/jobs';
import {
  type ExportFormat,
  exportFileUrl,
  exportResultOf,
  printViewUrl,
  saveFile,
  startExport,
} from '../../api/reportExports';
import type { ReportRun, RunReportRequest } from '../../api/reports';
import { useCan } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { followJob } from '../registry/followJob';
import { exportMessages } from './exportMessages';

export function ReportActions({ request }: { run: ReportRun; request: RunReportRequest }) {
  const m = useMessages(exportMessages);
  const can = useCan();
  const [messageApi, holder] = message.useMessage();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [job, setJob] = useState<JobState | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  async function exportAs(format: ExportFormat) {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setBusy(format);
    setJob(null);
    try {
      const answer = await startExport(format, request, controller.signal);
      if (answer.kind === 'file') {
        const url = URL.createObjectURL(answer.blob);
        saveFile(url, answer.fileName);
        window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
        void messageApi.success(m.done(answer.fileName));
        return;
      }
      void messageApi.info(m.background);
      const last = await followJob(answer.value, setJob, controller.signal);
      const result = exportResultOf(last);
      if (!result) {
        void messageApi.error(last.error?.message ?? m.failed);
        return;
      }
      saveFile(exportFileUrl(last.id), result.fileName);
      void messageApi.success(m.done(result.fileName));
    } catch (error) {
      if (controller.signal.aborted) return;
      void messageApi.error(error instanceof Error && error.message ? error.message : m.failed);
    } finally {
      if (abort.current === controller) {
        setBusy(null);
        setJob(null);
      }
    }
  }

  const canExport = can('reports.export');
  return (
    <Space wrap className="report-actions">
      {holder}
      {job && (job.status === 'queued' || job.status === 'running') && (
        <span className="report-actions__progress">
          <span>{job.phase ?? m.preparing}</span>
          <Progress percent={job.progress.percent} size="small" status="active" aria-label={m.progress} />
        </span>
      )}
      {canExport && (
        <Button
          icon={<FileExcelOutlined />}
          loading={busy === 'xlsx'}
          disabled={busy !== null && busy !== 'xlsx'}
          onClick={() => void exportAs('xlsx')}
        >
          {m.excel}
        </Button>
      )}
      {canExport && (
        <Button
          icon={<FileWordOutlined />}
          loading={busy === 'docx'}
          disabled={busy !== null && busy !== 'docx'}
          onClick={() => void exportAs('docx')}
        >
          {m.word}
        </Button>
      )}
      <Tooltip title={m.printHint}>
        <Button icon={<PrinterOutlined />} href={printViewUrl(request)} target="_blank" rel="noopener">
          {m.print}
        </Button>
      </Tooltip>
    </Space>
  );
}
