// Which holes a calculation leaves out: only those with validation errors in what it reads (issue 9,
// items 3 and 10). Each hole below has one kind of error, found by the real rules, and each run says
// which holes it left out, naming the table and the rule.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExcludedHole } from '../../src/api/compositing-types';
import type { RunKind } from '../../src/domain/compositing/run-results';
import { runKind, verifyRun } from '../../src/services/compositing/run-verify';
import { validateProject } from '../../src/services/validation/validate-project';
import { smallProject, type SmallProject } from '../compositing/small-project';

const control = { osUser: 'tester', source: 'cli' };
let small: SmallProject;

/**
 * OK: nothing wrong. LITH: lithology overlap. SURV: a survey past the end of hole. AG: an unreadable Ag
 * result. NORL: no collar elevation. OVER: overlapping samples.
 */
beforeEach(() => {
  small = smallProject();
  const zn = small.analyte('Zn');
  const ag = small.analyte('Ag', 'ppm');
  const hole = (id: string, fields: Parameters<SmallProject['hole']>[1] = {}) => {
    const row = small.hole(id, { azimuth: 90, dip: -60, eoh: 20, ...fields });
    for (let k = 0; k < 4; k++) {
      const sample = small.sample(row, k * 2, k * 2 + 2, { sampleId: `${id}-${k}` });
      small.result(sample, zn, 5 + k);
      small.result(sample, ag, 10);
    }
    small.lithology(row, 0, 10, 'MS');
    small.lithology(row, 10, 20, 'SED');
    return row;
  };
  hole('OK');
  small.lithology(hole('LITH'), 8, 12, 'MS');
  small.survey(hole('SURV'), 25, 90, -60);
  const ag2 = hole('AG');
  small.project.db
    .prepare(
      "UPDATE assay_results SET value = NULL, flag = 'invalid', lab_text = 'x12' WHERE sample = ? AND analyte = ?",
    )
    .run(small.project.db.prepare('SELECT min(id) FROM samples WHERE hole = ?').pluck().get(ag2), ag);
  hole('NORL', { elevation: null });
  const over = hole('OVER');
  small.sample(over, 1, 3, { sampleId: 'OVER-x' });
  validateProject(small.project.db, 'm');
});
afterEach(() => small.close());

function run(kind: RunKind, params: Record<string, unknown>): ExcludedHole[] {
  return runKind(small.project, kind, { params }, control).run.excluded;
}

const intercepts = { grade: 'Zn', cutoff: 1, minLength: 1, maxDilution: 0 };

describe('holes left out of a calculation', () => {
  it('a collar without elevation is a validation error that says what to do', () => {
    const row = small.project.db
      .prepare(
        "SELECT p.table_name, p.column_name, p.severity, p.message FROM problems p JOIN holes h ON h.id = p.hole WHERE h.hole_id = 'NORL'",
      )
      .get();
    expect(row).toEqual({
      table_name: 'holes',
      column_name: 'elevation',
      severity: 'error',
      message:
        'Hole NORL has no collar elevation; enter it (RL, Z): desurvey and anything that places the hole in 3-D need it. Intercepts and composites still read the hole.',
    });
  });

  it('Zn intercepts read every hole but the one with overlapping samples', () => {
    expect(run('intercepts', intercepts)).toEqual([
      {
        holeId: 'OVER',
        reason: 'validation errors in samples: overlapping intervals (2)',
        source: 'validation',
      },
    ]);
  });

  it('reporting Ag leaves out the hole with an unreadable Ag result, naming the analyte', () => {
    expect(
      run('intercepts', { ...intercepts, analytes: ['Zn', 'Ag'] }).map((h) => [h.holeId, h.reason]),
    ).toEqual([
      ['AG', 'validation errors in assays (Ag): result text not a number or known code'],
      ['OVER', 'validation errors in samples: overlapping intervals (2)'],
    ]);
  });

  it('true thickness reads the surveys: the survey past the end of hole keeps SURV out', () => {
    const excluded = run('intercepts', { ...intercepts, plane: { dip: 30, dipDirection: 270 } });
    expect(excluded.map((h) => [h.holeId, h.reason])).toEqual([
      ['OVER', 'validation errors in samples: overlapping intervals (2)'],
      ['SURV', 'validation errors in surveys: depth past end of hole'],
    ]);
  });

  it('composites read lithology only when they restart at domains', () => {
    expect(run('composites', { length: 2, analytes: ['Zn'] }).map((h) => h.holeId)).toEqual(['OVER']);
    expect(
      run('composites', { length: 2, analytes: ['Zn'], domains: true }).map((h) => [h.holeId, h.reason]),
    ).toEqual([
      ['LITH', 'validation errors in lithology: overlapping intervals (2)'],
      ['OVER', 'validation errors in samples: overlapping intervals (2)'],
    ]);
  });

  it('desurvey reads collars and surveys only: NORL and SURV are out, OVER and AG are in', () => {
    expect(run('desurvey', {}).map((h) => [h.holeId, h.reason])).toEqual([
      ['NORL', 'validation errors in holes: hole without collar elevation'],
      ['SURV', 'validation errors in surveys: depth past end of hole'],
    ]);
  });

  it('a run made before this rule is verified with the rule it was made with', () => {
    const old = runKind(
      small.project,
      'intercepts',
      { params: intercepts },
      { ...control, exclusion: 'any-error' },
    );
    expect(old.run.excluded.map((h) => [h.holeId, h.reason])).toEqual([
      ['AG', 'validation errors: result text not a number or known code'],
      ['LITH', 'validation errors: overlapping intervals (2)'],
      ['NORL', 'validation errors: hole without collar elevation'],
      ['OVER', 'validation errors: overlapping intervals (2)'],
      ['SURV', 'validation errors: depth past end of hole'],
    ]);
    // Runs saved before the rule have no exclusion in their record.
    const db = small.project.db;
    const context = JSON.parse(
      db.prepare('SELECT context FROM runs WHERE id = ?').pluck().get(old.run.id) as string,
    );
    delete context.exclusion;
    db.prepare('UPDATE runs SET context = ? WHERE id = ?').run(JSON.stringify(context), old.run.id);
    const verified = verifyRun(small.project, old.run.id, control);
    expect(verified.dataUnchanged).toBe(true);
    expect(verified.resultsIdentical).toBe(true);
    expect(verified.message).toContain(
      'it left out a hole for any validation error and was checked the same way; a new run would read 4 more holes (AG, LITH, NORL, SURV)',
    );
    const current = runKind(small.project, 'intercepts', { params: intercepts }, control);
    expect(verifyRun(small.project, current.run.id, control).message).not.toContain('any validation error');
  });
});
