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
      // The legend names every part with its count, so no label crowds a narrow card.
      legend: {
        bottom: 0,
        orient: 'vertical' as const,
        formatter: (name: string) =>
          `${name}: ${formatInteger(slices.find((slice) => slice.label === name)?.value ?? 0)}`,
      },
      series: [
        {
          type: 'pie' as const,
          radius: ['38%', '64%'],
          center: ['50%', '36%'],
          label: { show: false },
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
  return <div ref={box} className="pie-chart" role="img" aria-label={ariaLabel} style={{ height: 300 }} />;
}
