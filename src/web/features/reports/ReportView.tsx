/**
 * A report run as the office reads it: the title block (issuing body, Quốc hiệu and Tiêu ngữ, title, period), each
 * section as a table with the comparison columns (change green or red, with its sign) or one row per unit, the
 * generated narrative and the notes. Any number opens the records behind it in a drawer.
 */
import { useQuery } from '@tanstack/react-query';
import { Drawer, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateVi } from '../../../domain/dates';
import { formatDecimal, formatInteger } from '../../../domain/numbers';
import { type ReportLine, type ReportRun, type ReportSection, reportQueries } from '../../api/reports';
import { useMessages } from '../../app/i18n';
import { DateTimeText } from '../../components/DateTimeText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { reportsMessages } from './messages';

export interface DrillTarget {
  line: ReportLine;
  unit?: number | undefined;
  unitLabel?: string | undefined;
}

export function figure(value: number, unitOfMeasure: string): string {
  const text = Number.isInteger(value) ? formatInteger(value) : formatDecimal(value);
  return unitOfMeasure === '%' ? `${text}%` : text;
}

function Change({ value, percent }: { value: number | null; percent?: boolean }) {
  if (value === null) return <span className="muted">—</span>;
  const text = `${value > 0 ? '+' : value < 0 ? '−' : ''}${figure(Math.abs(value), percent ? '%' : '')}`;
  const tone = value > 0 ? 'report-change--up' : value < 0 ? 'report-change--down' : '';
  return <span className={`report-change ${tone}`}>{text}</span>;
}

function DrillNumber({
  value,
  line,
  onDrill,
}: {
  value: number;
  line: ReportLine;
  onDrill?: (() => void) | undefined;
}) {
  const m = useMessages(reportsMessages);
  const text = figure(value, line.unitOfMeasure);
  if (!line.drillable || !onDrill) return <span className="report-number">{text}</span>;
  return (
    <Tooltip title={m.drillHint}>
      <button type="button" className="report-number report-number--link" onClick={onDrill}>
        {text}
      </button>
    </Tooltip>
  );
}

function IndicatorsTable({
  section,
  comparison,
  onDrill,
}: {
  section: ReportSection;
  comparison: boolean;
  onDrill: (target: DrillTarget) => void;
}) {
  const m = useMessages(reportsMessages);
  const columns: TableColumnsType<ReportLine & { order: number }> = [
    { key: 'order', title: m.columns.order, dataIndex: 'order', width: 56, align: 'center' },
    { key: 'label', title: m.columns.indicator, dataIndex: 'label' },
    { key: 'uom', title: m.columns.unitOfMeasure, dataIndex: 'unitOfMeasure', width: 110 },
    {
      key: 'current',
      title: m.columns.current,
      align: 'right',
      width: 130,
      render: (_value, line) => (
        <DrillNumber value={line.current} line={line} onDrill={() => onDrill({ line })} />
      ),
    },
  ];
  if (comparison) {
    columns.push(
      {
        key: 'previous',
        title: m.columns.previous,
        align: 'right',
        width: 130,
        render: (_value, line) =>
          line.previous === null ? (
            '—'
          ) : (
            <span className="report-number">{figure(line.previous, line.unitOfMeasure)}</span>
          ),
      },
      {
        key: 'change',
        title: m.columns.change,
        align: 'right',
        width: 120,
        render: (_value, line) => <Change value={line.change} percent={line.unitOfMeasure === '%'} />,
      },
      {
        key: 'changePercent',
        title: m.columns.changePercent,
        align: 'right',
        width: 130,
        render: (_value, line) => <Change value={line.changePercent} percent />,
      },
    );
  }
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      columns={columns}
      dataSource={section.lines.map((line, index) => ({ ...line, order: index + 1 }))}
    />
  );
}

type UnitRow =
  | ReportSection['unitRows'][number]
  | { key: 'total'; unit: null; label: string; partial: false; values: Record<string, number> };

function ByUnitTable({
  section,
  targetUnit,
  onDrill,
}: {
  section: ReportSection;
  targetUnit: number | undefined;
  onDrill: (target: DrillTarget) => void;
}) {
  const m = useMessages(reportsMessages);
  const rows: UnitRow[] = [
    ...section.unitRows,
    { key: 'total', unit: null, label: m.total, partial: false, values: section.total },
  ];
  const columns: TableColumnsType<UnitRow> = [
    {
      key: 'unit',
      title: m.columns.unit,
      fixed: 'left',
      width: 260,
      render: (_value, row) => (
        <span className={row.key === 'total' ? 'report-total' : undefined}>
          {row.label}
          {row.partial && (
            <Tooltip title={m.partialHint}>
              <Tag color="warning" className="report-partial">
                {m.partial}
              </Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    ...section.lines.map((line) => ({
      key: line.key,
      title: line.label,
      align: 'right' as const,
      width: 120,
      render: (_value: unknown, row: UnitRow) => {
        const value = row.values[line.key] ?? 0;
        // The "self" row is part of its unit's table: its records are listed from the total.
        const unit =
          row.key === 'total' ? targetUnit : row.key === 'self' ? undefined : (row.unit?.id ?? undefined);
        const drill = row.key === 'self' ? undefined : () => onDrill({ line, unit, unitLabel: row.label });
        return (
          <span className={row.key === 'total' ? 'report-total' : undefined}>
            <DrillNumber value={value} line={line} onDrill={drill} />
          </span>
        );
      },
    })),
  ];
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 'max-content', y: 480 }}
    />
  );
}

function DrillDrawer({
  run,
  target,
  onClose,
}: {
  run: ReportRun;
  target: DrillTarget | null;
  onClose: () => void;
}) {
  const m = useMessages(reportsMessages);
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const query = target
    ? {
        indicator: target.line.indicator,
        ...(target.line.dimensionValue ? { dimensionValue: target.line.dimensionValue } : {}),
        ...(target.unit !== undefined ? { unit: target.unit } : run.unit ? { unit: run.unit.id } : {}),
        from: run.period.from,
        to: run.period.to,
        basis: run.basis,
        page,
        pageSize,
      }
    : null;
  const records = useQuery({
    ...reportQueries.drillDown(query ?? { indicator: '', from: '', to: '' }),
    enabled: query !== null,
  });
  const title = target
    ? m.drillTitle(target.unitLabel ? `${target.line.label} — ${target.unitLabel}` : target.line.label)
    : '';
  return (
    <Drawer
      open={target !== null}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      title={title}
      size={720}
      destroyOnHidden
    >
      {records.error ? (
        <ErrorAlert error={records.error} />
      ) : (
        <>
          {records.data && <p className="muted">{m.drillCount(records.data.total)}</p>}
          <Table
            size="small"
            rowKey={(record) => `${record.module}:${record.id}`}
            loading={records.isFetching}
            dataSource={records.data?.items ?? []}
            pagination={{
              current: page,
              pageSize,
              total: records.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
            }}
            columns={[
              {
                key: 'label',
                title: m.drillColumns.label,
                render: (_value, record) =>
                  record.href ? <Link to={record.href}>{record.label}</Link> : record.label,
              },
              {
                key: 'unit',
                title: m.drillColumns.unit,
                render: (_value, record) => record.unit?.fullName ?? '—',
              },
              {
                key: 'date',
                title: m.drillColumns.date,
                width: 110,
                render: (_value, record) => (record.date ? formatDateVi(record.date) : '—'),
              },
              {
                key: 'measure',
                title: m.drillColumns.measure,
                align: 'right',
                width: 100,
                render: (_value, record) => figure(record.measure, ''),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

export function ReportView({ run }: { run: ReportRun }) {
  const m = useMessages(reportsMessages);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const comparison = run.comparisonPeriod !== null;
  return (
    <article className="report" aria-label={run.template.title}>
      <div className="report-heading">
        <div className="report-heading__body">
          <strong>{run.issuingBody}</strong>
        </div>
        <div className="report-heading__state">
          <strong>{m.socialist}</strong>
          <div className="report-heading__motto">{m.motto}</div>
        </div>
      </div>
      <h2 className="report-title">{run.template.title.toLocaleUpperCase('vi-VN')}</h2>
      <p className="report-period">
        {m.periodLine(run.period.label)}
        {run.comparisonPeriod && <> · {m.comparisonLine(run.comparisonPeriod.label)}</>}
      </p>
      <p className="muted report-generated">
        {m.generatedAt} <DateTimeText value={run.generatedAt} />
      </p>
      {run.sections.map((section) => (
        <section key={section.title} className="report-section">
          <h3 className="report-section__title">{section.title}</h3>
          {section.layout === 'indicators' ? (
            <IndicatorsTable section={section} comparison={comparison} onDrill={setDrill} />
          ) : (
            <ByUnitTable section={section} targetUnit={run.unit?.id} onDrill={setDrill} />
          )}
        </section>
      ))}
      <section className="report-section">
        <h3 className="report-section__title">{m.narrative}</h3>
        {run.narrative.map((sentence) => (
          <p key={sentence} className="report-narrative">
            {sentence}
          </p>
        ))}
      </section>
      <section className="report-section">
        <h3 className="report-section__title">{m.notes}</h3>
        <ul className="report-notes">
          {run.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </section>
      <DrillDrawer run={run} target={drill} onClose={() => setDrill(null)} />
    </article>
  );
}
