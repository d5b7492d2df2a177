/**
 * The year's summary below a unit: units taking part, registered, awaiting review, returned, recognised, overdue,
 * the share recognised and the classification spread, per child unit, on the hierarchy the reader chooses; every
 * number opens the units behind it. The map colours provinces (national view) or communes (province view) by the
 * share recognised.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Select, Space, Spin, Table, type TableColumnsType } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { SummaryResponse } from '../../../contracts/registry';
import { formatDecimal, formatInteger } from '../../../domain/numbers';
import { apiGet } from '../../api/client';
import type { Boundaries } from '../../api/geo';
import { recognitionQueries } from '../../api/recognition';
import { useMessages } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { recognitionMessages } from './messages';

const ChoroplethMap = lazy(() => import('../../components/map/ChoroplethMap'));

type Row = SummaryResponse['rows'][number];

export function DashboardPanel({
  year,
  unit,
  onDrill,
}: {
  year: number;
  unit: number | undefined;
  onDrill: (unitId: number, state: string | undefined) => void;
}) {
  const m = useMessages(recognitionMessages);
  const [basis, setBasis] = useState<'as_of' | 'current'>('as_of');
  const dashboard = useQuery(recognitionQueries.dashboard({ year, unit, basis }));
  const summary = dashboard.data?.summary;
  const mapKind =
    summary?.unit === null ? 'provinces' : summary?.unit?.kind === 'province' ? 'communes' : null;
  const boundaries = useQuery({
    queryKey: ['geo', mapKind, summary?.unit?.code],
    queryFn: ({ signal }) =>
      apiGet<Boundaries>(
        mapKind === 'provinces' ? '/api/geo/provinces' : '/api/geo/communes',
        mapKind === 'communes' ? { province: summary?.unit?.code } : {},
        signal,
      ),
    enabled: mapKind !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });

  const rows = useMemo(
    () => (summary?.rows ?? []).filter((row) => !row.self || (row.values.standard_units ?? 0) > 0),
    [summary],
  );
  const regions = useMemo(
    () =>
      rows
        .filter((row) => row.unit && (row.values.standard_units ?? 0) > 0)
        .map((row) => ({
          code: row.unit!.code,
          value: dashboard.data?.shares[row.key]?.share ?? 0,
          label: row.label,
          id: row.unit!.id,
        })),
    [rows, dashboard.data],
  );

  if (dashboard.isError)
    return <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  if (!summary || !dashboard.data) return <Spin />;

  const cell = (key: string, state: string | undefined) => (_value: unknown, row: Row) => {
    const amount = row.values[key] ?? 0;
    if (amount === 0 || !row.unit) return formatInteger(amount);
    return (
      <Button type="link" size="small" onClick={() => onDrill(row.unit!.id, state)}>
        {formatInteger(amount)}
      </Button>
    );
  };
  const columns: TableColumnsType<Row> = [
    { title: m.colUnit, dataIndex: 'label', key: 'label', fixed: 'left' },
    { title: m.dashUnits, key: 'units', align: 'right', render: cell('standard_units', undefined) },
    {
      title: m.dashRegistered,
      key: 'registered',
      align: 'right',
      render: cell('standard_records', undefined),
    },
    {
      title: m.dashSubmitted,
      key: 'submitted',
      align: 'right',
      render: cell('standard_records:submitted', 'submitted'),
    },
    {
      title: m.dashReturned,
      key: 'returned',
      align: 'right',
      render: cell('standard_records:returned', 'returned'),
    },
    {
      title: m.dashRecognised,
      key: 'recognised',
      align: 'right',
      render: cell('standard_records:recognised', 'recognised'),
    },
    {
      title: m.dashNotRecognised,
      key: 'notRecognised',
      align: 'right',
      render: cell('standard_records:not_recognised', 'not_recognised'),
    },
    { title: m.dashOverdue, key: 'overdue', align: 'right', render: cell('standard_overdue', 'overdue') },
    {
      title: m.dashShare,
      key: 'share',
      align: 'right',
      render: (_, row) => dashboard.data?.shares[row.key]?.label ?? '',
    },
    {
      title: m.dashClassified,
      key: 'classified',
      align: 'right',
      render: (_, row) =>
        ['excellent', 'good', 'average', 'weak']
          .map((level) => formatInteger(row.values[`classification_levels:${level}`] ?? 0))
          .join(' / '),
    },
  ];

  return (
    <div className="recognition-dashboard">
      <Space wrap>
        <Select
          aria-label={m.basis}
          value={basis}
          onChange={setBasis}
          options={[
            { value: 'as_of', label: m.basisAsOf },
            { value: 'current', label: m.basisCurrent },
          ]}
          style={{ width: 260 }}
        />
      </Space>
      {summary.notes.map((note) => (
        <Alert key={note} type="info" showIcon message={note} className="recognition-note" />
      ))}
      {mapKind && boundaries.data && regions.length > 0 && (
        <section className="recognition-map" aria-label={m.mapTitle}>
          <h3>{m.mapTitle}</h3>
          <Suspense fallback={<Spin />}>
            <ChoroplethMap
              mapName={mapKind === 'provinces' ? 'vn-provinces-2025' : `vn-communes-${summary.unit?.code}`}
              boundaries={boundaries.data}
              regions={regions}
              legendHigh={m.mapHigh}
              legendLow={m.mapLow}
              describe={(region) => `${m.dashShare}: ${formatDecimal(region.value)}%`}
              onSelect={(region) => {
                const found = regions.find((entry) => entry.code === region.code);
                if (found) onDrill(found.id, undefined);
              }}
              ariaLabel={m.mapTitle}
            />
          </Suspense>
        </section>
      )}
      <Table<Row>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{m.total}</strong>
            </Table.Summary.Cell>
            {[
              'standard_units',
              'standard_records',
              'standard_records:submitted',
              'standard_records:returned',
              'standard_records:recognised',
              'standard_records:not_recognised',
              'standard_overdue',
            ].map((key, index) => (
              <Table.Summary.Cell key={key} index={index + 1} align="right">
                <strong>{formatInteger(summary.total[key] ?? 0)}</strong>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={8} align="right">
              <strong>{dashboard.data.totalShare.label}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={9} align="right">
              {['excellent', 'good', 'average', 'weak']
                .map((level) => formatInteger(summary.total[`classification_levels:${level}`] ?? 0))
                .join(' / ')}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </div>
  );
}
