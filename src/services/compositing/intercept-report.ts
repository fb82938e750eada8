// The news-release report of a saved intercept run: the seed's table shape with "and" and "including"
// rows, and the parameter statement for the footnote, holes left out included. Also the list of every
// parameter, for a spreadsheet's Parameters sheet.
import type { InterceptParams } from '../../api/compositing-schemas';
import type { InterceptReport } from '../../api/compositing-types';
import { parseGradeExpression } from '../../domain/compositing/grade-expression';
import type { InterceptSettings } from '../../domain/compositing/intercept-settings';
import type { ResultTable } from '../../domain/compositing/result-table';
import { interceptsFromTable } from '../../domain/compositing/run-results';
import { plainNumber } from '../../domain/report/decimal-rounding';
import { buildInterceptTable, type InterceptTable } from '../../domain/report/intercept-table';
import { interceptParameterStatement } from '../../domain/report/parameter-statement';
import type { StoredRun } from '../../storage/runs-store';
import { StorageError } from '../../storage/storage-error';
import { runContext } from './run-reading';

function settingsOf(params: InterceptParams): InterceptSettings {
  return {
    expression: params.grade,
    cutoff: params.cutoff,
    minLength: params.minLength,
    maxDilution: params.maxDilution,
    minGrade: params.minGrade,
    minGradeLength: params.minGradeLength,
    caps: params.caps,
    weighting: params.weighting,
    defaultDensity: params.defaultDensity,
    belowDetection: params.bdl,
    unsampled: params.unsampled,
    including: params.including,
  };
}

export interface BuiltReport extends InterceptReport {
  table: InterceptTable;
}

export function interceptReport(run: StoredRun, results: ResultTable): BuiltReport {
  if (run.kind !== 'intercepts') {
    throw new StorageError(
      'refused',
      `Run ${run.id} is a ${run.kind} run; only intercept runs have a news-release report. Export its results instead.`,
    );
  }
  const params = run.params as InterceptParams;
  const context = runContext(run);
  const expressionInfo = context.expression!;
  const reported = context.analytes.map((a) => a.code);
  const rows = interceptsFromTable(results, reported);
  // A single reported analyte as the expression would only repeat its own column.
  const ownColumn =
    expressionInfo.analytes.length === 1 && expressionInfo.text === expressionInfo.analytes[0];
  const table = buildInterceptTable(rows, {
    lengthUnit: context.lengthUnit,
    reportAnalytes: reported,
    columns: context.analytes.map((a) => ({ code: a.code, unit: a.unit, decimals: params.gradeDecimals })),
    expression:
      ownColumn && reported.includes(expressionInfo.text)
        ? null
        : { label: expressionInfo.label, unit: expressionInfo.unit, decimals: params.gradeDecimals },
    depthDecimals: params.depthDecimals,
  });
  const expression = parseGradeExpression(params.grade, expressionInfo.analytes);
  const overLimit = rows.reduce(
    (sum, r) => sum + (r.intercept.kind === 'intercept' ? r.intercept.overLimitResults : 0),
    0,
  );
  const statement = interceptParameterStatement({
    settings: settingsOf(params),
    expression,
    gradeUnit: expressionInfo.unit,
    conversions: expressionInfo.conversions ?? [],
    analyteUnits: Object.fromEntries(context.analytes.map((a) => [a.code, a.unit])),
    lengthUnit: context.lengthUnit,
    trueThickness: params.plane ? { method: 'plane', ...params.plane } : { method: 'unknown' },
    excludedHoles: run.excluded,
    metalEquivalentBasis: params.metalEquivalentBasis,
    overLimitResults: overLimit,
    laboratory: params.laboratory,
    depthDecimals: params.depthDecimals,
    gradeDecimals: params.gradeDecimals,
  });
  return {
    runId: run.id,
    header: table.header,
    rows: table.rows.map((row) => ({ holeId: row.holeId, kind: row.kind, cells: row.cells })),
    notes: [...table.notes, ...run.notes],
    statement: statement.text,
    sentences: statement.sentences,
    warnings: statement.warnings,
    excluded: run.excluded,
    table,
  };
}

const LABELS: Record<string, string> = {
  grade: 'Grade expression',
  gradeUnit: 'Grade unit',
  cutoff: 'Cutoff grade',
  minLength: 'Minimum length',
  maxDilution: 'Maximum consecutive internal dilution',
  minGrade: 'Minimum intercept grade (empty: the cutoff)',
  minGradeLength: 'Minimum grade x length',
  weighting: 'Weighting',
  defaultDensity: 'Default density',
  bdl: 'Below-detection results count as',
  unsampled: 'Unsampled material',
  caps: 'Caps (top-cuts)',
  'including.cutoff': 'Including: cutoff',
  'including.minLength': 'Including: minimum length',
  'including.maxDilution': 'Including: maximum internal dilution',
  'including.minGrade': 'Including: minimum grade',
  including: 'Including pass',
  'plane.dip': 'Plane dip (true thickness)',
  'plane.dipDirection': 'Plane dip direction (true thickness)',
  plane: 'Plane for true thickness',
  holes: 'Holes',
  analytes: 'Reported analytes',
  metalEquivalentBasis: 'Metal-equivalent basis',
  laboratory: 'Laboratory',
  depthDecimals: 'Decimals for depths',
  gradeDecimals: 'Decimals for grades',
  length: 'Composite length',
  anchor: 'Anchor',
  residual: 'Last short piece',
  missing: 'Missing grades',
  domains: 'Restart at lithology boundaries',
  step: 'Station step',
};

function cell(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}=${typeof v === 'number' ? plainNumber(v) : String(v)}`)
      .join(', ');
  }
  return String(value);
}

/** Every parameter of the run (nested ones flattened), then the run's record. */
export function parameterRows(run: StoredRun): [string, string | number][] {
  const rows: [string, string | number][] = [];
  for (const [key, value] of Object.entries(run.params as Record<string, unknown>)) {
    const nested = value !== null && typeof value === 'object' && !Array.isArray(value) && key !== 'caps';
    if (nested) {
      for (const [inner, v] of Object.entries(value as Record<string, unknown>)) {
        rows.push([LABELS[`${key}.${inner}`] ?? `${key}.${inner}`, cell(v)]);
      }
    } else if (value === null && (key === 'including' || key === 'plane' || key === 'holes')) {
      rows.push([LABELS[key] ?? key, key === 'holes' ? 'every hole' : 'none']);
    } else rows.push([LABELS[key] ?? key, cell(value)]);
  }
  rows.push(
    ['Run', run.id],
    ['Kind', run.kind],
    ['Preset', run.preset ?? ''],
    ['Started', run.startedAt],
    ['Finished', run.finishedAt],
    ['By', run.osUser],
    ['From', run.source],
    ['Engine', run.engine],
    ['Holes read', run.holesRead],
    ['Samples read', run.samplesRead],
    ['Result rows', run.resultRows],
    ['Data hash (SHA-256)', run.dataHash],
    ['Results hash (SHA-256)', run.resultsHash],
    [
      'Holes left out',
      run.excluded.length === 0 ? 'none' : run.excluded.map((h) => `${h.holeId} (${h.reason})`).join('; '),
    ],
  );
  return rows;
}
