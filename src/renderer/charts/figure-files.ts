// A figure as a file for a report: SVG redrawn from the chart's current option (zoom and pan included)
// by ECharts' own SVG renderer, PNG from the canvas at twice the screen's resolution. The SVG path needs
// no DOM, so figures can also be drawn in Node (tests, reports written by the main process).
import { echarts, type ECharts, type EChartsOption } from './echarts-setup';

export interface FigureSize {
  width: number;
  height: number;
}

/** The option as an SVG document of the given size, white background, no animation. */
export function svgOfOption(option: EChartsOption, size: FigureSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({ backgroundColor: '#ffffff', ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** What is on screen now, as SVG. */
export function svgOfChart(chart: ECharts): string {
  return svgOfOption(chart.getOption() as EChartsOption, {
    width: chart.getWidth(),
    height: chart.getHeight(),
  });
}

/** What is on screen now, as a PNG data URL. */
export function pngOfChart(chart: ECharts, pixelRatio = 2): string {
  return chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: '#ffffff' });
}

/** A file name a report folder can hold: letters, digits, dots, dashes. */
export function figureFileName(stem: string, extension: 'svg' | 'png'): string {
  const safe = stem
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  return `${safe || 'figure'}.${extension}`;
}
