/**
 * The counts of a registry for a unit and a date, rolled up from the units below: how many teams of each kind and
 * members in each role, or models by kind and status with their camera points and cameras. The hierarchy is the one
 * of that date, or today's with the old units re-mapped through the mergers. A small table per unit below, and bars
 * of the totals.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Segmented, Skeleton, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { SummaryResponse } from '../../../contracts/registry';
import type { IsoDate } from '../../../domain/dates';
import { todayInVietnam } from '../../../domain/dates';
import { HIERARCHY_BASES, type HierarchyBasis } from '../../../domain/indicators';
import { activityQueries } from '../../api/activities';
import { awardQueries } from '../../api/awards';
import { feedbackQueries } from '../../api/feedback';
import { modelQueries } from '../../api/models';
import { teamQueries } from '../../api/teams';
import { useCurrentUser } from '../../app/auth/session';
import { useMessages } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NumberText } from '../../components/NumberText';
import { UnitPicker } from '../../components/UnitPicker';
import { IsoDatePicker } from './IsoDatePicker';
import { registryMessages } from './messages';

const BarChart = lazy(() => import('../../components/charts/BarChart'));

type Row = SummaryResponse['rows'][number];
type Column = SummaryResponse['columns'][number];

/** Registries of things that exist on a date (teams, models), and of events counted over a period. */
type StockRegistry = 'teams' | 'models';
type PeriodRegistry = 'activities' | 'awards' | 'feedback';
const PERIOD_QUERIES = {
  activities: activityQueries.summary,
  awards: awardQueries.summary,
  feedback: feedbackQueries.summary,
} as const;

export function SummaryPanel({ registry }: { registry: StockRegistry | PeriodRegistry }) {
  const m = useMessages(registryMessages).summary;
  const me = useCurrentUser();
  const [unit, setUnit] = useState<number | null>(me.unit?.id ?? null);
  const [asOf, setAsOf] = useState<IsoDate>(todayInVietnam());
  const [from, setFrom] = useState<IsoDate | null>(null);
  const [basis, setBasis] = useState<HierarchyBasis>('as_of');
  const query = { ...(unit !== null ? { unit } : {}), asOf, basis };
  const period = registry === 'activities' || registry === 'awards' || registry === 'feedback';
  const summary = useQuery(
    registry === 'teams'
      ? teamQueries.summary(query)
      : registry === 'models'
        ? modelQueries.summary(query)
        : PERIOD_QUERIES[registry]({ ...query, ...(from ? { from } : {}) }),
  );
  const data = summary.data;

  const { columns, charts } = useMemo(() => layout(data), [data]);

  const tableColumns: TableColumnsType<Row> = [
    {
      key: 'label',
      title: m.colUnit,
      fixed: 'start',
      width: 240,
      render: (_value, row) => (
        <span>
          {row.unit && !row.self ? (
            <button type="button" className="link-button" onClick={() => setUnit(row.unit!.id)}>
              {row.label}
            </button>
          ) : (
            row.label
          )}
          {row.partial && (
            <Tooltip title={m.partialHint(row.partialUnits)}>
              <Tag color="orange" className="summary-partial">
                {m.partial}
              </Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    ...columns.map((group) => ({
      key: group.total.key,
      title: group.total.name,
      children: [group.total, ...group.values].map((column) => ({
        key: column.key,
        title: column.dimensionValue === null ? m.total : column.name,
        align: 'right' as const,
        width: column.dimensionValue === null ? 90 : 110,
        render: (_value: unknown, row: Row) => <NumberText value={row.values[column.key] ?? 0} />,
      })),
    })),
  ];

  return (
    <div className="registry-summary">
      <div className="registry-filters">
        <div className="registry-filters__unit">
          <UnitPicker
            value={unit}
            onChange={(value) => setUnit(value)}
            allowNational={me.unit === null}
            initial={data?.unit ?? me.unit}
          />
        </div>
        {period && (
          <IsoDatePicker
            value={from}
            onChange={setFrom}
            ariaLabel={m.periodFrom}
            placeholder={`${m.periodFrom}: ${m.periodFromDefault}`}
          />
        )}
        <IsoDatePicker
          value={asOf}
          onChange={(value) => setAsOf(value ?? todayInVietnam())}
          allowClear={false}
          ariaLabel={period ? m.periodTo : m.date}
        />
        <Segmented<HierarchyBasis>
          aria-label={m.basis}
          value={basis}
          onChange={setBasis}
          options={HIERARCHY_BASES.map((value) => ({ value, label: m.bases[value] }))}
        />
      </div>
      {summary.isError && !data ? (
        <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          <p className="muted">{m.caption(data.unit?.fullName ?? m.nationwide, data.asOf, data.basis)}</p>
          {data.notes.map((note) => (
            <Alert key={note} type="info" showIcon title={note} className="registry-summary__note" />
          ))}
          <div className="registry-summary__charts">
            {charts.map((chart) => (
              <Card key={chart.key} size="small" title={chart.title}>
                <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
                  <BarChart
                    ariaLabel={chart.title}
                    bars={chart.values.map((column) => ({
                      label: column.name,
                      value: data.total[column.key] ?? 0,
                    }))}
                  />
                </Suspense>
              </Card>
            ))}
          </div>
          <Table<Row>
            size="small"
            bordered
            rowKey="key"
            loading={summary.isFetching}
            columns={tableColumns}
            dataSource={data.rows}
            pagination={data.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
            aria-label={m.tableLabel}
            summary={() => (
              <Table.Summary fixed="bottom">
                <Table.Summary.Row className="registry-summary__total">
                  <Table.Summary.Cell index={0}>{m.grandTotal}</Table.Summary.Cell>
                  {columns
                    .flatMap((group) => [group.total, ...group.values])
                    .map((column, index) => (
                      <Table.Summary.Cell key={column.key} index={index + 1} align="right">
                        <NumberText value={data.total[column.key] ?? 0} />
                      </Table.Summary.Cell>
                    ))}
                </Table.Summary.Row>
              </Table.Summary>
            )}
          />
        </>
      )}
    </div>
  );
}

interface ColumnGroup {
  total: Column;
  /** The values of the indicator's dimension that count anything: a table of zeros helps nobody. */
  values: Column[];
}

function layout(data: SummaryResponse | undefined): {
  columns: ColumnGroup[];
  charts: Array<{ key: string; title: string; values: Column[] }>;
} {
  if (!data) return { columns: [], charts: [] };
  const groups = new Map<string, ColumnGroup & { all: Column[] }>();
  for (const column of data.columns) {
    const group = groups.get(column.indicator);
    if (column.dimensionValue === null) groups.set(column.indicator, { total: column, values: [], all: [] });
    else if (group) {
      group.all.push(column);
      if ((data.total[column.key] ?? 0) > 0) group.values.push(column);
    }
  }
  const list = [...groups.values()];
  return {
    columns: list.map(({ total, values }) => ({ total, values })),
    charts: list
      .filter((group) => group.all.length > 0)
      .map((group) => ({ key: group.total.key, title: group.total.name, values: group.all })),
  };
}
