/**
 * A choropleth drawn from GeoJSON with ECharts: regions are matched by their code (the feature's
 * `properties.code`), so names with or without diacritics never get in the way. Islands far out at sea are drawn
 * in an inset (see inset.ts), so that a province's communes fill the frame. Loaded lazily (default export).
 */
import { useEffect, useMemo, useRef } from 'react';
import { INSET_FRAME_CODE, withIslandInset } from '../../../domain/map-inset';
import { formatInteger } from '../../../domain/numbers';
import type { Boundaries } from '../../api/geo';
import { echarts } from './echarts';

export interface ChoroplethRegion {
  code: string;
  value: number;
  label: string;
}

export interface ChoroplethMapProps {
  /** Name under which the boundaries are registered with ECharts; one name per GeoJSON. */
  mapName: string;
  boundaries: Boundaries;
  regions: readonly ChoroplethRegion[];
  legendHigh: string;
  legendLow: string;
  /** The tooltip's second line for a region, e.g. "126 xã, phường, đặc khu". */
  describe: (region: ChoroplethRegion) => string;
  onSelect: (region: ChoroplethRegion) => void;
  ariaLabel: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

type GeoJsonInput = Parameters<typeof echarts.registerMap>[1];

export default function ChoroplethMap(props: ChoroplethMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;

  const { mapName, boundaries, regions, legendHigh, legendLow } = props;
  const drawn = useMemo(() => withIslandInset(boundaries), [boundaries]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    if (!echarts.getMap(mapName)) echarts.registerMap(mapName, drawn.collection as unknown as GeoJsonInput);
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    const byCode = new Map(regions.map((region) => [region.code, region]));
    const values = regions.map((region) => region.value);
    const low = values.length > 0 ? Math.min(...values) : 0;
    // A map where every unit has the same value still needs a scale to draw its legend.
    const high = values.length > 0 ? Math.max(...values, low + 1) : 1;

    chart.setOption({
      tooltip: {
        trigger: 'item',
        formatter: (params: { name: string }) => {
          const region = byCode.get(params.name);
          if (!region) return '';
          return `<strong>${escapeHtml(region.label)}</strong><br/>${escapeHtml(latest.current.describe(region))}`;
        },
      },
      visualMap: {
        type: 'continuous',
        min: low,
        max: high,
        seriesIndex: 0,
        text: [legendHigh, legendLow],
        calculable: true,
        left: 8,
        bottom: 8,
        itemHeight: 120,
        inRange: { color: ['#fff1f0', '#ff7875', '#a8071a'] },
        formatter: (value: number) => formatInteger(Math.round(value)),
        textStyle: { color: 'rgba(0,0,0,0.65)' },
      },
      series: [
        {
          type: 'map',
          map: mapName,
          nameProperty: 'code',
          roam: true,
          scaleLimit: { min: 1, max: 8 },
          selectedMode: false,
          label: { show: false },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#fadb14' } },
          // Grey borders keep units apart even where the fill is palest (a value of nothing).
          itemStyle: { borderColor: '#bfbfbf', borderWidth: 0.5 },
          data: [
            // Islands in the inset are small: a dark outline keeps them visible whatever their colour.
            ...regions.map((region) => ({
              name: region.code,
              value: region.value,
              ...(drawn.movedCodes.includes(region.code)
                ? { itemStyle: { borderColor: '#434343', borderWidth: 0.8 } }
                : {}),
            })),
            ...(drawn.moved.length > 0
              ? [
                  {
                    name: INSET_FRAME_CODE,
                    value: Number.NaN,
                    silent: true,
                    itemStyle: { areaColor: '#8c8c8c', borderWidth: 0 },
                    emphasis: { disabled: true },
                  },
                ]
              : []),
          ],
        },
      ],
    });
    chart.on('click', (params) => {
      const region = byCode.get(params.name);
      if (region) latest.current.onSelect(region);
    });

    // A hidden tab has no size; resizing to nothing would only make ECharts complain.
    const observer = new ResizeObserver(() => {
      if (element.clientWidth > 0 && element.clientHeight > 0) chart.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [mapName, drawn, regions, legendHigh, legendLow]);

  return (
    <>
      <div ref={box} className="choropleth" role="img" aria-label={props.ariaLabel} />
      {drawn.moved.length > 0 && (
        <p className="choropleth__inset-note muted">
          {drawn.moved.join(', ')}: vẽ thu nhỏ trong khung góc trên bên phải bản đồ.
        </p>
      )}
    </>
  );
}
