// Significant intercepts over a project: holes with errors in what it reads left out (and named), every other
// hole read by the compositing scan, intercepts found by the domain's rules, true thickness from the
// minimum-curvature path when a plane is given, and the run saved with the hash of what it read.
import type { InterceptParams } from '../../api/compositing-schemas';
import type { ExcludedHole } from '../../api/compositing-types';
import {
  GradeExpressionError,
  parseGradeExpression,
  type GradeExpression,
} from '../../domain/compositing/grade-expression';
import { GradeUnitError, type UnitConversion } from '../../domain/compositing/grade-units';
import {
  compileInterceptPlan,
  InterceptSettingsError,
  type InterceptPlan,
  type InterceptSettings,
} from '../../domain/compositing/intercept-settings';
import { addInterceptRow, interceptTableBuilder } from '../../domain/compositing/run-results';
import { findIntercepts, InterceptWorkspace } from '../../domain/compositing/significant-intercepts';
import {
  buildHolePath,
  DesurveyError,
  PathCursor,
  type HolePath,
} from '../../domain/desurvey/minimum-curvature';
import { NEAR_PARALLEL_DEGREES, thicknessAndAngle } from '../../domain/desurvey/true-thickness';
import { CompositingScan, listScanHoles, type ScannedHole } from '../../storage/compositing-scan';
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
  type ProjectAnalyte,
  type RunControl,
  type RunOutcome,
} from './run-support';

export interface CompiledIntercepts {
  plan: InterceptPlan;
  expression: GradeExpression;
  /** Sample columns: the reported analytes, then any other analyte of the expression. */
  columns: ProjectAnalyte[];
  reported: ProjectAnalyte[];
  /** The declared grade unit, or the one the expression's analytes share. */
  gradeUnit: string;
  /** Expression analytes converted into the grade unit. */
  conversions: UnitConversion[];
  notes: string[];
}

/** Checks the parameters against the project's analytes; throws RunParamsError with what to change. */
export function compileIntercepts(project: Project, params: InterceptParams): CompiledIntercepts {
  const analytes = projectAnalytes(project.db);
  let expression: GradeExpression;
  try {
    expression = parseGradeExpression(
      params.grade,
      analytes.map((a) => a.code),
    );
  } catch (error) {
    if (error instanceof GradeExpressionError) {
      throw new RunParamsError(`The grade expression: ${error.message}`, [
        { where: 'grade', message: error.message },
      ]);
    }
    throw error;
  }
  const inExpression = matchAnalytes(expression.analytes, analytes, 'grade');
  const reported = uniqueById(matchAnalytes(params.analytes ?? expression.analytes, analytes, 'analytes'));
  const columns = uniqueById([...reported, ...inExpression]);
  const caps: Record<string, number> = {};
  for (const [code, cap] of Object.entries(params.caps)) {
    const [analyte] = matchAnalytes([code], analytes, `caps.${code}`);
    if (!columns.some((c) => c.id === analyte!.id)) {
      const message = `A cap is set for ${analyte!.code}, which is neither in the grade expression nor reported; remove the cap or report ${analyte!.code}.`;
      throw new RunParamsError(message, [{ where: `caps.${code}`, message }]);
    }
    caps[analyte!.code] = cap;
  }
  const settings: InterceptSettings = {
    expression: params.grade,
    cutoff: params.cutoff,
    minLength: params.minLength,
    maxDilution: params.maxDilution,
    minGrade: params.minGrade,
    minGradeLength: params.minGradeLength,
    caps,
    weighting: params.weighting,
    defaultDensity: params.defaultDensity,
    belowDetection: params.bdl,
    unsampled: params.unsampled,
    including: params.including,
    reportAnalytes: reported.map((a) => a.code),
    analyteUnits: Object.fromEntries(columns.map((a) => [a.code, a.unit])),
    gradeUnit: params.gradeUnit,
  };
  let plan: InterceptPlan;
  try {
    plan = compileInterceptPlan(
      settings,
      columns.map((a) => a.code),
    );
  } catch (error) {
    if (error instanceof GradeUnitError) {
      throw new RunParamsError(error.message, [{ where: 'gradeUnit', message: error.message }]);
    }
    if (error instanceof InterceptSettingsError || error instanceof GradeExpressionError) {
      throw new RunParamsError(error.message, [{ where: '(parameters)', message: error.message }]);
    }
    throw error;
  }
  return {
    plan,
    expression,
    columns,
    reported,
    gradeUnit: plan.gradeUnit ?? inExpression[0]!.unit,
    conversions: plan.conversions,
    notes: [],
  };
}

/** A path for true thickness; collar coordinates do not change a thickness, so missing ones are zero. */
function thicknessPath(hole: ScannedHole): HolePath {
  const collar = hole.hasCoordinates ? hole.collar : { ...hole.collar, x: 0, y: 0, z: 0 };
  return buildHolePath(hole.holeId, collar, hole.surveys);
}

export function runIntercepts(
  project: Project,
  resolved: Resolved<InterceptParams>,
  control: RunControl,
): RunOutcome {
  const startedAt = new Date().toISOString();
  const { db, settings: projectSettings } = project;
  const { params } = resolved;
  const compiled = compileIntercepts(project, params);
  const { plan } = compiled;
  const plane = params.plane;
  // Samples and the expression's and reported analytes; surveys and collar orientation for thickness.
  // Collar coordinates do not change a thickness, so they are not read.
  const reads: CalculationReads = {
    samples: true,
    analytes: compiled.columns,
    lithology: false,
    surveys: plane !== null,
    collarPosition: false,
  };
  const { excluded, toRead } = splitHoles(db, listScanHoles(db, params.holes), reads, control);
  const header = scanHeader({
    tables: plane ? ['holes', 'surveys', 'samples', 'assay_results'] : ['holes', 'samples', 'assay_results'],
    analytes: compiled.columns,
    lengthUnit: projectSettings.length_unit,
    dipConvention: projectSettings.dip_convention,
    excluded,
  });
  const builder = interceptTableBuilder(plan.reportAnalytes);
  const refused: ExcludedHole[] = [];
  const noThickness: string[] = [];
  const nearParallel: string[] = [];
  const digests: [string, string][] = [];
  let scan!: CompositingScan;
  db.transaction(() => {
    scan = new CompositingScan(
      db,
      {
        analytes: compiled.columns,
        samples: true,
        surveys: plane !== null,
        lithology: false,
        dipConvention: projectSettings.dip_convention,
      },
      header,
    );
    const workspace = new InterceptWorkspace();
    const step = stepper(control, toRead.length, 'Intercepts:');
    for (let k = 0; k < toRead.length; k++) {
      const hole = scan.read(toRead[k]!);
      digests.push([hole.holeId, hole.digest]);
      const result = findIntercepts(hole.samples, plan, workspace);
      if (result.refused)
        refused.push({ holeId: hole.holeId, reason: result.refused, source: 'calculation' });
      else if (result.intercepts.length > 0) {
        builder.startHole(hole.holeId);
        let path: HolePath | null = null;
        if (plane) {
          try {
            path = thicknessPath(hole);
          } catch (error) {
            if (!(error instanceof DesurveyError)) throw error;
            noThickness.push(error.message.replace(/\.$/, ''));
          }
        }
        const cursor = path ? new PathCursor(path) : null;
        for (const intercept of result.intercepts) {
          if (!(path && cursor && plane)) {
            addInterceptRow(builder, intercept, null, null);
            continue;
          }
          const { thickness, angle } = thicknessAndAngle(path, intercept.from, intercept.to, plane, cursor);
          if (angle < NEAR_PARALLEL_DEGREES) {
            nearParallel.push(`${hole.holeId} ${intercept.from}-${intercept.to} (${angle.toFixed(1)}°)`);
          }
          addInterceptRow(builder, intercept, thickness, angle);
        }
      }
      step(k + 1, hole.holeId);
    }
  })();
  const notes = [...compiled.notes];
  if (noThickness.length > 0) {
    notes.push(
      `True thickness could not be estimated for ${noThickness.length} hole${noThickness.length === 1 ? '' : 's'} (shown as "-"): ${noThickness.join('; ')}.`,
    );
  }
  if (nearParallel.length > 0) {
    const n = nearParallel.length;
    const shown = nearParallel.slice(0, 20).join('; ') + (n > 20 ? `; and ${n - 20} more` : '');
    notes.push(
      `The hole runs within ${NEAR_PARALLEL_DEGREES}° of the plane over ${n} interval${n === 1 ? '' : 's'} (marked * in the report), so ${n === 1 ? 'its' : 'their'} estimated true thickness is unreliable: ${shown}.`,
    );
  }
  return finishRun(
    db,
    {
      kind: 'intercepts',
      // The unit the grade was computed in, declared or not, so the saved run states it.
      params: { ...params, gradeUnit: compiled.gradeUnit },
      preset: resolved.preset,
      context: {
        lengthUnit: projectSettings.length_unit,
        analytes: compiled.reported.map(({ code, unit, decimals }) => ({ code, unit, decimals })),
        expression: {
          text: compiled.expression.text,
          label: compiled.expression.label,
          analytes: [...compiled.expression.analytes],
          unit: compiled.gradeUnit,
          conversions: compiled.conversions,
        },
      },
      dataHash: scan.dataHash(),
      holeDigests: digests,
      startedAt,
      holesRead: scan.holesRead,
      samplesRead: scan.samplesRead,
      excluded: [...excluded, ...refused],
      reads,
      notes,
      table: builder.finish(),
    },
    control,
  );
}
