// Column titles of the results grids: the file's names turned into people's words with units, in the
// project's length unit, with a one-analyte grade not repeating its analyte's title.
import { describe, expect, it } from 'vitest';
import { runColumnLabel, runColumnLabels } from '../../src/domain/compositing/run-column-labels';
import { outputColumns, type OutputColumn } from '../../src/domain/compositing/run-results';

const analytes = [
  { code: 'Cu', unit: '%' },
  { code: 'Au', unit: 'g/t' },
];

describe('results column labels', () => {
  it('names intercept columns with units, the grade by its expression', () => {
    const columns = outputColumns({ kind: 'intercepts', analytes: ['Cu', 'Au'] });
    expect(
      runColumnLabels(columns, { lengthUnit: 'ft', analytes, grade: { label: 'CuEq', unit: '%' } }),
    ).toEqual([
      'Hole',
      'Kind',
      'From (ft)',
      'To (ft)',
      'Length (ft)',
      'True thickness (ft)',
      'Angle to plane (deg)',
      'CuEq (%)',
      'Cu (%)',
      'Au (g/t)',
    ]);
  });

  it('keeps a one-analyte grade apart from that analyte column', () => {
    const grade = outputColumns({ kind: 'intercepts', analytes: ['Cu'] }).find((c) => c.header === 'grade')!;
    expect(runColumnLabel(grade, { lengthUnit: 'm', analytes, grade: { label: 'Cu', unit: '%' } })).toBe(
      'Grade Cu (%)',
    );
  });

  it('names composite and desurvey columns, analyte lengths and columns it does not know', () => {
    const composites = outputColumns({ kind: 'composites', analytes: ['Cu'], domains: true });
    expect(runColumnLabels(composites, { lengthUnit: 'm', analytes })).toEqual([
      'Hole',
      'From (m)',
      'To (m)',
      'Length (m)',
      'Sampled length (m)',
      'Cu (%)',
      'Cu length (m)',
      'Domain',
    ]);
    const desurvey = outputColumns({ kind: 'desurvey', analytes: [] });
    expect(runColumnLabels(desurvey, { lengthUnit: 'm', analytes })).toEqual([
      'Hole',
      'Depth (m)',
      'Easting (m)',
      'Northing (m)',
      'Elevation (m)',
    ]);
    const extra: OutputColumn[] = [
      { header: 'Cu_length', source: { number: 'assayed:Cu' } },
      { header: 'angle_to_plane', source: { number: 'angle_to_plane' } },
      { header: 'waste_length', source: { number: 'waste_length' } },
    ];
    expect(runColumnLabels(extra, { lengthUnit: 'm', analytes })).toEqual([
      'Cu length (m)',
      'Angle to plane (deg)',
      'Waste length',
    ]);
  });
});
