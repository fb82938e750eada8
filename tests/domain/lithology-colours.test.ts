// The colour a lithology code is drawn with: stored, conventional for a common code, named by its
// description, or from a palette by its place in the list; and legible text on it.
import { describe, expect, it } from 'vitest';
import {
  codeColours,
  defaultCodeColour,
  normaliseColour,
  textColourOn,
} from '../../src/domain/lithology-colours';

describe('normaliseColour', () => {
  it('accepts #rgb and #rrggbb in any case, with or without #, as lower-case #rrggbb', () => {
    expect(normaliseColour('#A8741A')).toBe('#a8741a');
    expect(normaliseColour('a8741a')).toBe('#a8741a');
    expect(normaliseColour(' #fA0 ')).toBe('#ffaa00');
    for (const bad of ['', 'red', '#12345', '#1234567', '#ggg']) expect(normaliseColour(bad)).toBeNull();
  });
});

describe('defaultCodeColour', () => {
  it('gives common codes their conventional colour, whatever their case', () => {
    expect(defaultCodeColour('MSUL', null, 0)).toBe('#a8741a');
    expect(defaultCodeColour('msul', null, 5)).toBe('#a8741a');
    expect(defaultCodeColour('LST', null, 0)).toBe('#8fb9e0');
    expect(defaultCodeColour('GR', null, 0)).toBe('#f2a7a7');
  });

  it('reads a colour or a rock named in the description (Tom zone facies, Copper Creek units)', () => {
    expect(defaultCodeColour('TSBF', 'Tom Black Facies', 0)).toBe('#3a3a3a');
    expect(defaultCodeColour('TSPF', 'Tom Pink Facies', 1)).toBe('#f4a6c0');
    expect(defaultCodeColour('TSSX', 'Tom Massive Sulphides', 2)).toBe('#a8741a');
    expect(defaultCodeColour('pqd', 'Porphyritic quartz diorite', 0)).toBe('#b5a68f');
    expect(defaultCodeColour('gdp', 'Granodiorite porphyry undiff', 0)).toBe('#e8b4a0');
    expect(defaultCodeColour('Bxi', 'Igneous cemented breccia', 0)).toBe('#b08968');
    // "altered" holds "red" but not as a word.
    expect(defaultCodeColour('ALT', 'Altered host', 0)).not.toBe('#c0504d');
  });

  it('falls back to a palette by place in the list, the same for the same place', () => {
    const first = defaultCodeColour('TELA', 'Tom East Lens A', 0);
    expect(defaultCodeColour('XYZ', null, 0)).toBe(first);
    expect(defaultCodeColour('XYZ', null, 1)).not.toBe(first);
    expect(defaultCodeColour('XYZ', null, 16)).toBe(first);
  });
});

describe('codeColours', () => {
  it('prefers the stored colour and fills the rest with defaults in list order', () => {
    const colours = codeColours([
      { code: 'MSUL', description: null, colour: '#123456' },
      { code: 'PGN', description: 'Pelitic gneiss', colour: null },
      { code: 'Q1', description: null, colour: null },
    ]);
    expect([...colours]).toEqual([
      ['MSUL', '#123456'],
      ['PGN', '#b07aa1'],
      ['Q1', defaultCodeColour('Q1', null, 2)],
    ]);
  });
});

describe('textColourOn', () => {
  it('writes white on dark blocks and dark on light ones', () => {
    expect(textColourOn('#3a3a3a')).toBe('#ffffff');
    expect(textColourOn('#4f7a3a')).toBe('#ffffff');
    expect(textColourOn('#f7e9a0')).toBe('#1d2430');
    expect(textColourOn('#ffffff')).toBe('#1d2430');
  });
});
