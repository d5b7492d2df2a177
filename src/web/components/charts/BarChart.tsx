/** Horizontal bars with Vietnamese numbers: one bar per category. Loaded lazily (default export). */
import { useMemo, useRef } from 'react';
import { formatInteger } from '../../../domain/numbers';
import { useChart } from './useChart';

export interface Bar {
  label: string;
  value: number;
}

export interface BarChartProps {
  bars: readonly Bar[];
  ariaLabel: string;
  color?: string;
}

export default function BarChart({ bars, ariaLabel, color = '#b71c1c' }: BarChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis' as const,
        axisPointer: { type: 'shadow' as const },
        valueFormatter: (value: unknown) => formatInteger(Number(value)),
      },
      xAxis: {
        type: 'value' as const,
        minInterval: 1,
        axisLabel: { formatter: (v: number) => formatInteger(v), hideOverlap: true },
      },
      yAxis: {
        type: 'category' as const,
        inverse: true,
        data: bars.map((bar) => bar.label),
        axisLabel: { width: 220, overflow: 'truncate' as const },
      },
      series: [
        {
          type: 'bar' as const,
          data: bars.map((bar) => bar.value),
          itemStyle: { color },
          barMaxWidth: 22,
          label: {
            show: true,
            position: 'right' as const,
            formatter: (params: { value: unknown }) => formatInteger(Number(params.value)),
          },
        },
      ],
    }),
    [bars, color],
  );
  useChart(box, option);
  return (
    <div
      ref={box}
      className="bar-chart"
      role="img"
      aria-label={ariaLabel}
      style={{ height: Math.max(120, bars.length * 30 + 24) }}
    />
  );
}
