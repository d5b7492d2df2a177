/** Shares of a whole as a ring, with each part's count and percent. Loaded lazily (default export). */
import { useMemo, useRef } from 'react';
import { formatDecimal, formatInteger } from '../../../domain/numbers';
import { useChart } from './useChart';

export interface Slice {
  label: string;
  value: number;
  color?: string;
}

export default function PieChart({ slices, ariaLabel }: { slices: readonly Slice[]; ariaLabel: string }) {
  const box = useRef<HTMLDivElement>(null);
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: {
        trigger: 'item' as const,
        formatter: (params: { name: string; value: number; percent: number }) =>
          `${params.name}: ${formatInteger(params.value)} (${formatDecimal(params.percent)}%)`,
      },
      legend: { bottom: 0, type: 'scroll' as const },
      series: [
        {
          type: 'pie' as const,
          radius: ['40%', '68%'],
          center: ['50%', '44%'],
          avoidLabelOverlap: true,
          label: {
            formatter: (params: { value: number; percent: number }) =>
              `${formatInteger(params.value)} (${formatDecimal(params.percent)}%)`,
          },
          data: slices.map((slice) => ({
            name: slice.label,
            value: slice.value,
            ...(slice.color ? { itemStyle: { color: slice.color } } : {}),
          })),
        },
      ],
    }),
    [slices],
  );
  useChart(box, option);
  return <div ref={box} className="pie-chart" role="img" aria-label={ariaLabel} style={{ height: 260 }} />;
}
