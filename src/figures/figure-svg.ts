// A figure as an SVG document, drawn by ECharts' own SVG renderer from the option alone: no DOM, so the
// same figure is drawn in the page, in Node (a report written by the server) and in tests.
import { echarts, type EChartsOption } from './echarts-setup';

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

/** A file name a report folder can hold: letters, digits, dots, dashes. */
export function figureFileName(stem: string, extension: 'svg' | 'png'): string {
  const safe = stem
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  return `${safe || 'figure'}.${extension}`;
}
