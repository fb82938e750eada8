// Desurvey over a project: each hole's minimum-curvature path from its collar and surveys, with a row at
// the collar, at every survey station, at the end of the hole, and every `step` along it when asked.
import type { DesurveyParams } from '../../api/compositing-schemas';
import type { ExcludedHole } from '../../api/compositing-types';
import { addStationRow, desurveyTableBuilder } from '../../domain/compositing/run-results';
import { stationsAlongHole } from '../../domain/desurvey/desurvey-stations';
import { buildHolePath, DesurveyError } from '../../domain/desurvey/minimum-curvature';
import { CompositingScan, listScanHoles } from '../../storage/compositing-scan';
import type { CalculationReads } from '../../domain/validation/calculation-reads';
import type { Project } from '../../storage/project-db';
import type { Resolved } from './run-params';
import { finishRun, scanHeader, splitHoles, stepper, type RunControl, type RunOutcome } from './run-support';

export function runDesurvey(
  project: Project,
  resolved: Resolved<DesurveyParams>,
  control: RunControl,
): RunOutcome {
  const startedAt = new Date().toISOString();
  const { db, settings: projectSettings } = project;
  const { params } = resolved;
  // The collar (position and orientation) and the surveys. Sample and lithology depths are read only for
  // a hole without a recorded end, and only their deepest To, which no interval error changes.
  const reads: CalculationReads = {
    samples: false,
    analytes: [],
    lithology: false,
    surveys: true,
    collarPosition: true,
  };
  const { excluded, toRead } = splitHoles(db, listScanHoles(db, params.holes), reads, control);
  const header = scanHeader({
    tables: ['holes', 'surveys', 'samples.depth_to', 'lithology.depth_to'],
    analytes: [],
    lengthUnit: projectSettings.length_unit,
    dipConvention: projectSettings.dip_convention,
    excluded,
  });
  const builder = desurveyTableBuilder();
  const refused: ExcludedHole[] = [];
  const digests: [string, string][] = [];
  // Without a step, one station past the end: only the collar, the surveys and the end itself.
  const step = params.step ?? Infinity;
  let scan!: CompositingScan;
  db.transaction(() => {
    scan = new CompositingScan(
      db,
      {
        analytes: [],
        samples: false,
        surveys: true,
        lithology: false,
        depthExtent: true,
        dipConvention: projectSettings.dip_convention,
      },
      header,
    );
    const next = stepper(control, toRead.length, 'Desurvey:');
    for (let k = 0; k < toRead.length; k++) {
      const hole = scan.read(toRead[k]!);
      digests.push([hole.holeId, hole.digest]);
      try {
        if (!hole.hasCoordinates) {
          throw new DesurveyError(hole.holeId, `Hole ${hole.holeId} has no collar coordinates; enter them.`);
        }
        const path = buildHolePath(hole.holeId, hole.collar, hole.surveys);
        const lastSurvey = hole.surveys.length > 0 ? hole.surveys[hole.surveys.length - 1]!.depth : 0;
        // Without a recorded end, the hole reaches at least its deepest interval and its last survey.
        const end = hole.collar.eoh ?? Math.max(hole.deepest ?? 0, lastSurvey);
        builder.startHole(hole.holeId);
        for (const station of stationsAlongHole(path, step, end)) addStationRow(builder, station);
      } catch (error) {
        if (!(error instanceof DesurveyError)) throw error;
        refused.push({
          holeId: hole.holeId,
          reason: error.message.replace(/\.$/, ''),
          source: 'calculation',
        });
      }
      next(k + 1, hole.holeId);
    }
  })();
  return finishRun(
    db,
    {
      kind: 'desurvey',
      params,
      preset: null,
      context: { lengthUnit: projectSettings.length_unit, analytes: [] },
      dataHash: scan.dataHash(),
      holeDigests: digests,
      startedAt,
      holesRead: scan.holesRead,
      samplesRead: 0,
      excluded: [...excluded, ...refused],
      reads,
      notes: [],
      table: builder.finish(),
    },
    control,
  );
}
