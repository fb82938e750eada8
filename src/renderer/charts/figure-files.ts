// What a chart shows now as a file for a report: SVG redrawn from its current option (zoom and pan
// included) by the SVG renderer, PNG from the canvas at twice the screen's resolution.
import type { ECharts, EChartsOption } from '../../figures/echarts-setup';
import { svgOfOption } from '../../figures/figure-svg';

export function svgOfChart(chart: ECharts): string {
  return svgOfOption(chart.getOption() as EChartsOption, {
    width: chart.getWidth(),
    height: chart.getHeight(),
  });
}

export function pngOfChart(chart: ECharts, pixelRatio = 2): string {
  return chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: '#ffffff' });
}
