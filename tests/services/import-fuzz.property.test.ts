// Thousands of random mutations of a valid collar + assay import (bytes inserted, deleted, repeated,
// cut, swapped; quotes, delimiters, NULs, BOMs and broken UTF-8 thrown in) never crash the engine and
// never half-write: after each attempt the project holds either exactly what the summary says was
// imported, or nothing at all.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MappingError } from '../../src/domain/import/header-mapping';
import { ImportCancelled, ImportError, runImport } from '../../src/services/import/import-engine';
import { FileReadError } from '../../src/services/import/text-source';
import { readSettings } from '../../src/storage/project-db';
import { StorageError } from '../../src/storage/storage-error';
import { count, fingerprint, newProject, tempDirectory } from '../helpers/project-fixtures';

const COLLARS =
  'hole_id,easting,northing,elevation,azimuth,dip,eoh\nF-1,1000,2000,300,45,-60,30\nF-2,1010,2000,300,90,-70,25\n';
const ASSAYS = [
  'hole_id,from,to,sample_id,sample_type,Zn_pct,Au_ppm,comments',
  'F-1,0,1.5,0001,,0.52,0.005,',
  'F-1,1.5,3,0002,,<0.01,-0.005,"split, quartered"',
  'F-1,3,4.2,0003,DUP,1.7,NS,',
  'F-1,4.2,6,0004,,12.4,>10,"said ""high"""',
  'F-2,0,2,0005,,0.08,IS,',
  'F-2,2,4,0006,blank,,,',
  'F-2,4,5.5,0007,,3.3,0.41,',
  'F-2,5.5,7,0008,,0.9,0.02,é',
  'F-3,0,1,0009,,0.1,0.1,no collar',
].join('\r\n');

const SPICE = [
  ',',
  ';',
  '"',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\ufeff',
  'é',
  '<',
  '>',
  '-',
  '.',
  '0',
  '9',
  'x',
  ' ',
  '=',
  '\u2028',
];

type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'repeat'; at: number; length: number }
  | { op: 'cut'; at: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'bytes'; at: number; bytes: number[] };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.array(fc.constantFrom(...SPICE), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    op: fc.constant('bytes' as const),
    at: fc.nat(),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 6 }),
  }),
);

function mutate(source: Buffer, mutations: readonly Mutation[]): Buffer {
  let bytes = source;
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : ('at' in m ? m.at : 0) % (bytes.length + 1);
    switch (m.op) {
      case 'insert':
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text), bytes.subarray(at)]);
        break;
      case 'delete':
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
        break;
      case 'repeat':
        bytes = Buffer.concat([bytes.subarray(0, at + m.length), bytes.subarray(at)]);
        break;
      case 'cut':
        bytes = bytes.subarray(0, at);
        break;
      case 'swap': {
        const lines = bytes.toString('latin1').split('\n');
        const a = m.a % lines.length;
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        bytes = Buffer.from(lines.join('\n'), 'latin1');
        break;
      }
      case 'bytes':
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
        break;
    }
  }
  return bytes;
}

const EXPECTED_FAILURES = [ImportError, FileReadError, MappingError, StorageError, ImportCancelled];

describe('fuzzed imports never crash and never half-write', () => {
  const directory = tempDirectory();
  afterAll(() => directory.remove());

  it.each([
    { parseMode: 'inline' as const, runs: 2500, seed: 20110630 },
    // The reader thread takes a moment to start under tsx: fewer runs, same property.
    { parseMode: 'worker' as const, runs: 60, seed: 7 },
  ])(
    'holds the whole import or nothing after every mutated attempt ($parseMode)',
    ({ parseMode, runs, seed }) => {
      const template = newProject(directory.path, `fuzz-${parseMode}`);
      // An in-memory copy cannot be in WAL mode.
      template.db.pragma('journal_mode = DELETE');
      const snapshot = template.db.serialize();
      template.db.close();
      const collarPath = join(directory.path, 'collars.csv');
      const assayPath = join(directory.path, 'assays.csv');
      let imported = 0;
      let refusedWhole = 0;
      fc.assert(
        fc.property(
          fc.array(mutation, { minLength: 1, maxLength: 5 }),
          fc.array(mutation, { maxLength: 2 }),
          fc.record({
            allOrNothing: fc.boolean(),
            dryRun: fc.boolean(),
            negativeIsBelowDetection: fc.boolean(),
          }),
          (assayMutations, collarMutations, options) => {
            writeFileSync(assayPath, mutate(Buffer.from(ASSAYS), assayMutations));
            writeFileSync(collarPath, mutate(Buffer.from(COLLARS), collarMutations));
            const db = new DatabaseConstructor(snapshot);
            db.pragma('foreign_keys = ON');
            try {
              const before = fingerprint(db);
              const counts = {
                holes: count(db, 'holes'),
                samples: count(db, 'samples'),
                results: count(db, 'assay_results'),
              };
              let summary;
              try {
                summary = runImport(
                  db,
                  readSettings(db),
                  {
                    files: [
                      { kind: 'collars', path: collarPath },
                      { kind: 'assays', path: assayPath, mapping: { analytes: {} } },
                    ],
                    lengthUnit: 'm',
                    dipConvention: 'negative-down',
                    ...options,
                  },
                  { osUser: 'fuzz', source: 'cli' },
                  { parseMode },
                );
              } catch (error) {
                if (!EXPECTED_FAILURES.some((kind) => error instanceof kind)) throw error;
                expect((error as Error).message.length).toBeGreaterThan(10);
                expect(fingerprint(db)).toBe(before);
                refusedWhole++;
                return;
              }
              if (options.dryRun) {
                expect(fingerprint(db)).toBe(before);
                return;
              }
              imported++;
              expect(count(db, 'holes')).toBe(counts.holes + summary.counts.holes);
              expect(count(db, 'samples')).toBe(counts.samples + summary.counts.samples);
              expect(count(db, 'assay_results')).toBe(counts.results + summary.counts.assayResults);
              for (const file of summary.files) expect(file.stored + file.refused).toBe(file.rows);
              if (options.allOrNothing) expect(summary.refused).toEqual([]);
              expect(db.pragma('foreign_key_check')).toEqual([]);
              expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
            } finally {
              db.close();
            }
          },
        ),
        { numRuns: runs, seed },
      );
      // The mutations must exercise both outcomes, or the property says little.
      expect(imported).toBeGreaterThan(runs / 25);
      expect(refusedWhole).toBeGreaterThan(runs / 25);
    },
  );
});
