// The colour a lithology (or any lookup) code is drawn with on strip logs and sections: the one stored
// with the code, else a conventional colour for a common code or for a rock or colour named in its
// description, else a colour of a fixed palette by the code's place in its list (stable between holes).

/** A stored colour: '#rrggbb' in lower case. */
export const COLOUR_PATTERN = /^#[0-9a-f]{6}$/;

/** '#ABC', '#aabbcc' or 'AABBCC' as '#aabbcc'; null for anything else. */
export function normaliseColour(text: string): string | null {
  const trimmed = text.trim().toLowerCase().replace(/^#?/, '#');
  if (/^#[0-9a-f]{3}$/.test(trimmed)) {
    return `#${[...trimmed.slice(1)].map((digit) => digit + digit).join('')}`;
  }
  return COLOUR_PATTERN.test(trimmed) ? trimmed : null;
}

// Conventional colours of common logging codes (upper case). Sulphides in bronze to straw, carbonates
// in blues, felsic intrusives in pinks, mafic and ultramafic rocks in greens, as most logging sheets do.
const CODE_COLOURS: Readonly<Record<string, string>> = {
  ...codes(['MSUL', 'MS', 'MSX', 'MASU', 'SSX'], '#a8741a'),
  ...codes(['SMSUL', 'SMS', 'SMSX'], '#d4a537'),
  ...codes(['DSUL', 'DS', 'DSX', 'DISS'], '#ecd27a'),
  ...codes(['OB', 'OVB', 'OVBD', 'CAS', 'CASING', 'SOIL'], '#d2b48c'),
  ...codes(['VOID', 'NC', 'NR', 'NOCORE', 'LC', 'CAV'], '#f2f2f2'),
  ...codes(['SST', 'SS', 'SAND'], '#f4d27a'),
  ...codes(['SLST', 'SILT'], '#c9b27c'),
  ...codes(['SH', 'SHL', 'SHALE'], '#7f8c8d'),
  ...codes(['MDST', 'MUD'], '#8e8e7a'),
  ...codes(['CGL', 'CONG'], '#e8a35c'),
  ...codes(['LST', 'LS', 'LIME'], '#8fb9e0'),
  ...codes(['DOL', 'DOLO'], '#a7c7e7'),
  ...codes(['MBL', 'MB', 'MARB'], '#b9d7f0'),
  ...codes(['CHT', 'CHERT'], '#c3c3a0'),
  ...codes(['COAL'], '#2b2b2b'),
  ...codes(['QZT', 'QTZT', 'QTZ', 'QZ'], '#f7e9a0'),
  ...codes(['GN', 'GNS', 'GNEISS'], '#c48fb7'),
  ...codes(['PGN', 'PELG'], '#b07aa1'),
  ...codes(['SCH', 'SCHT', 'SCHIST'], '#9fa77b'),
  ...codes(['AMP', 'AMPH', 'AMPB'], '#4f7a3a'),
  ...codes(['CSG', 'CS', 'CSIL', 'CALC'], '#8fbf9f'),
  ...codes(['SKN', 'SKARN'], '#6aa07a'),
  ...codes(['GR', 'GRT', 'GRAN', 'GRN', 'GRNT'], '#f2a7a7'),
  ...codes(['GD', 'GDR', 'GRD', 'GDI'], '#e8b4a0'),
  ...codes(['PEG', 'PGM'], '#f7c6d9'),
  ...codes(['APL', 'APLITE'], '#fbd3d3'),
  ...codes(['RHY', 'RY'], '#f5b5c8'),
  ...codes(['POR', 'PORPH', 'QFP', 'FP', 'QP'], '#e39b9b'),
  ...codes(['MZ', 'MZN', 'MONZ'], '#e7a88a'),
  ...codes(['SY', 'SYN'], '#e5988a'),
  ...codes(['DIO', 'DI', 'DRT', 'QD'], '#b5a68f'),
  ...codes(['AND', 'AN', 'ANDS'], '#9f9f6f'),
  ...codes(['DAC', 'DC'], '#c7a98f'),
  ...codes(['TON', 'TNL'], '#cdb8a0'),
  ...codes(['BAS', 'BSLT', 'BA', 'BSL'], '#3f6e55'),
  ...codes(['GAB', 'GB', 'GBR'], '#2f5d4a'),
  ...codes(['DIA', 'DIAB', 'DLR', 'DOLR'], '#4a6b5a'),
  ...codes(['MAF', 'MD', 'MAFIC'], '#49735c'),
  ...codes(['UM', 'ULT', 'UMF'], '#2d4a3a'),
  ...codes(['PER', 'PERD', 'PRD'], '#33523f'),
  ...codes(['SERP', 'SRP'], '#5c8a6a'),
  ...codes(['KOM'], '#3c5e4a'),
  ...codes(['TUF', 'TF', 'TUFF'], '#c8c890'),
  ...codes(['VOL', 'VC', 'VOLC'], '#a8a070'),
  ...codes(['BX', 'BXX', 'BRX', 'BREC'], '#b08968'),
  ...codes(['FLT', 'FZ', 'FAULT', 'GOU'], '#c0392b'),
  ...codes(['QV', 'VN', 'QVN', 'VEIN'], '#e8e6d9'),
  ...codes(['BIF', 'IF'], '#8b3a3a'),
};

function codes(list: readonly string[], colour: string): Record<string, string> {
  return Object.fromEntries(list.map((code) => [code, colour]));
}

// Words in a description, first match wins: colours named outright (a "Tom Pink Facies" is pink), then
// rock names, more specific before more general (granodiorite before granite).
const DESCRIPTION_COLOURS: readonly [RegExp, string][] = [
  [/\bblack\b/, '#3a3a3a'],
  [/\b(grey|gray)\b/, '#9a9a9a'],
  [/\bpink\b/, '#f4a6c0'],
  [/\bred\b/, '#c0504d'],
  [/\bgreen\b/, '#6a9955'],
  [/\bwhite\b/, '#f5f5f5'],
  [/\byellow\b/, '#f2d75c'],
  [/\borange\b/, '#f0a050'],
  [/\b(purple|violet)\b/, '#9b7bb8'],
  [/\bbrown\b/, '#9c6b3f'],
  [/\bblue\b/, '#6f9fd8'],
  [/semi-?massive sulph|semi-?massive sulf/, '#d4a537'],
  [/massive sulph|massive sulf/, '#a8741a'],
  [/dissem\w* sulph|dissem\w* sulf|disseminated/, '#ecd27a'],
  [/overburden|casing|\bsoil\b|\btill\b/, '#d2b48c'],
  [/\bvoid\b|no core|not recorded|core loss|\bcavity\b/, '#f2f2f2'],
  [/quartz vein|\bvein\b/, '#e8e6d9'],
  [/\bfault|gouge|shear zone/, '#c0392b'],
  [/breccia/, '#b08968'],
  [/granodiorite/, '#e8b4a0'],
  [/quartz diorite|diorite/, '#b5a68f'],
  [/quartzite/, '#f7e9a0'],
  [/pegmatite/, '#f7c6d9'],
  [/porphyr/, '#e39b9b'],
  [/monzo/, '#e7a88a'],
  [/granit|felsic|aplite/, '#f2a7a7'],
  [/rhyolit/, '#f5b5c8'],
  [/dacit/, '#c7a98f'],
  [/andesit/, '#9f9f6f'],
  [/basalt/, '#3f6e55'],
  [/gabbro/, '#2f5d4a'],
  [/diabase|dolerite/, '#4a6b5a'],
  [/ultramafic|peridotit|komatiit|dunite/, '#2d4a3a'],
  [/serpentin/, '#5c8a6a'],
  [/\bmafic/, '#49735c'],
  [/amphibolit/, '#4f7a3a'],
  [/skarn/, '#6aa07a'],
  [/calc-?silicate/, '#8fbf9f'],
  [/marble/, '#b9d7f0'],
  [/dolomit/, '#a7c7e7'],
  [/limestone|carbonate/, '#8fb9e0'],
  [/chert/, '#c3c3a0'],
  [/conglomerat/, '#e8a35c'],
  [/sandstone|arenite|greywacke/, '#f4d27a'],
  [/siltstone/, '#c9b27c'],
  [/mudstone|argillite/, '#8e8e7a'],
  [/shale|slate/, '#7f8c8d'],
  [/schist/, '#9fa77b'],
  [/gneiss/, '#c48fb7'],
  [/tuff|volcaniclast/, '#c8c890'],
  [/volcanic/, '#a8a070'],
  [/sediment/, '#d9c89a'],
  [/iron formation/, '#8b3a3a'],
];

// A qualitative palette for codes nothing above names; adjacent entries differ clearly.
const PALETTE: readonly string[] = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#86bcb6',
  '#d37295',
  '#8cd17d',
  '#f1ce63',
  '#a0cbe8',
  '#ffbe7d',
];

/** The default colour of a code with no stored colour; `index` is its place in its list. */
export function defaultCodeColour(code: string, description: string | null, index: number): string {
  const named = CODE_COLOURS[code.trim().toUpperCase()];
  if (named) return named;
  const words = (description ?? '').toLowerCase();
  for (const [pattern, colour] of DESCRIPTION_COLOURS) if (pattern.test(words)) return colour;
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}

export interface CodeForColour {
  code: string;
  description: string | null;
  /** The stored colour, or null for the default. */
  colour: string | null;
}

/** The colour every code of a list is drawn with, in list order. */
export function codeColours(list: readonly CodeForColour[]): Map<string, string> {
  return new Map(
    list.map((entry, index) => [
      entry.code,
      (entry.colour && normaliseColour(entry.colour)) ??
        defaultCodeColour(entry.code, entry.description, index),
    ]),
  );
}

/** Dark or white text, whichever reads better on the background (relative luminance, WCAG). */
export function textColourOn(background: string): string {
  const colour = normaliseColour(background);
  if (!colour) return '#1d2430';
  const channel = (offset: number) => {
    const value = parseInt(colour.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // Contrast against white vs against #1d2430 (luminance about 0.017).
  return 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.067 ? '#ffffff' : '#1d2430';
}
