/**
 * /bao-cao: build a review report (sơ kết, tổng kết) from a template for a unit, a period and a hierarchy basis,
 * and see it as the office reads it; a second tab lists the templates to copy and edit. The header of a result
 * holds the export buttons (ReportActions).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, InputNumber, Select, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { todayInVietnam } from '../../../domain/dates';
import { type ReportRun, type RunReportRequest, reportQueries, runReport } from '../../api/reports';
import { useCurrentUser } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitPicker } from '../../components/UnitPicker';
import { IsoDatePicker } from '../registry/IsoDatePicker';
import { reportsMessages } from './messages';
import { defaultPeriod, type PeriodChoice, type PeriodKindValue, periodRange } from './period';
import { ReportActions } from './ReportActions';
import { ReportView } from './ReportView';
import { TemplatesPanel } from './TemplatesPanel';
import '../registry/registry.css';
import './reports.css';

const QUARTERS = ['I', 'II', 'III', 'IV'];

function PeriodFields({ value, onChange }: { value: PeriodChoice; onChange: (value: PeriodChoice) => void }) {
  const m = useMessages(reportsMessages);
  const year = (field: 'year' | 'fromYear' | 'toYear', label: string) => (
    <InputNumber
      aria-label={label}
      className="report-year"
      min={2000}
      max={2100}
      value={value[field]}
      onChange={(next) => next !== null && onChange({ ...value, [field]: Number(next) })}
    />
  );
  switch (value.kind) {
    case 'month':
      return (
        <>
          <Select
            aria-label={m.periodKinds.month}
            className="report-select--short"
            value={value.month}
            onChange={(month) => onChange({ ...value, month })}
            options={Array.from({ length: 12 }, (_item, index) => ({
              value: index + 1,
              label: `Tháng ${index + 1}`,
            }))}
          />
          {year('year', m.periodKinds.year)}
        </>
      );
    case 'quarter':
      return (
        <>
          <Select
            aria-label={m.periodKinds.quarter}
            className="report-select--short"
            value={value.quarter}
            onChange={(quarter) => onChange({ ...value, quarter })}
            options={QUARTERS.map((label, index) => ({ value: index + 1, label: `Quý ${label}` }))}
          />
          {year('year', m.periodKinds.year)}
        </>
      );
    case 'half_year':
      return (
        <>
          <Select
            aria-label={m.periodKinds.half_year}
            className="report-select"
            value={value.half}
            onChange={(half) => onChange({ ...value, half })}
            options={[
              { value: 1, label: m.halves.first },
              { value: 2, label: m.halves.second },
            ]}
          />
          {year('year', m.periodKinds.year)}
        </>
      );
    case 'year':
      return year('year', m.periodKinds.year);
    case 'phase':
      return (
        <>
          <span>{m.fromYear}</span>
          {year('fromYear', m.fromYear)}
          <span>{m.toYear}</span>
          {year('toYear', m.toYear)}
        </>
      );
    case 'custom':
      return (
        <>
          <span>{m.fromDate}</span>
          <IsoDatePicker
            ariaLabel={m.fromDate}
            value={value.from}
            onChange={(from) => onChange({ ...value, from })}
          />
          <span>{m.toDate}</span>
          <IsoDatePicker
            ariaLabel={m.toDate}
            value={value.to}
            onChange={(to) => onChange({ ...value, to })}
          />
        </>
      );
  }
}

function RunPanel() {
  const m = useMessages(reportsMessages);
  const user = useCurrentUser();
  const today = todayInVietnam();
  const templates = useQuery(reportQueries.templates());
  const [templateId, setTemplateId] = useState<number>();
  const [unit, setUnit] = useState<number | null | undefined>(user.unit?.id ?? null);
  const [period, setPeriod] = useState<PeriodChoice>(defaultPeriod('year', today));
  const [basis, setBasis] = useState<'as_of' | 'current'>('as_of');
  const [shown, setShown] = useState<{ run: ReportRun; request: RunReportRequest } | null>(null);

  // The yearly review is the usual choice; a template brings its own kind of period.
  useEffect(() => {
    if (templateId !== undefined || !templates.data) return;
    const preferred =
      templates.data.items.find((item) => item.code === 'yearly_review') ?? templates.data.items[0];
    if (preferred) setTemplateId(preferred.id);
  }, [templates.data, templateId]);

  const chooseTemplate = (id: number) => {
    setTemplateId(id);
    const template = templates.data?.items.find((item) => item.id === id);
    if (template && template.periodKind !== period.kind) setPeriod(defaultPeriod(template.periodKind, today));
  };

  const range = periodRange(period);
  const run = useMutation({
    mutationFn: (request: RunReportRequest) =>
      runReport(request).then((result) => ({ run: result, request })),
    onSuccess: setShown,
  });
  const submit = () => {
    if (templateId === undefined || !range) return;
    run.mutate({
      template: templateId,
      ...(typeof unit === 'number' ? { unit } : {}),
      from: range.from,
      to: range.to,
      basis,
    });
  };

  return (
    <>
      <div className="registry-filters report-form">
        <Select
          aria-label={m.template}
          className="report-form__template"
          placeholder={m.template}
          loading={templates.isPending}
          value={templateId}
          onChange={chooseTemplate}
          options={(templates.data?.items ?? []).map((item) => ({ value: item.id, label: item.title }))}
        />
        <div className="registry-filters__unit" title={m.unit}>
          <UnitPicker
            value={unit}
            onChange={setUnit}
            allowNational={user.unit === null}
            initial={user.unit}
          />
        </div>
      </div>
      <div className="registry-filters report-form">
        <Select<PeriodKindValue>
          aria-label={m.periodKind}
          className="report-select--short"
          value={period.kind}
          onChange={(kind) => setPeriod(defaultPeriod(kind, today))}
          options={Object.entries(m.periodKinds).map(([value, label]) => ({
            value: value as PeriodKindValue,
            label,
          }))}
        />
        <PeriodFields value={period} onChange={setPeriod} />
        <Select
          aria-label={m.basis}
          className="report-select"
          value={basis}
          onChange={setBasis}
          options={(['as_of', 'current'] as const).map((value) => ({ value, label: m.bases[value] }))}
        />
        <Button
          type="primary"
          onClick={submit}
          loading={run.isPending}
          disabled={!range || templateId === undefined}
        >
          {m.run}
        </Button>
      </div>
      {templates.error && <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />}
      {run.error && <ErrorAlert error={run.error} />}
      {run.isPending && !shown && (
        <div className="report-loading">
          <Spin /> <span className="muted">{m.running}</span>
        </div>
      )}
      {!shown && !run.isPending && !run.error && <Alert type="info" showIcon title={m.empty} />}
      {shown && (
        <div className="report-result">
          <div className="report-result__actions">
            <ReportActions run={shown.run} request={shown.request} />
          </div>
          <ReportView run={shown.run} />
        </div>
      )}
    </>
  );
}

export default function ReviewsPage() {
  const m = useMessages(reportsMessages);
  const [tab, setTab] = useState('run');
  useEffect(() => {
    document.title = `${m.pageTitle} — ANTQ`;
  }, [m]);
  return (
    <div className="registry-page">
      <header className="registry-page__header">
        <div>
          <h1 className="registry-page__title">{m.pageTitle}</h1>
          <p className="muted registry-page__intro">{m.pageIntro}</p>
        </div>
      </header>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'run', label: m.tabs.run, children: <RunPanel /> },
          { key: 'templates', label: m.tabs.templates, children: <TemplatesPanel /> },
        ]}
      />
    </div>
  );
}
