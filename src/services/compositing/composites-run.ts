// Fixed-length downhole composites over a project, through the same scan, exclusions and run record as
// intercepts: one row per composite with its sampled length and one average per analyte.
import type { CompositeParams } from '../../api/compositing-schemas';
import type { ExcludedHole } from '../../api/compositing-types';
import {
  checkCompositeSettings,
  compositeHole,
  type CompositeSettings,
} from '../../domain/compositing/fixed-length-composites';
import { addCompositeRow, compositeTableBuilder } from '../../domain/compositing/run-results';
import { CompositingScan, listScanHoles } from '../../storage/compositing-scan';
import type { CalculationReads } from '../../domain/validation/calculation-reads';
import type { Project } from '../../storage/project-db';
import type { Resolved } from './run-params';
import {
  finishRun,
  matchAnalytes,
  projectAnalytes,
  RunParamsError,
  scanHeader,
  splitHoles,
  stepper,
  uniqueById,
  type RunControl,
  type RunOutcome,
} from './run-support';

export function compositeSettings(params: CompositeParams): CompositeSettings {
  const settings: CompositeSettings = {
    length: params.length,
    anchor: params.anchor,
    residual: params.residual,
    missing: params.missing,
    belowDetection: params.bdl,
    weighting: params.weighting,
    defaultDensity: params.defaultDensity,
  };
  try {
    checkCompositeSettings(settings);
  } catch (error) {
    const message = (error as Error).message;
    throw new RunParamsError(message, [{ where: '(parameters)', message }]);
  }
  return settings;
}

export function runComposites(
  project: Project,
  resolved: Resolved<CompositeParams>,
  control: RunControl,
): RunOutcome {
  const startedAt = new Date().toISOString();
  const { db, settings: projectSettings } = project;
  const { params } = resolved;
  const settings = compositeSettings(params);
  const all = projectAnalytes(db);
  const analytes = uniqueById(params.analytes ? matchAnalytes(params.analytes, all, 'analytes') : all);
  if (analytes.length === 0) {
    throw new RunParamsError('The project has no analytes to composite yet; import assays first.', [
      { where: 'analytes', message: 'No analytes.' },
    ]);
  }
  // Samples, the analytes composited, lithology when composites restart at domains; and the recorded end
  // of hole, which no validation rule judges by itself.
  const reads: CalculationReads = {
    samples: true,
    analytes,
    lithology: params.domains,
    surveys: false,
    collarPosition: false,
  };
  const { excluded, toRead } = splitHoles(db, listScanHoles(db, params.holes), reads, control);
  const header = scanHeader({
    tables: params.domains
      ? ['holes', 'samples', 'assay_results', 'lithology']
      : ['holes', 'samples', 'assay_results'],
    analytes,
    lengthUnit: projectSettings.length_unit,
    dipConvention: projectSettings.dip_convention,
    excluded,
  });
  const builder = compositeTableBuilder(
    analytes.map((a) => a.code),
    params.domains,
  );
  const refused: ExcludedHole[] = [];
  const digests: [string, string][] = [];
  let scan!: CompositingScan;
  db.transaction(() => {
    scan = new CompositingScan(
      db,
      {
        analytes,
        samples: true,
        surveys: false,
        lithology: params.domains,
        dipConvention: projectSettings.dip_convention,
      },
      header,
    );
    const step = stepper(control, toRead.length, 'Composites:');
    for (let k = 0; k < toRead.length; k++) {
      const hole = scan.read(toRead[k]!);
      digests.push([hole.holeId, hole.digest]);
      const result = compositeHole(
        { samples: hole.samples, eoh: hole.collar.eoh, domains: params.domains ? hole.lithology : null },
        settings,
      );
      if (result.refused)
        refused.push({ holeId: hole.holeId, reason: result.refused, source: 'calculation' });
      else if (result.composites.length > 0) {
        builder.startHole(hole.holeId);
        for (const composite of result.composites) addCompositeRow(builder, composite);
      }
      step(k + 1, hole.holeId);
    }
  })();
  return finishRun(
    db,
    {
      kind: 'composites',
      params,
      preset: resolved.preset,
      context: {
        lengthUnit: projectSettings.length_unit,
        analytes: analytes.map(({ code, unit, decimals }) => ({ code, unit, decimals })),
        domains: params.domains,
      },
      dataHash: scan.dataHash(),
      holeDigests: digests,
      startedAt,
      holesRead: scan.holesRead,
      samplesRead: scan.samplesRead,
      excluded: [...excluded, ...refused],
      reads,
      notes: [],
      table: builder.finish(),
    },
    control,
  );
}
