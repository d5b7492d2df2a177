import { type RefObject, useEffect, useRef } from 'react';
import { echarts } from './echarts';

type Option = Parameters<ReturnType<typeof echarts.init>['setOption']>[0];

/**
 * Draws an ECharts option into the element and keeps it sized with the element; `onClick` hears the clicked
 * item's data. The chart is made once per element and given each new option.
 */
export function useChart(
  box: RefObject<HTMLDivElement | null>,
  option: Option,
  onClick?: (data: unknown) => void,
): void {
  const chart = useRef<ReturnType<typeof echarts.init> | undefined>(undefined);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => click.current?.(params.data));
    // A hidden tab has no size; resizing to nothing would only make ECharts complain.
    const observer = new ResizeObserver(() => {
      if (element.clientWidth > 0 && element.clientHeight > 0) instance.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, [box]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
}
