// The validation rules every drill-hole database needs, as pure functions over one hole's rows. The CLI's
// `validate`, the grids' flags and the importers all call these, so a rule is written once.
import { doglegAngle, doglegSeverity } from '../desurvey/dogleg';

const RADIANS = Math.PI / 180;
import type { LengthUnit, LithologyRow, Problem, SampleRow, SurveyRow } from '../model';

export const RULES = {
  'interval-order': { severity: 'error', title: 'From is not less than To' },
  'interval-missing-depth': { severity: 'error', title: 'Interval without From or To' },
  'interval-overlap': { severity: 'error', title: 'Overlapping intervals' },
  'interval-gap': { severity: 'warning', title: 'Gap between intervals' },
  'past-end-of-hole': { severity: 'error', title: 'Depth past end of hole' },
  'survey-duplicate-depth': { severity: 'error', title: 'Two surveys at one depth' },
  'survey-dogleg': { severity: 'warning', title: 'Sharp bend between surveys' },
  'collar-missing': { severity: 'error', title: 'Hole without collar coordinates' },
  'collar-elevation-missing': { severity: 'error', title: 'Hole without collar elevation' },
  'collar-far-away': { severity: 'warning', title: 'Collar far from the other holes' },
  'collar-in-degrees': { severity: 'warning', title: 'Collar coordinates look like degrees' },
  'duplicate-sample-id': { severity: 'error', title: 'Sample ID used twice' },
  'duplicate-parent-missing': { severity: 'warning', title: 'Duplicate of an unknown sample' },
  'assay-unreadable': { severity: 'error', title: 'Result text not a number or known code' },
  'assay-implausible-limit': { severity: 'error', title: 'Detection limit over 100 % (1,000,000 ppm)' },
  'assay-over-100-percent': { severity: 'error', title: 'Percent value over 100' },
  'assay-percent-sum': { severity: 'error', title: 'Percent analytes sum over 100' },
  // QA/QC (src/domain/qaqc): judged over the whole project, stored on every sample of the failing batch.
  'qaqc-standard-failure': { severity: 'warning', title: 'Standard failed in the batch' },
  'qaqc-blank-failure': { severity: 'warning', title: 'Blank failed in the batch' },
} as const;

export type RuleId = keyof typeof RULES;

export interface ValidationSettings {
  lengthUnit: LengthUnit;
  /** Dogleg severity, in degrees per 30 m (per 100 ft in a feet project), above which a bend is warned. */
  doglegLimit: number;
  /**
   * Bends smaller than this many degrees are reading noise, whatever their severity: two close gyro
   * stations half a degree apart say nothing about the hole.
   */
  doglegMinAngle: number;
  /** Gaps and overlaps smaller than this (in the project's unit) are rounding noise, not problems. */
  depthTolerance: number;
  /** Which gaps between samples are warned (project setting); 'inside-runs' when absent. */
  sampleGaps?: GapMode;
  /** In 'inside-runs' mode, a gap longer than this ends a sampled run; defaultRunBreak() when absent. */
  sampleRunBreak?: number;
}

/**
 * How gaps between samples are warned. Only the mineralised part of a hole is usually sampled, so a gap
 * between two stretches of sampling is normal; a gap inside one is a missing sample or lost core.
 * - `off`: no gap warnings for samples;
 * - `inside-runs`: a *sampled run* is a hole's regular samples in depth order, split wherever the next
 *   sample starts more than the run break below the deepest To so far; only gaps inside a run (longer
 *   than the depth tolerance, at most the run break) are warned;
 * - `all`: every gap between two samples of a hole.
 * Nothing is warned above a hole's first sample or below its last. Lithology is logged over the whole
 * hole, so every gap between lithology intervals is warned whatever the setting.
 */
export const GAP_MODES = ['off', 'inside-runs', 'all'] as const;
export type GapMode = (typeof GAP_MODES)[number];

export const GAP_MODE_TITLES: Record<GapMode, string> = {
  off: 'Off',
  'inside-runs': 'Only inside a sampled run',
  all: 'Every gap between samples',
};

/** A gap longer than this separates two sampled runs: 5 m (15 ft), about a core box, or a few samples. */
export function defaultRunBreak(unit: LengthUnit): number {
  return unit === 'm' ? 5 : 15;
}

export const DEFAULT_VALIDATION: Omit<ValidationSettings, 'lengthUnit'> = {
  doglegLimit: 6,
  doglegMinAngle: 1,
  depthTolerance: 0.001,
};

export interface HoleUnderTest {
  id: number;
  hole_id: string;
  eoh: number | null;
  easting: number | null;
  northing: number | null;
  elevation: number | null;
}

/** The columns the rules read; callers may pass fuller rows. */
export type SampleUnderTest = Pick<SampleRow, 'id' | 'depth_from' | 'depth_to' | 'sample_id' | 'sample_type'>;
export type LithologyUnderTest = Pick<LithologyRow, 'id' | 'depth_from' | 'depth_to' | 'code'>;
export type SurveyUnderTest = Pick<SurveyRow, 'id' | 'depth' | 'azimuth' | 'dip'>;

export interface HoleBundle {
  hole: HoleUnderTest;
  surveys: readonly SurveyUnderTest[];
  samples: readonly SampleUnderTest[];
  lithology: readonly LithologyUnderTest[];
}

/** Only regular samples are intervals of the hole; duplicates repeat one, blanks and standards have none. */
export function isIntervalSample(sampleType: SampleRow['sample_type']): boolean {
  return sampleType === 'regular';
}

/** How a message names a sample: by its ID, or as one without (its hole and depths follow in the name). */
export function sampleLabel(sampleId: string | null): string {
  return sampleId ? `sample ${sampleId}` : 'sample with no ID';
}

export function formatDepth(value: number, unit: LengthUnit): string {
  return `${Number(value.toFixed(3))} ${unit}`;
}

/** A depth as logs print it: at least one decimal (120.0), at most three (142.51). */
function depthFigure(value: number): string {
  const rounded = Number(value.toFixed(3));
  return Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded);
}

/**
 * The row a message is about, findable without the grid: "sample UW0013 (EUG-11-109 120.0-121.5 m)".
 * Every interval message names its row this way, so a list of problems reads on its own.
 */
export function intervalName(
  label: string,
  holeId: string,
  from: number | null,
  to: number | null,
  unit: LengthUnit,
): string {
  const depths =
    from !== null && to !== null
      ? `${depthFigure(from)}-${depthFigure(to)} ${unit}`
      : from !== null
        ? `from ${depthFigure(from)} ${unit}`
        : to !== null
          ? `to ${depthFigure(to)} ${unit}`
          : 'no depths';
  return `${label} (${holeId} ${depths})`;
}

/** The text with its first letter capitalised, for a name that starts a sentence. */
export function sentenceStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function problem(
  rule: RuleId,
  table: Problem['table'],
  holeId: string,
  rowId: number | null,
  column: string | null,
  message: string,
): Problem {
  return { rule, severity: RULES[rule].severity, table, hole_id: holeId, row_id: rowId, column, message };
}

export interface Interval {
  id: number;
  depth_from: number | null;
  depth_to: number | null;
  /** What the row is, in lower case ("sample UW0013", "lithology GRN"); messages add hole and depths. */
  label: string;
}

/** Checks one table's intervals in one hole: order, overlap, gaps and end of hole. */
export function checkIntervals(
  table: 'samples' | 'lithology',
  hole: HoleUnderTest,
  intervals: readonly Interval[],
  settings: ValidationSettings,
): Problem[] {
  const found: Problem[] = [];
  const unit = settings.lengthUnit;
  const name = (row: { label: string; from: number | null; to: number | null }) =>
    intervalName(row.label, hole.hole_id, row.from, row.to, unit);
  const complete: { id: number; from: number; to: number; label: string }[] = [];
  for (const row of intervals) {
    // Named only for a message: most rows have none, and formatting depths is the costly part.
    const named = () => name({ label: row.label, from: row.depth_from, to: row.depth_to });
    if (row.depth_from === null || row.depth_to === null) {
      const column = row.depth_from === null ? 'depth_from' : 'depth_to';
      found.push(
        problem(
          'interval-missing-depth',
          table,
          hole.hole_id,
          row.id,
          column,
          `${sentenceStart(named())} has no ${column === 'depth_from' ? 'From' : 'To'} depth; enter it or delete the row.`,
        ),
      );
      continue;
    }
    const reversed = row.depth_from >= row.depth_to;
    if (reversed) {
      found.push(
        problem(
          'interval-order',
          table,
          hole.hole_id,
          row.id,
          'depth_to',
          `${sentenceStart(named())}: From ${formatDepth(row.depth_from, unit)} is not less than To ${formatDepth(row.depth_to, unit)}.`,
        ),
      );
    }
    if (hole.eoh !== null && row.depth_to > hole.eoh + settings.depthTolerance) {
      found.push(
        problem(
          'past-end-of-hole',
          table,
          hole.hole_id,
          row.id,
          'depth_to',
          `${sentenceStart(named())}: To ${formatDepth(row.depth_to, unit)} is past the end of hole at ${formatDepth(hole.eoh, unit)}; correct the depth or the hole's end of hole.`,
        ),
      );
    }
    // A reversed interval has no clear extent, so it is left out of the overlap and gap checks.
    if (!reversed) complete.push({ id: row.id, from: row.depth_from, to: row.depth_to, label: row.label });
  }
  complete.sort((a, b) => a.from - b.from || a.to - b.to || a.id - b.id);
  const gaps = table === 'samples' ? (settings.sampleGaps ?? 'inside-runs') : 'all';
  const runBreak = settings.sampleRunBreak ?? defaultRunBreak(unit);
  // Compare each interval with the deepest end seen so far, so an interval nested in an earlier long one
  // is caught too.
  let reach: (typeof complete)[number] | undefined;
  for (const current of complete) {
    if (reach) {
      if (current.from < reach.to - settings.depthTolerance) {
        const overlap = Math.min(reach.to, current.to) - current.from;
        found.push(
          problem(
            'interval-overlap',
            table,
            hole.hole_id,
            current.id,
            'depth_from',
            `${sentenceStart(name(current))} overlaps ${name(reach)} by ${formatDepth(overlap, unit)}.`,
          ),
        );
      } else if (current.from > reach.to + settings.depthTolerance) {
        const length = current.from - reach.to;
        // A gap longer than the run break is where one sampled run ends and the next begins.
        const warned = gaps === 'all' || (gaps === 'inside-runs' && length <= runBreak + 1e-9);
        if (warned) {
          found.push(
            problem(
              'interval-gap',
              table,
              hole.hole_id,
              current.id,
              'depth_from',
              `Gap of ${formatDepth(length, unit)} before ${name(current)}: nothing ${table === 'samples' ? 'sampled' : 'logged'} from ${formatDepth(reach.to, unit)} to ${formatDepth(current.from, unit)}.`,
            ),
          );
        }
      }
    }
    if (!reach || current.to > reach.to) reach = current;
  }
  return found;
}

/** Checks one hole's surveys: unique depths, inside the hole, and no sharp bends. */
export function checkSurveys(
  hole: HoleUnderTest,
  surveys: readonly SurveyUnderTest[],
  settings: ValidationSettings,
): Problem[] {
  const found: Problem[] = [];
  const unit = settings.lengthUnit;
  const sorted = [...surveys].sort((a, b) => a.depth - b.depth || a.id - b.id);
  const perLength = unit === 'm' ? 30 : 100;
  for (let i = 0; i < sorted.length; i++) {
    const station = sorted[i]!;
    if (hole.eoh !== null && station.depth > hole.eoh + settings.depthTolerance) {
      found.push(
        problem(
          'past-end-of-hole',
          'surveys',
          hole.hole_id,
          station.id,
          'depth',
          `Survey at ${formatDepth(station.depth, unit)} is past the end of hole at ${formatDepth(hole.eoh, unit)}.`,
        ),
      );
    }
    const previous = i > 0 ? sorted[i - 1] : undefined;
    if (!previous) continue;
    const length = station.depth - previous.depth;
    if (length <= settings.depthTolerance) {
      found.push(
        problem(
          'survey-duplicate-depth',
          'surveys',
          hole.hole_id,
          station.id,
          'depth',
          `Two surveys at ${formatDepth(station.depth, unit)}; keep one.`,
        ),
      );
      continue;
    }
    // Directions here are compared as stored: a flip of the dip sign flips both, which keeps the angle.
    const angle = doglegAngle(previous.azimuth, previous.dip, station.azimuth, station.dip);
    const degrees = angle / RADIANS;
    // The true severity over the stations' own distance; the noise of close stations is kept out by the
    // minimum angle, not by stretching the distance (which hid a 2.5 deg kink in 3 m).
    const severity = doglegSeverity(angle, length, perLength);
    // Floating point: 1 deg between stations may come back as 0.9999999 deg, 3 deg in 50 ft as a severity
    // of 6.000000001 per 100 ft; neither is meant to tip the decision.
    if (degrees >= settings.doglegMinAngle - 1e-6 && severity > settings.doglegLimit + 1e-9) {
      found.push(
        problem(
          'survey-dogleg',
          'surveys',
          hole.hole_id,
          station.id,
          'azimuth',
          `Bend of ${severity.toFixed(1)} deg per ${perLength} ${unit} (${Number(degrees.toFixed(2))} deg in ${formatDepth(length, unit)}) between ${formatDepth(previous.depth, unit)} and ${formatDepth(station.depth, unit)} (limit ${settings.doglegLimit} deg per ${perLength} ${unit}); check the azimuth and dip readings.`,
        ),
      );
    }
  }
  return found;
}

/**
 * The collar rules: a hole needs easting and northing before it can be placed, and an elevation before it
 * can be desurveyed in 3-D. Both are errors of the holes table, so only calculations that place holes
 * (desurvey, plans and sections) leave such a hole out; intercepts and composites do not read them.
 */
export function checkCollar(hole: HoleUnderTest): Problem[] {
  if (hole.easting === null || hole.northing === null) {
    return [
      problem(
        'collar-missing',
        'holes',
        hole.hole_id,
        hole.id,
        'easting',
        `Hole ${hole.hole_id} has no collar coordinates; enter its easting and northing${hole.elevation === null ? ' and elevation' : ''}.`,
      ),
    ];
  }
  if (hole.elevation === null) {
    return [
      problem(
        'collar-elevation-missing',
        'holes',
        hole.hole_id,
        hole.id,
        'elevation',
        `Hole ${hole.hole_id} has no collar elevation; enter it (RL, Z): desurvey and anything that places the hole in 3-D need it. Intercepts and composites still read the hole.`,
      ),
    ];
  }
  return [];
}

export function sampleIntervals(samples: readonly SampleUnderTest[]): Interval[] {
  return samples
    .filter((sample) => isIntervalSample(sample.sample_type))
    .map((sample) => ({
      id: sample.id,
      depth_from: sample.depth_from,
      depth_to: sample.depth_to,
      label: sampleLabel(sample.sample_id),
    }));
}

export function lithologyIntervals(rows: readonly LithologyUnderTest[]): Interval[] {
  return rows.map((row) => ({
    id: row.id,
    depth_from: row.depth_from,
    depth_to: row.depth_to,
    label: lithologyLabel(row.code),
  }));
}

export function lithologyLabel(code: string): string {
  return `lithology ${code}`;
}

/** Every rule that can be judged from one hole's own rows. */
export function validateHole(bundle: HoleBundle, settings: ValidationSettings): Problem[] {
  const { hole } = bundle;
  return [
    ...checkCollar(hole),
    ...checkSurveys(hole, bundle.surveys, settings),
    ...checkIntervals('samples', hole, sampleIntervals(bundle.samples), settings),
    ...checkIntervals('lithology', hole, lithologyIntervals(bundle.lithology), settings),
  ];
}

/** Sample IDs used more than once across the project. `rows` holds every (sample id, hole, row id). */
export function checkDuplicateSampleIds(
  rows: readonly { sample_id: string; hole_id: string; row_id: number }[],
): Problem[] {
  const byId = new Map<string, { hole_id: string; row_id: number }[]>();
  for (const row of rows) {
    const list = byId.get(row.sample_id);
    if (list) list.push(row);
    else byId.set(row.sample_id, [row]);
  }
  const found: Problem[] = [];
  for (const [sampleId, uses] of byId) {
    if (uses.length < 2) continue;
    const where = uses.map((use) => use.hole_id).join(', ');
    for (const use of uses) {
      found.push(
        problem(
          'duplicate-sample-id',
          'samples',
          use.hole_id,
          use.row_id,
          'sample_id',
          `Sample ID ${sampleId} is used ${uses.length} times (holes ${where}); sample IDs must be unique in the project.`,
        ),
      );
    }
  }
  return found;
}

/** Field duplicates whose parent sample ID is not in the project. */
export function checkDuplicateParents(
  rows: readonly { row_id: number; hole_id: string; sample_id: string | null; parent: string }[],
): Problem[] {
  return rows.map((row) =>
    problem(
      'duplicate-parent-missing',
      'samples',
      row.hole_id,
      row.row_id,
      'parent_sample_id',
      `Duplicate ${row.sample_id ?? 'with no sample ID'} (hole ${row.hole_id}) repeats sample ${row.parent}, which is not in the project; correct the parent sample ID.`,
    ),
  );
}
