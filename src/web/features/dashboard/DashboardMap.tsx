/**
 * The overview's map: one indicator by province (the whole country) or by commune (a province), from the
 * boundaries of shared/data; clicking a unit opens its overview. A chunk of its own, with the indicator picker, so
 * that the overview's first download stays small.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Spin } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { formatInteger } from '../../../domain/numbers';
import { type DashboardResponse, dashboardQueries } from '../../api/dashboard';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DashCard } from './DashCard';
import type { dashboardMessages } from './messages';

const ChoroplethMap = lazy(() => import('../../components/map/ChoroplethMap'));

type Messages = (typeof dashboardMessages)['vi'];

export default function MapCard({
  data,
  m,
  indicator,
  onIndicator,
  onOpen,
}: {
  data: DashboardResponse;
  m: Messages;
  indicator: string;
  onIndicator: (code: string) => void;
  onOpen: (unitId: number) => void;
}) {
  const { map } = data;
  const level = map.level === 'none' ? null : map.level;
  const boundaries = useQuery({
    ...dashboardQueries.boundaries(level ?? 'province', map.provinceCode),
    enabled: level !== null,
  });
  const regions = useMemo(
    () => map.regions.map((region) => ({ code: region.code, value: region.value, label: region.name })),
    [map.regions],
  );
  const idByCode = useMemo(
    () => new Map(map.regions.map((region) => [region.code, region.unitId])),
    [map.regions],
  );
  const loading = <Spin description={m.mapLoading} className="dashboard-map__spin" />;
  let body = loading;
  if (level === null) body = <Alert type="info" showIcon title={m.mapNone} />;
  else if (boundaries.isError)
    body = <ErrorAlert error={boundaries.error} onRetry={() => void boundaries.refetch()} />;
  else if (boundaries.data)
    body = (
      <Suspense fallback={loading}>
        <ChoroplethMap
          mapName={level === 'province' ? 'vn-provinces-2025' : `vn-communes-2025-${map.provinceCode}`}
          boundaries={boundaries.data}
          regions={regions}
          legendHigh={m.legendHigh}
          legendLow={m.legendLow}
          describe={(region) => `${formatInteger(region.value)} ${map.unitOfMeasure}`}
          onSelect={(region) => {
            const id = idByCode.get(region.code);
            if (id !== undefined) onOpen(id);
          }}
          ariaLabel={`${m.map} ${level === 'province' ? m.mapProvinces : m.mapCommunes}: ${map.name}`}
        />
      </Suspense>
    );
  return (
    <DashCard
      className="dashboard-map"
      title={level === null ? m.map : `${m.map} ${level === 'commune' ? m.mapCommunes : m.mapProvinces}`}
      extra={
        <Select
          aria-label={m.mapIndicator}
          value={indicator}
          onChange={onIndicator}
          options={data.mapIndicators.map((item) => ({ value: item.code, label: item.name }))}
          popupMatchSelectWidth={false}
          className="dashboard-map__indicator"
        />
      }
    >
      {level !== null && (
        <p className="muted dashboard-map__hint">
          {map.note}. {m.mapHint}
        </p>
      )}
      {body}
    </DashCard>
  );
}
