// Figures saved for a report: the SVG is drawn by ECharts' SVG renderer from the option alone (no DOM),
// so what a figure holds can be checked here as text.
import { describe, expect, it } from 'vitest';
import { figureFileName, svgOfOption } from '../../src/figures/figure-svg';

describe('svgOfOption', () => {
  it('draws the option as a standalone SVG document of the asked size with its text', () => {
    const svg = svgOfOption(
      {
        title: { text: 'EUG-11-109' },
        xAxis: { type: 'value', name: 'Zn %' },
        yAxis: { type: 'value', inverse: true, name: 'Depth (m)' },
        series: [
          {
            type: 'line',
            data: [
              [1.2, 10],
              [11.8, 20],
              [0.4, 30],
            ],
          },
        ],
      },
      { width: 640, height: 480 },
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="640"');
    expect(svg).toContain('height="480"');
    expect(svg).toContain('EUG-11-109');
    expect(svg).toContain('Depth (m)');
    // One polyline for the series: a path through the three points.
    expect(svg).toMatch(/<path d="M[^"]+L[^"]+L[^"]+"/);
  });
});

describe('figureFileName', () => {
  it('keeps letters, digits, dots and dashes and adds the extension', () => {
    expect(figureFileName('strip-log EUG-11-109', 'svg')).toBe('strip-log-EUG-11-109.svg');
    expect(figureFileName('section A/B (looking NE)', 'png')).toBe('section-A-B-looking-NE.png');
    expect(figureFileName('///', 'png')).toBe('figure.png');
  });
});
