import { describe, expect, it } from 'vitest';
import { csvField, csvLine, neutraliseText } from '../../src/domain/export/cell-safety';

describe('formula-injection safety of exported text', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+SUM(A1)', '-1+2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")']) {
      expect(neutraliseText(text)).toBe(`'${text}`);
    }
  });

  it('leaves plain numbers and ordinary text alone', () => {
    for (const text of ['-0.005', '-12', '+3.5', '<0.01', '>10', 'EUG-11-109', 'NS', '']) {
      expect(neutraliseText(text)).toBe(text);
    }
  });

  it('writes numbers as numbers and quotes fields that need it', () => {
    expect(csvLine(['a,b', 1.5, '=cmd', 'say "hi"', null, -0.25])).toBe(
      '"a,b",1.5,\'=cmd,"say ""hi""",,-0.25',
    );
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(Number.NaN)).toBe('');
  });
});
