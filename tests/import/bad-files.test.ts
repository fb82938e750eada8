// Bad input gets a clear error naming the file and line, and a malformed file writes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportRequest } from '../../src/api/import-types';
import { ImportError, runImport } from '../../src/services/import/import-engine';
import { FileReadError } from '../../src/services/import/text-source';
import type { Project } from '../../src/storage/project-db';
import { tempFolder, tempProject } from '../helpers/temp-project';

const who = { osUser: 'tester', source: 'cli' } as const;
const COLLARS = 'hole_id,x,y,z\nDH001,100,200,300\nDH002,110,210,310\n';

function write(name: string, content: string | Buffer): string {
  const path = join(tempFolder(), name);
  writeFileSync(path, content);
  return path;
}

function snapshot(project: Project): string {
  const tables = [
    'holes',
    'surveys',
    'samples',
    'assay_results',
    'lithology',
    'change_sets',
    'audit_log',
    'problems',
    'analytes',
    'lookup_codes',
  ];
  return tables
    .map((table) => `${table}:${project.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()}`)
    .join(' ');
}

function importing(project: Project, request: ImportRequest) {
  return () => runImport(project.db, project.settings, request, who);
}

describe('malformed files are refused whole', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    [
      'unclosed quote',
      'hole_id,from,to,Zn_pct\nDH001,0,1,2.5\nDH001,1,2,"3.1\n',
      /line 3: a quoted field is never closed/i,
    ],
    [
      'wrong field count',
      'hole_id,from,to,Zn_pct\nDH001,0,1,2.5\nDH001,1,2\n',
      /line 3: 3 fields where the header has 4/,
    ],
    [
      'unknown delimiter',
      'hole_id:from:to:Zn_pct\nDH001:0:1:2.5\n',
      /header has a single column .* Choose the file's delimiter/,
    ],
    [
      'binary junk',
      Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
      ]),
      /binary data|not a CSV|delimiter/,
    ],
    [
      'a zip archive named .csv',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10, 0x00, 0xff, 0xfe, 0x00, 0x41, 0x0a, 0x00]),
      /Excel workbook/,
    ],
    [
      'duplicated headers',
      'hole_id,from,to,Zn_pct,Zn_pct\nDH001,0,1,2.5,2.6\n',
      /names "Zn_pct" more than once/,
    ],
    ['empty file', '', /is empty/],
    [
      'a 10 MB line',
      `hole_id,from,to,Zn_pct\nDH001,0,1,${'9'.repeat(10 * 1024 * 1024)}\n`,
      /longer than 1,000,000 characters/,
    ],
  ];
  for (const [name, content, message] of cases) {
    it(name, () => {
      const project = tempProject();
      runImport(
        project.db,
        project.settings,
        { files: [{ kind: 'collars', path: write('collars.csv', COLLARS) }] },
        who,
      );
      const before = snapshot(project);
      const path = write('assays.csv', content);
      let error: unknown;
      try {
        importing(project, { files: [{ kind: 'assays', path }] })();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(error instanceof FileReadError ? FileReadError : ImportError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toContain(path);
      expect(snapshot(project)).toBe(before);
    });
  }

  it('a file that stops being UTF-8 after the first megabyte', () => {
    const project = tempProject();
    const good = `hole_id,x,y,z\n${Array.from({ length: 120_000 }, (_, i) => `H${i},1,2,3`).join('\n')}\n`;
    const bad = Buffer.concat([
      Buffer.from(good),
      Buffer.from([0x48, 0x58, 0xe9, 0x2c, 0x31, 0x2c, 0x32, 0x2c, 0x33, 0x0a]),
    ]);
    const path = write('collars.csv', bad);
    expect(importing(project, { files: [{ kind: 'collars', path }] })).toThrow(
      /not valid UTF-8.*Windows-1252/,
    );
    expect(snapshot(project)).toContain('holes:0');
  });
});

describe('dialects', () => {
  it('reads semicolon files with decimal commas', () => {
    const project = tempProject();
    const path = write('assays.csv', 'hole_id;from;to;Zn_pct\nDH001;0;1,5;2,5\n');
    const summary = runImport(project.db, project.settings, { files: [{ kind: 'assays', path }] }, who);
    expect(summary.files[0]).toMatchObject({ delimiter: ';', decimalComma: true, stored: 1 });
    expect(
      project.db
        .prepare('SELECT depth_to, value, lab_text FROM samples JOIN assay_results ON sample = samples.id')
        .raw()
        .get(),
    ).toEqual([1.5, 2.5, '2,5']);
  });
});

describe('bad values refuse their row, listed with file, line and column', () => {
  it('stores the good rows and lists each refused one', () => {
    const project = tempProject();
    const collars = write('collars.csv', COLLARS);
    const surveys = write(
      'surveys.csv',
      'hole_id,depth,azimuth,dip\nDH001,0,90,-60\nDH001,30,90,120\nDH002,0,abc,-60\n',
    );
    const assays = write(
      'assays.csv',
      'hole_id,from,to,Zn_pct\nDH001,0,1,2.5\nDH001,one,2,3\n,2,3,1\nDH002,0,1,<0.01\n',
    );
    const summary = runImport(
      project.db,
      project.settings,
      {
        files: [
          { kind: 'collars', path: collars },
          { kind: 'surveys', path: surveys },
          { kind: 'assays', path: assays },
        ],
        dipConvention: 'negative-down',
      },
      who,
    );
    expect(summary.counts).toMatchObject({ holes: 2, surveys: 1, samples: 2, assayResults: 2 });
    expect(summary.refused).toEqual([
      {
        file: surveys,
        line: 3,
        column: 'dip',
        message: expect.stringContaining('Dip must be between -90 and 90 (got 120)'),
      },
      { file: surveys, line: 4, column: 'azimuth', message: 'Azimuth "abc" is not a number.' },
      { file: assays, line: 3, column: 'from', message: 'From "one" is not a number.' },
      { file: assays, line: 4, column: 'hole_id', message: 'no hole ID; fill it in or delete the row.' },
    ]);
  });

  it('writes nothing at all when asked for all or nothing', () => {
    const project = tempProject();
    const before = snapshot(project);
    const assays = write('assays.csv', 'hole_id,from,to,Zn_pct\nDH001,0,1,2.5\nDH001,one,2,3\n');
    expect(importing(project, { files: [{ kind: 'assays', path: assays }], allOrNothing: true })).toThrow(
      /1 row was refused, so nothing was imported.*line 3, column from/,
    );
    expect(snapshot(project)).toBe(before);
  });

  it('a dry run reports everything and writes nothing', () => {
    const project = tempProject();
    const before = snapshot(project);
    const assays = write('assays.csv', 'hole_id,from,to,Zn_pct\nDH001,0,2,2.5\nDH001,1,3,3\n');
    const summary = runImport(
      project.db,
      project.settings,
      { files: [{ kind: 'assays', path: assays }], dryRun: true },
      who,
    );
    expect(summary).toMatchObject({ dryRun: true, committed: false, counts: { holes: 1, samples: 2 } });
    expect(summary.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'interval-overlap', count: 1 })]),
    );
    expect(snapshot(project)).toBe(before);
  });

  it('reads Windows-1252 files, keeps leading zeros and says how the file was read', () => {
    const project = tempProject();
    const text = 'hole_id,from,to,code,description\n007,0,1,SCH,Schiste à biotite\n';
    const path = write('lith.csv', Buffer.from(text, 'latin1'));
    const summary = runImport(project.db, project.settings, { files: [{ kind: 'lithology', path }] }, who);
    expect(summary.notes.join('\n')).toContain('read as Windows-1252');
    expect(
      project.db
        .prepare('SELECT h.hole_id, l.description FROM lithology l JOIN holes h ON h.id = l.hole')
        .raw()
        .get(),
    ).toEqual(['007', 'Schiste à biotite']);
    expect(readFileSync(path).includes(0xe0)).toBe(true);
  });
});
