// A small project file in a temp folder, filled with plain SQL, for storage and service tests that need
// exact control over ids, re-assays, flags and problems.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeProject, createProject, type Project } from '../../src/storage/project-db';
import type { DipConvention } from '../../src/domain/model';

export interface SmallProject {
  project: Project;
  directory: string;
  hole(
    holeId: string,
    fields?: Partial<Record<'easting' | 'northing' | 'elevation' | 'azimuth' | 'dip' | 'eoh', number | null>>,
  ): number;
  survey(hole: number, depth: number, azimuth: number, dip: number): number;
  sample(
    hole: number,
    from: number | null,
    to: number | null,
    options?: { id?: number; type?: string; density?: number | null; sampleId?: string },
  ): number;
  analyte(code: string, unit?: string): number;
  result(
    sample: number,
    analyte: number,
    value: number | null,
    flag?: string,
    options?: { seq?: number; preferred?: 0 | 1; text?: string },
  ): void;
  lithology(hole: number, from: number, to: number, code: string): number;
  problem(
    hole: number,
    rule: string,
    severity: 'error' | 'warning',
    message: string,
    where?: { table?: string; column?: string },
  ): void;
  close(): void;
}

export function smallProject(
  dipConvention: DipConvention = 'negative-down',
  lengthUnit: 'm' | 'ft' = 'm',
): SmallProject {
  const directory = mkdtempSync(join(tmpdir(), 'drillbench-compositing-'));
  const project = createProject(
    join(directory, 'small.drillbench'),
    { name: 'small', length_unit: lengthUnit, dip_convention: dipConvention },
    'tester',
  );
  const { db } = project;
  return {
    project,
    directory,
    hole(holeId, fields = {}) {
      return Number(
        db
          .prepare(
            'INSERT INTO holes (hole_id, easting, northing, elevation, azimuth, dip, eoh) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            holeId,
            // A field given as null stays null (no coordinate); one not given gets a plausible value.
            fields.easting !== undefined ? fields.easting : 1000,
            fields.northing !== undefined ? fields.northing : 2000,
            fields.elevation !== undefined ? fields.elevation : 300,
            fields.azimuth ?? null,
            fields.dip ?? null,
            fields.eoh ?? null,
          ).lastInsertRowid,
      );
    },
    survey(hole, depth, azimuth, dip) {
      return Number(
        db
          .prepare('INSERT INTO surveys (hole, depth, azimuth, dip) VALUES (?, ?, ?, ?)')
          .run(hole, depth, azimuth, dip).lastInsertRowid,
      );
    },
    sample(hole, from, to, options = {}) {
      return Number(
        db
          .prepare(
            'INSERT INTO samples (id, hole, depth_from, depth_to, sample_id, sample_type, density) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            options.id ?? null,
            hole,
            from,
            to,
            options.sampleId ?? null,
            options.type ?? 'regular',
            options.density ?? null,
          ).lastInsertRowid,
      );
    },
    analyte(code, unit = '%') {
      return Number(
        db.prepare('INSERT INTO analytes (code, unit) VALUES (?, ?)').run(code, unit).lastInsertRowid,
      );
    },
    result(sample, analyte, value, flag = 'value', options = {}) {
      db.prepare(
        'INSERT INTO assay_results (sample, analyte, seq, value, lab_text, flag, preferred) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(
        sample,
        analyte,
        options.seq ?? 0,
        value,
        options.text ?? (value === null ? 'NS' : String(value)),
        flag,
        options.preferred ?? 1,
      );
    },
    lithology(hole, from, to, code) {
      return Number(
        db
          .prepare('INSERT INTO lithology (hole, depth_from, depth_to, code) VALUES (?, ?, ?, ?)')
          .run(hole, from, to, code).lastInsertRowid,
      );
    },
    problem(hole, rule, severity, message, where = {}) {
      db.prepare(
        'INSERT INTO problems (hole, table_name, column_name, rule, severity, message) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(hole, where.table ?? 'samples', where.column ?? null, rule, severity, message);
    },
    close() {
      closeProject(project);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
