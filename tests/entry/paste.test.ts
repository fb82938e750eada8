// Pasting blocks through the API on a real project file: bad cells listed before anything is written,
// the good ones applied only when accepted, rows added past the end, one transaction and one undo.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../src/api/contract';
import { detectPasteHeader, rowsByHeader } from '../../src/domain/entry/paste-header';
import { parseTsvBlock } from '../../src/domain/entry/tsv-block';
import { validateProject } from '../../src/services/validation/validate-project';
import { openDemoFixture, problemSnapshot, type EntryFixture } from './entry-fixture';

let fixture: EntryFixture;
beforeEach(() => {
  fixture = openDemoFixture();
});
afterEach(() => fixture.close());

const one = <T>(sql: string, ...params: unknown[]): T => fixture.project.db.prepare(sql).get(...params) as T;
const count = (sql: string, ...params: unknown[]) =>
  fixture.project.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

/** A hole's samples in the grid's default order, as the hole filter shows them. */
function holeView(holeId: string): ApiInput<'table.paste'>['view'] {
  return { table: 'samples', holeId };
}

async function viewIds(view: ApiInput<'table.paste'>['view']): Promise<number[]> {
  const page = await fixture.api['table.page']({ ...view, offset: 0, limit: 5000 });
  return page.rows.map((row) => row.id);
}

describe('paste', () => {
  it('lists the bad cells and writes nothing until the user accepts', async () => {
    const { api } = fixture;
    const view = holeView('EUG-10-033');
    const ids = await viewIds(view);
    const block = parseTsvBlock('1.5\tfine\nabc\tgood\n2.5\tok\n');
    const densityBefore = one<{ density: number | null }>(
      'SELECT density FROM samples WHERE id = ?',
      ids[4],
    ).density;
    const request = {
      view,
      startIndex: 3,
      anchorRowId: ids[3]!,
      columns: ['density', 'comments'],
      rows: block,
    };
    const checked = await api['table.paste']({ ...request, mode: 'check' });
    expect(checked.applied).toBe(false);
    expect(checked.bad).toEqual([
      {
        row: 1,
        col: 0,
        column: 'density',
        label: 'EUG-10-033 sample 0712002 (64.5-66.5)',
        text: 'abc',
        message: 'Density: "abc" is not a number. Type digits such as 12.5.',
      },
    ]);
    expect(checked.cells).toBe(5);
    const sets = count('SELECT count(*) FROM change_sets');
    const refused = await api['table.paste']({ ...request, mode: 'apply' });
    expect(refused.applied).toBe(false);
    expect(count('SELECT count(*) FROM change_sets')).toBe(sets);
    const accepted = await api['table.paste']({ ...request, mode: 'apply-good' });
    expect(accepted.applied).toBe(true);
    expect(accepted.bad).toHaveLength(1);
    expect(one('SELECT density, comments FROM samples WHERE id = ?', ids[3])).toEqual({
      density: 1.5,
      comments: 'fine',
    });
    // The bad cell was left as it was.
    expect(one('SELECT density, comments FROM samples WHERE id = ?', ids[4])).toEqual({
      density: densityBefore,
      comments: 'good',
    });
    expect(count('SELECT count(*) FROM audit_log WHERE change_set = ?', accepted.changeSet)).toBe(5);
  });

  it("adds rows past the end of the view in the view's hole, in one change set that one undo takes back", async () => {
    const { api } = fixture;
    const view = holeView('EUG-10-033');
    const ids = await viewIds(view);
    const samples = count('SELECT count(*) FROM samples');
    const text = [
      '170.0\t171.0\tP-1\t1.5\t0.2',
      '171.0\t172.5\tP-2\t<0.01\tNS',
      '172.5\t174.0\tP-3\t3\t1',
    ].join('\r\n');
    const pasted = await api['table.paste']({
      view,
      startIndex: ids.length,
      anchorRowId: null,
      columns: ['depth_from', 'depth_to', 'sample_id', 'analyte:Zn', 'analyte:Pb'],
      rows: parseTsvBlock(text),
      mode: 'apply',
    });
    expect(pasted).toMatchObject({ applied: true, newRows: 3, cells: 15, badTotal: 0 });
    expect(pasted.status.counts.samples).toBe(samples + 3);
    const added = fixture.project.db
      .prepare(
        `SELECT h.hole_id, s.depth_from, s.depth_to, s.sample_id, r.lab_text, r.flag, r.seq FROM samples s JOIN holes h ON h.id = s.hole
           JOIN assay_results r ON r.sample = s.id JOIN analytes a ON a.id = r.analyte
          WHERE s.sample_id LIKE 'P-%' AND a.code = 'Pb' ORDER BY s.sample_id`,
      )
      .all();
    expect(added).toEqual([
      {
        hole_id: 'EUG-10-033',
        depth_from: 170,
        depth_to: 171,
        sample_id: 'P-1',
        lab_text: '0.2',
        flag: 'value',
        seq: 0,
      },
      {
        hole_id: 'EUG-10-033',
        depth_from: 171,
        depth_to: 172.5,
        sample_id: 'P-2',
        lab_text: 'NS',
        flag: 'ns',
        seq: 0,
      },
      {
        hole_id: 'EUG-10-033',
        depth_from: 172.5,
        depth_to: 174,
        sample_id: 'P-3',
        lab_text: '1',
        flag: 'value',
        seq: 0,
      },
    ]);
    // The hole ends at 171 m: the last two are flagged past the end of hole, and listed.
    expect(count(`SELECT count(*) FROM problems WHERE rule = 'past-end-of-hole' AND hole = 1`)).toBe(2);
    const after = await viewIds(view);
    expect(after.slice(0, ids.length)).toEqual(ids);
    expect(after).toHaveLength(ids.length + 3);
    await api['edit.undo']({});
    expect(count(`SELECT count(*) FROM samples WHERE sample_id LIKE 'P-%'`)).toBe(0);
    expect(count(`SELECT count(*) FROM problems WHERE rule = 'past-end-of-hole'`)).toBe(0);
  });

  it('lands on the rows in the order the sorted grid shows them', async () => {
    const { api } = fixture;
    const view = { table: 'samples' as const, sort: [{ column: 'analyte:Zn', direction: 'desc' as const }] };
    const ids = await viewIds(view);
    await api['table.paste']({
      view,
      startIndex: 0,
      anchorRowId: ids[0]!,
      columns: ['comments'],
      rows: [['top 1'], ['top 2']],
      mode: 'apply',
    });
    expect(one('SELECT comments FROM samples WHERE id = ?', ids[0])).toEqual({ comments: 'top 1' });
    expect(one('SELECT comments FROM samples WHERE id = ?', ids[1])).toEqual({ comments: 'top 2' });
  });

  it('refuses when the grid no longer shows the row the paste started on', async () => {
    const view = holeView('EUG-10-033');
    const ids = await viewIds(view);
    await expect(
      fixture.api['table.paste']({
        view,
        startIndex: 0,
        anchorRowId: ids[1]!,
        columns: ['comments'],
        rows: [['x']],
        mode: 'apply',
      }),
    ).rejects.toThrow(/The grid changed since/);
  });

  it('needs every required value for a new row and names what is missing', async () => {
    const view = { table: 'lithology' as const, holeId: 'EUG-10-033' };
    const total = (await fixture.api['table.page']({ ...view, offset: 0, limit: 1 })).total;
    const checked = await fixture.api['table.paste']({
      view,
      startIndex: total,
      anchorRowId: null,
      columns: ['depth_from', 'depth_to'],
      rows: [['171', '172']],
      mode: 'check',
    });
    expect(checked.newRows).toBe(0);
    expect(checked.bad[0]?.message).toBe(
      'Lithology is required for a new row, and the block gives none; include that column in the copied block.',
    );
  });

  it('names each bad cell by its row: stored rows by sample ID and depths, new rows from the block', async () => {
    const view = holeView('EUG-10-033');
    const ids = await viewIds(view);
    // A block copied with its names row, pasted by those names from the last row down.
    const block = parseTsvBlock(
      [
        'Sample ID\tZn (%)\tCore box\tFrom (m)\tTo (m)',
        `${String(one<{ sample_id: string }>('SELECT sample_id FROM samples WHERE id = ?', ids.at(-1)).sample_id)}\tabc\t7\t\t`,
        'HB-1\t1,2\t8\t171\t172.5',
        'HB-2\t0.4\t8\tx\t174',
        '\t0.4\t9\t174\t175x',
      ].join('\n'),
    );
    const mapping = detectPasteHeader(
      'samples',
      block,
      { analytes: new Map([['Zn', { code: 'Zn', unit: '%' }]]), lengthUnit: 'm' },
      { analytes: new Map(), negativeIsBelowDetection: true },
    );
    expect(mapping?.columns.map((column) => column.column)).toEqual([
      'sample_id',
      'analyte:Zn',
      null,
      'depth_from',
      'depth_to',
    ]);
    const { columns, rows } = rowsByHeader(
      mapping!.columns.map((column) => column.column),
      block,
    );
    const checked = await fixture.api['table.paste']({
      view,
      startIndex: ids.length - 1,
      anchorRowId: ids.at(-1)!,
      columns,
      rows,
      mode: 'check',
    });
    expect(checked.bad.map((cell) => [cell.label, cell.column, cell.text])).toEqual([
      ['EUG-10-033 sample 0712032 (145.8-146.9)', 'analyte:Zn', 'abc'],
      ['New row EUG-10-033 sample HB-1 (171-172.5)', 'analyte:Zn', '1,2'],
      ['New row EUG-10-033 sample HB-2 (x-174)', 'depth_from', 'x'],
      ['New row EUG-10-033 sample (174-175x)', 'depth_to', '175x'],
    ]);
  });

  it('names new lithology, survey and hole rows by hole and depths', async () => {
    const lithology = { table: 'lithology' as const, holeId: 'EUG-10-033' };
    const end = (await fixture.api['table.page']({ ...lithology, offset: 0, limit: 1 })).total;
    const litho = await fixture.api['table.paste']({
      view: lithology,
      startIndex: end,
      anchorRowId: null,
      columns: ['depth_from', 'depth_to', 'code'],
      rows: [['171', '172', 'NOT-A-CODE']],
      mode: 'check',
    });
    expect(litho.bad.map((cell) => cell.label)).toEqual(['New row EUG-10-033 NOT-A-CODE 171-172']);
    const surveys = { table: 'surveys' as const };
    const surveyEnd = (await fixture.api['table.page']({ ...surveys, offset: 0, limit: 1 })).total;
    const survey = await fixture.api['table.paste']({
      view: surveys,
      startIndex: surveyEnd,
      anchorRowId: null,
      columns: ['hole_id', 'depth', 'azimuth', 'dip'],
      rows: [['NO-SUCH-HOLE', '30', '400', '-60']],
      mode: 'check',
    });
    expect(survey.bad.map((cell) => [cell.label, cell.column])).toEqual([
      ['New row NO-SUCH-HOLE survey at 30', 'hole_id'],
      ['New row NO-SUCH-HOLE survey at 30', 'azimuth'],
    ]);
    const holes = { table: 'holes' as const };
    const holeIds = await viewIds(holes);
    const hole = await fixture.api['table.paste']({
      view: holes,
      startIndex: 0,
      anchorRowId: holeIds[0]!,
      columns: ['dip'],
      rows: [['-95']],
      mode: 'check',
    });
    expect(hole.bad.map((cell) => cell.label)).toEqual(['Hole EUG-10-033']);
  });

  it('applies 100,000 cells in one change set and keeps the problems current', async () => {
    const { api, project } = fixture;
    const view = holeView('EUG-10-033');
    const ids = await viewIds(view);
    const rows: string[][] = [];
    for (let i = 0; i < 20_000; i++) {
      const from = 200 + i;
      rows.push([String(from), String(from + 1), `BIG-${i}`, (i % 7).toFixed(2), '<0.01']);
    }
    const pasted = await api['table.paste']({
      view,
      startIndex: ids.length,
      anchorRowId: null,
      columns: ['depth_from', 'depth_to', 'sample_id', 'analyte:Zn', 'analyte:Pb'],
      rows,
      mode: 'apply',
    });
    expect(pasted).toMatchObject({ applied: true, cells: 100_000, newRows: 20_000 });
    expect(
      count('SELECT count(DISTINCT change_set) FROM audit_log WHERE change_set >= ?', pasted.changeSet),
    ).toBe(1);
    expect(count(`SELECT count(*) FROM samples WHERE sample_id LIKE 'BIG-%'`)).toBe(20_000);
    const kept = problemSnapshot(project);
    validateProject(project.db, project.settings.length_unit);
    expect(kept).toEqual(problemSnapshot(project));
  });
});

describe('TSV blocks from spreadsheets', () => {
  it('reads tabs, CRLF, quoted cells with tabs, line breaks and quotes, and blank rows', () => {
    expect(parseTsvBlock('a\tb\r\n"x\ty"\t"line 1\nline 2"\r\n\r\n"say ""hi"""\t\r\n')).toEqual([
      ['a', 'b'],
      ['x\ty', 'line 1\nline 2'],
      [''],
      ['say "hi"', ''],
    ]);
  });

  it('takes a stray quote literally and a copied empty cell as one empty cell', () => {
    expect(parseTsvBlock('12" core\t"open\n')).toEqual([['12" core', '"open']]);
    expect(parseTsvBlock('\r\n')).toEqual([['']]);
    expect(parseTsvBlock('')).toEqual([]);
  });
});
