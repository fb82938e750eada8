// One ECharts instance in a React component: created on mount, given each new option whole, resized with
// its box, disposed on unmount. Canvas on screen (fast for thousands of traces); figures are saved through
// figure-files.ts.
import { useEffect, useRef } from 'react';
import { echarts, type ECharts, type EChartsOption } from '../../figures/echarts-setup';

export type ChartEvents = Record<string, (params: unknown) => void>;

export interface ChartProps {
  option: EChartsOption;
  /** ECharts events by name (`click`, `dataZoom`, ...); handlers may change between renders. */
  events?: ChartEvents;
  height: number | string;
  /** Read by screen readers; figures also carry a text summary beside the canvas. */
  label: string;
  /** The instance, once created (for saving the figure or reading its scales). */
  onChart?: (chart: ECharts | null) => void;
}

export function Chart({ option, events, height, label, onChart }: ChartProps) {
  const box = useRef<HTMLDivElement | null>(null);
  const chart = useRef<ECharts | null>(null);
  const handlers = useRef<ChartEvents>({});
  handlers.current = events ?? {};
  const bound = useRef(new Set<string>());

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, null, { renderer: 'canvas' });
    chart.current = instance;
    // Each finished render is announced on the element, so benchmarks can time first draw and pan/zoom frames.
    instance.on('finished', () => element.dispatchEvent(new Event('chartfinished')));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    onChart?.(instance);
    return () => {
      resize.disconnect();
      bound.current.clear();
      instance.dispose();
      chart.current = null;
      onChart?.(null);
    };
    // The instance lives as long as the element; onChart is read once per instance on purpose.
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: false });
  }, [option]);

  // Each event is bound once and calls the latest handler, so new closures do not rebind.
  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    for (const name of Object.keys(events ?? {})) {
      if (bound.current.has(name)) continue;
      bound.current.add(name);
      instance.on(name, (params: unknown) => handlers.current[name]?.(params));
    }
  }, [events]);

  return <div ref={box} className="chart" role="img" aria-label={label} style={{ height, width: '100%' }} />;
}
