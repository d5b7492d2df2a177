/**
 * Values over time: the first series as bars, the others as lines on a second axis when their scale differs (a
 * count of activities beside the people who took part). Vietnamese numbers. Loaded lazily (default export).
 */
import { useMemo, useRef } from 'react';
import { formatInteger } from '../../../domain/numbers';
import { useChart } from './useChart';

export interface TrendSeries {
  name: string;
  values: readonly number[];
  /** Drawn against the right-hand axis. */
  secondary?: boolean;
}

export interface TrendChartProps {
  labels: readonly string[];
  series: readonly TrendSeries[];
  ariaLabel: string;
}

const COLORS = ['#b71c1c', '#1677ff', '#389e0d', '#d48806', '#722ed1'];

export default function TrendChart({ labels, series, ariaLabel }: TrendChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const hasSecondary = series.some((item) => item.secondary);
  const option = useMemo(
    () => ({
      animation: false,
      color: COLORS,
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' as const },
      tooltip: {
        trigger: 'axis' as const,
        valueFormatter: (value: unknown) => formatInteger(Number(value)),
      },
      xAxis: { type: 'category' as const, data: [...labels], axisLabel: { hideOverlap: true } },
      yAxis: [
        {
          type: 'value' as const,
          minInterval: 1,
          axisLabel: { formatter: (v: number) => formatInteger(v) },
        },
        ...(hasSecondary
          ? [
              {
                type: 'value' as const,
                minInterval: 1,
                splitLine: { show: false },
                axisLabel: { formatter: (v: number) => formatInteger(v) },
              },
            ]
          : []),
      ],
      series: series.map((item, index) => ({
        name: item.name,
        type: index === 0 ? ('bar' as const) : ('line' as const),
        yAxisIndex: item.secondary ? 1 : 0,
        data: [...item.values],
        barMaxWidth: 28,
        symbolSize: 6,
      })),
    }),
    [labels, series, hasSecondary],
  );
  useChart(box, option);
  return <div ref={box} className="trend-chart" role="img" aria-label={ariaLabel} style={{ height: 300 }} />;
}
