// A figure as geologists get it: a title, the chart, Save SVG and Save PNG for a report, and a plain
// message instead of a blank panel when there is nothing to draw (no holes, no survey, no run).
import { useCallback, useRef, type ReactNode } from 'react';
import { blobOfDataUrl, saveFile } from '../components/save-file';
import { Chart, type ChartEvents } from './chart';
import type { ECharts, EChartsOption } from '../../figures/echarts-setup';
import { figureFileName } from '../../figures/figure-svg';
import { pngOfChart, svgOfChart } from './figure-files';

export interface FigureProps {
  title: string;
  /** File names of saved figures start with this (e.g. `strip-log-EUG-11-109`). */
  fileStem: string;
  option: EChartsOption;
  height: number | string;
  events?: ChartEvents;
  /** When set, shown instead of the chart: why there is nothing to draw and what to do. */
  emptyMessage?: string | null;
  /** Controls shown in the figure's toolbar (analyte choice, log scale, ...). */
  controls?: ReactNode;
  /** The figure in words and numbers, beside the canvas for screen readers, tests and copying. */
  summary?: ReactNode;
  onChart?: (chart: ECharts | null) => void;
  /** Save SVG from this option (with the chart's zoom) rather than the chart's own copy of it. */
  svgFromOption?: boolean;
}

export function Figure(props: FigureProps) {
  const { title, fileStem, option, height, events, emptyMessage, controls, summary, onChart, svgFromOption } =
    props;
  const chart = useRef<ECharts | null>(null);
  const keep = useCallback(
    (instance: ECharts | null) => {
      chart.current = instance;
      onChart?.(instance);
    },
    [onChart],
  );
  const save = (format: 'svg' | 'png') => {
    const instance = chart.current;
    if (!instance) return;
    const file =
      format === 'svg'
        ? new Blob([svgOfChart(instance, svgFromOption ? option : undefined)], { type: 'image/svg+xml' })
        : blobOfDataUrl(pngOfChart(instance));
    saveFile(file, figureFileName(fileStem, format));
  };
  const empty = emptyMessage ?? null;
  return (
    <figure className="figure" aria-label={title}>
      <div className="figure-toolbar">
        <figcaption className="figure-title">{title}</figcaption>
        {controls}
        <span className="figure-actions">
          <button type="button" disabled={empty !== null} onClick={() => save('svg')}>
            Save SVG
          </button>
          <button type="button" disabled={empty !== null} onClick={() => save('png')}>
            Save PNG
          </button>
        </span>
      </div>
      {empty !== null ? (
        <p className="figure-empty" role="status" style={{ minHeight: height }}>
          {empty}
        </p>
      ) : (
        <Chart option={option} events={events} height={height} label={title} onChart={keep} />
      )}
      {summary && empty === null && <div className="figure-summary">{summary}</div>}
    </figure>
  );
}
