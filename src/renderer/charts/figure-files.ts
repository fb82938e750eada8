// What a chart shows now as a file for a report: SVG redrawn from its current option (zoom and pan
// included) by the SVG renderer, PNG from the canvas at twice the screen's resolution.
import type { ECharts, EChartsOption } from '../../figures/echarts-setup';
import { svgOfOption } from '../../figures/figure-svg';

/**
 * `full`: the figure's option as built, for series whose data ECharts keeps only in its own form (flat
 * line coordinates); the chart's current zoom is laid over it.
 */
export function svgOfChart(chart: ECharts, full?: EChartsOption): string {
  const current = chart.getOption() as EChartsOption;
  const option = full ? { ...full, dataZoom: current.dataZoom } : current;
  return svgOfOption(option, {
    width: chart.getWidth(),
    height: chart.getHeight(),
  });
}

export function pngOfChart(chart: ECharts, pixelRatio = 2): string {
  return chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: '#ffffff' });
}
