// Saved column layouts laid over the columns a grid has today (analytes added and removed since), the
// user's own choices standing over the default hiding of empty analytes, and layouts read back from a
// file written by hand or by another version.
import { describe, expect, it } from 'vitest';
import {
  arrangeColumns,
  isColumnHidden,
  layoutFromJson,
  setColumnDecimals,
  setColumnVisible,
  showAllColumns,
  withGridState,
  type GridLayout,
} from '../../src/domain/entry/column-layout';
import { analyteTooltip, elementName } from '../../src/domain/entry/column-headers';

const ids = (layout: { id: string }[]) => layout.map((column) => column.id);

describe('arrangeColumns', () => {
  const defaults = ['hole_id', 'depth_from', 'depth_to', 'analyte:Cu', 'analyte:Au'];

  it('gives the default order when nothing is saved', () => {
    expect(ids(arrangeColumns(defaults, null))).toEqual(defaults);
  });

  it('keeps the saved order, widths and choices', () => {
    const saved: GridLayout = {
      columns: [
        { id: 'hole_id', width: 90 },
        { id: 'analyte:Au', width: 70, decimals: 2 },
        { id: 'depth_from' },
        { id: 'depth_to', visible: false },
        { id: 'analyte:Cu' },
      ],
    };
    const arranged = arrangeColumns(defaults, saved);
    expect(ids(arranged)).toEqual(['hole_id', 'analyte:Au', 'depth_from', 'depth_to', 'analyte:Cu']);
    expect(arranged[1]).toEqual({ id: 'analyte:Au', width: 70, decimals: 2 });
    expect(arranged[3]).toEqual({ id: 'depth_to', visible: false });
  });

  it('puts a new analyte after its neighbour and drops one no longer in the project', () => {
    const saved: GridLayout = {
      columns: [
        { id: 'analyte:Cu' },
        { id: 'hole_id' },
        { id: 'depth_from' },
        { id: 'depth_to' },
        { id: 'analyte:Zn', width: 80 },
      ],
    };
    const today = ['hole_id', 'depth_from', 'depth_to', 'analyte:Cu', 'analyte:Ag', 'analyte:Au'];
    expect(ids(arrangeColumns(today, saved))).toEqual([
      'analyte:Cu',
      'analyte:Ag',
      'analyte:Au',
      'hole_id',
      'depth_from',
      'depth_to',
    ]);
    // A new first column goes to the front.
    expect(ids(arrangeColumns(['sample_id', ...today], saved))[0]).toBe('sample_id');
  });

  it('takes the first of a column saved twice', () => {
    const saved: GridLayout = {
      columns: [
        { id: 'depth_to', width: 70 },
        { id: 'depth_to', width: 50 },
      ],
    };
    expect(arrangeColumns(['depth_from', 'depth_to'], saved)).toEqual([
      { id: 'depth_from' },
      { id: 'depth_to', width: 70 },
    ]);
  });
});

describe('hidden columns', () => {
  const layout: GridLayout = { columns: [] };

  it('hides an empty analyte by default, but not one the user chose to show', () => {
    expect(isColumnHidden({ id: 'analyte:Ag' }, true, layout)).toBe(true);
    expect(isColumnHidden({ id: 'analyte:Ag' }, false, layout)).toBe(false);
    expect(isColumnHidden({ id: 'analyte:Ag', visible: true }, true, layout)).toBe(false);
    expect(isColumnHidden({ id: 'analyte:Ag', visible: false }, false, layout)).toBe(true);
    expect(isColumnHidden({ id: 'analyte:Ag' }, true, { ...layout, showEmptyAnalytes: true })).toBe(false);
  });

  it('records the choices', () => {
    const shown = setColumnVisible(layout, 'analyte:Ag', true);
    expect(shown.columns).toEqual([{ id: 'analyte:Ag', visible: true }]);
    expect(setColumnVisible(shown, 'analyte:Ag', false).columns).toEqual([
      { id: 'analyte:Ag', visible: false },
    ]);
    expect(showAllColumns(layout, ['a', 'b']).columns).toEqual([
      { id: 'a', visible: true },
      { id: 'b', visible: true },
    ]);
  });
});

describe('withGridState', () => {
  it('takes the grid’s order and the widths of the shown columns', () => {
    const layout: GridLayout = {
      columns: [{ id: 'a', width: 100, decimals: 1 }, { id: 'b', visible: false, width: 60 }, { id: 'c' }],
    };
    const next = withGridState(layout, [
      { id: 'c', width: 151.6, hidden: false },
      { id: 'a', width: 10, hidden: false },
      { id: 'b', width: 200, hidden: true },
    ]);
    expect(next.columns).toEqual([
      { id: 'c', width: 152 },
      { id: 'a', width: 40, decimals: 1 },
      { id: 'b', visible: false, width: 60 },
    ]);
  });
});

describe('setColumnDecimals', () => {
  it('sets 0 to 6 decimals, or back to as imported', () => {
    const two = setColumnDecimals({ columns: [{ id: 'depth_from', width: 90 }] }, 'depth_from', 2);
    expect(two.columns).toEqual([{ id: 'depth_from', width: 90, decimals: 2 }]);
    expect(setColumnDecimals(two, 'depth_from', null).columns).toEqual([{ id: 'depth_from', width: 90 }]);
    expect(setColumnDecimals(two, 'depth_from', 9).columns[0]?.decimals).toBe(6);
  });
});

describe('layoutFromJson', () => {
  it('keeps what is well formed and drops the rest', () => {
    expect(layoutFromJson(null)).toBeNull();
    expect(layoutFromJson({ columns: 'no' })).toBeNull();
    expect(
      layoutFromJson({
        columns: [
          { id: 'a', width: 5000, visible: 'yes', decimals: 2 },
          { id: '', width: 80 },
          'b',
          { id: 'c', decimals: 7, future: true },
        ],
        showEmptyAnalytes: true,
      }),
    ).toEqual({ columns: [{ id: 'a', width: 2000, decimals: 2 }, { id: 'c' }], showEmptyAnalytes: true });
  });
});

describe('headers', () => {
  it('names the element behind an analyte code', () => {
    expect(elementName('Zn')).toBe('zinc');
    expect(elementName('Au_FA')).toBe('gold');
    expect(elementName('Fe2O3')).toBe('iron');
    expect(elementName('Cu1')).toBe('copper');
    expect(elementName('LOI')).toBeNull();
  });

  it('gives the full name, unit and method in the tooltip without repeating the element', () => {
    expect(analyteTooltip({ code: 'Zn', unit: '%', description: 'Zinc, aqua regia, ICP-ES' })).toBe(
      'Zn — zinc, % (aqua regia, ICP-ES)',
    );
    expect(analyteTooltip({ code: 'Zn', unit: '%', description: '4 acid digest, ICP-AES' })).toBe(
      'Zn — zinc, % (4 acid digest, ICP-AES)',
    );
    expect(analyteTooltip({ code: 'Ni', unit: 'ppm', description: null })).toBe('Ni — nickel, ppm');
    expect(analyteTooltip({ code: 'LOI', unit: '%', description: null })).toBe('LOI, %');
  });
});
