/**
 * Today's 34 provinces coloured by how many communes each has (the childCount the API gives), drawn from the
 * boundaries in shared/data. Clicking a province opens it in the tree and the detail panel.
 */
import { useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { geoQueries } from '../../api/geo';
import { unitQueries } from '../../api/units';
import { useT } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';

const ChoroplethMap = lazy(() => import('../../components/map/ChoroplethMap'));

export function ProvinceMapPanel({ today, onOpen }: { today: string; onOpen: (id: number) => void }) {
  const t = useT();
  const boundaries = useQuery(geoQueries.provinces());
  const provinces = useQuery(unitQueries.provinces(today));

  const regions = useMemo(
    () =>
      (provinces.data?.items ?? []).map((province) => ({
        code: province.code,
        value: province.childCount,
        label: province.fullName,
        id: province.id,
      })),
    [provinces.data],
  );
  const idByCode = useMemo(() => new Map(regions.map((region) => [region.code, region.id])), [regions]);
  const communeTotal = regions.reduce((sum, region) => sum + region.value, 0);

  const loading = <Spin description={t.units.mapLoading} className="map-panel__spin" />;
  let body = loading;
  if (boundaries.isError)
    body = <ErrorAlert error={boundaries.error} onRetry={() => void boundaries.refetch()} />;
  else if (provinces.isError)
    body = <ErrorAlert error={provinces.error} onRetry={() => void provinces.refetch()} />;
  else if (boundaries.data && provinces.data)
    body = (
      <Suspense fallback={loading}>
        <ChoroplethMap
          mapName="vn-provinces-2025"
          boundaries={boundaries.data}
          regions={regions}
          legendHigh={t.units.mapLegendHigh}
          legendLow={t.units.mapLegendLow}
          describe={(region) => t.units.mapTooltipCommunes(region.value)}
          onSelect={(region) => {
            const id = idByCode.get(region.code);
            if (id !== undefined) onOpen(id);
          }}
          ariaLabel={t.units.mapTitle}
        />
      </Suspense>
    );

  return (
    <section className="map-panel" aria-label={t.units.mapTitle}>
      <div className="map-panel__header">
        <h3 className="unit-section__title">{t.units.mapTitle}</h3>
        <p className="muted">
          {t.units.mapHint}
          {provinces.data && (
            <>
              {' '}
              <strong>{t.units.mapTotals(regions.length, communeTotal)}</strong>
            </>
          )}
        </p>
      </div>
      {body}
    </section>
  );
}
