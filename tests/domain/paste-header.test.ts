// A pasted block whose first row names its columns: found, mapped by the importer's names and the grid's
// own headers, columns in another unit or naming nothing left out with the reason, and data rows never
// taken for a header.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectPasteHeader,
  doubleTargets,
  mapPasteHeader,
  rowsByHeader,
  type HeaderContext,
} from '../../src/domain/entry/paste-header';
import { fieldColumnId, type CellContext } from '../../src/domain/entry/grid-cells';
import { parseTsvBlock } from '../../src/domain/entry/tsv-block';
import { DATA_TABLES, type DataTable } from '../../src/domain/model';
import { TABLE_FIELDS } from '../../src/domain/table-fields';

const analytes = new Map([
  ['Zn', { code: 'Zn', unit: '%' as const }],
  ['Ag', { code: 'Ag', unit: 'ppm' as const }],
]);
const metres: HeaderContext = { analytes, lengthUnit: 'm' };
const cells: CellContext = { analytes, negativeIsBelowDetection: true, dateOrder: 'dmy' };

const detect = (table: DataTable, tsv: string, context = metres) =>
  detectPasteHeader(table, parseTsvBlock(tsv), context, cells);
const targets = (table: DataTable, tsv: string, context = metres) =>
  detect(table, tsv, context)?.columns.map((column) => column.column) ?? null;

describe('a header row in a pasted block', () => {
  it("maps the grid's own headers, with their units, to the samples columns", () => {
    const tsv =
      'Hole ID\tFrom (m)\tTo (m)\tSample ID\tZn (%)\tAg (ppm)\tComments\nEUG-1\t1\t2\tS1\t1.2\t3\tok\n';
    expect(targets('samples', tsv)).toEqual([
      'hole_id',
      'depth_from',
      'depth_to',
      'sample_id',
      'analyte:Zn',
      'analyte:Ag',
      'comments',
    ]);
  });

  it("maps the importer's names (BHID, depth_from, SAMPLE, Zn_pct) in any order", () => {
    const tsv = 'SAMPLE\tdepth_to\tBHID\tdepth_from\tZn_pct\nS1\t2\tEUG-1\t1\t0.5\n';
    expect(targets('samples', tsv)).toEqual(['sample_id', 'depth_to', 'hole_id', 'depth_from', 'analyte:Zn']);
  });

  it('maps the holes grid headers, a drillbench export included', () => {
    const header = [
      'Hole ID',
      'Easting (m)',
      'Northing (m)',
      'Elevation (m)',
      'Azimuth (deg)',
      'Dip (deg, negative down)',
      'End of hole (m)',
      'Type',
      'Station / pad',
      'Program',
      'Started',
      'Completed',
      'Comments',
    ];
    expect(
      targets('holes', `${header.join('\t')}\nDH-1\t1\t2\t3\t90\t-60\t100\tDD\tP1\t2010\t24/11/2010\t\t\n`),
    ).toEqual(TABLE_FIELDS.holes.map(fieldColumnId));
  });

  it('leaves out a column in another length unit or analyte unit, and one naming nothing, saying why', () => {
    const mapping = detect('samples', 'From (ft)\tTo (m)\tZn (ppm)\tAu (ppm)\tCore box\n1\t2\t3\t4\t5\n');
    // Three of five name columns (two in the wrong unit): a header.
    expect(mapping?.columns).toEqual([
      {
        index: 0,
        header: 'From (ft)',
        column: null,
        names: 'depth_from',
        reason: 'The column is in ft; this project is in m. Convert the values first.',
      },
      { index: 1, header: 'To (m)', column: 'depth_to', names: 'depth_to' },
      {
        index: 2,
        header: 'Zn (ppm)',
        column: null,
        names: 'analyte:Zn',
        reason: "The column is in ppm; this project's Zn is in %. Convert the values first.",
      },
      {
        index: 3,
        header: 'Au (ppm)',
        column: null,
        names: null,
        reason: 'Samples has no column and this project no analyte called "Au".',
      },
      {
        index: 4,
        header: 'Core box',
        column: null,
        names: null,
        reason: 'Samples has no column and this project no analyte called "Core box".',
      },
    ]);
    // Only one of three names a column: data, not a header.
    expect(detect('lithology', 'Core box\tTray\tTo\n1\t2\t3\n')).toBeNull();
  });

  it('takes a feet column in a feet project', () => {
    expect(
      targets('lithology', 'From (ft)\tTo (ft)\tLithology\n1\t2\tGRN\n', { analytes, lengthUnit: 'ft' }),
    ).toEqual(['depth_from', 'depth_to', 'code']);
  });

  it('never takes rows of values for a header', () => {
    expect(detect('samples', '185.1\t186.7\tUW0001\t1.2\n186.7\t188.3\tUW0002\t0.4\n')).toBeNull();
    expect(detect('lithology', 'EUG-10-033\t10\t12\tGRN\nEUG-10-033\t12\t14\tQZT\n')).toBeNull();
    // Text cells that happen to be field names in a comments column: only one of three maps.
    expect(detect('holes', 'DH-1\tcore\tprogram\nDH-2\trc\tother\n')).toBeNull();
  });

  it("takes one named column for a header when it is the column's own name or cannot be a value", () => {
    expect(targets('samples', 'Comments\nfirst\nsecond\n')).toEqual(['comments']);
    expect(targets('samples', 'From\n1\n2\n')).toEqual(['depth_from']);
    // "Hole" could be a hole's ID: pasted as it is.
    expect(detect('holes', 'Hole\nDH-1\nDH-2\n')).toBeNull();
  });

  it('needs rows under the header', () => {
    expect(detect('samples', 'Hole ID\tFrom\tTo\n')).toBeNull();
  });

  it('reports a name given twice instead of guessing', () => {
    const mapping = mapPasteHeader('samples', ['Zn (%)', 'Zn (ppm)'], metres);
    expect(mapping.problem).toBe(
      'The header row names "Zn" more than once; rename the duplicate columns so each name is unique.',
    );
    expect(mapping.columns.every((column) => column.column === null)).toBe(true);
  });

  it('cuts the rows below the header to the columns kept, in block order', () => {
    const rows = parseTsvBlock('Sample ID\tCore box\tComments\nS1\t7\tfine\nS2\t8\n');
    expect(rowsByHeader(['sample_id', null, 'comments'], rows)).toEqual({
      columns: ['sample_id', 'comments'],
      rows: [
        ['S1', 'fine'],
        ['S2', ''],
      ],
    });
    expect(doubleTargets(['sample_id', null, 'comments', 'sample_id'])).toEqual(['sample_id']);
    expect(doubleTargets(['sample_id', null, 'comments'])).toEqual([]);
  });

  it("maps every table's own labels back to their columns in any order (property)", () => {
    const labelled = (table: DataTable) =>
      TABLE_FIELDS[table].map((field) => ({
        column: fieldColumnId(field),
        label: field.quantity === 'depth' ? `${field.label} (m)` : field.label,
      }));
    fc.assert(
      fc.property(fc.constantFrom(...DATA_TABLES), fc.integer({ min: 0, max: 1_000_000 }), (table, seed) => {
        const all = labelled(table);
        const shuffled = fc.sample(fc.shuffledSubarray(all, { minLength: 2 }), { seed, numRuns: 1 })[0]!;
        const mapping = mapPasteHeader(
          table,
          shuffled.map((column) => column.label),
          metres,
        );
        expect(mapping.columns.map((column) => column.column)).toEqual(
          shuffled.map((column) => column.column),
        );
      }),
      { numRuns: 200 },
    );
  });
});
