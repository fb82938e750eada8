// Validation during an import, so a million-row file is checked without reading it back. For each hole
// and each part of it (collar, surveys, samples with their assays, lithology) that this import writes
// from nothing, the rows are checked as they stream past with the same domain rules `drillbench
// validate` uses. A part that already had rows, or whose rows are scattered through a file, is
// re-validated from the database afterwards instead.
import type { Problem } from '../../domain/model';
import {
  checkCollar,
  checkIntervals,
  checkSurveys,
  type HoleUnderTest,
  type Interval,
  type SurveyUnderTest,
  type ValidationSettings,
} from '../../domain/validation/rules';
import { checkSampleAssays, type ResultUnderTest } from '../../domain/validation/assay-checks';
import { holeHasRows, holeUnderTest } from '../../storage/hole-bundles';
import { replaceHoleProblems } from '../../storage/problems-store';
import type { Database } from '../../storage/project-db';
import { refreshQaqcWarnings } from '../qaqc/qaqc-upkeep';
import { KEPT_RULES, validateHoles, validateProjectRules } from '../validation/validate-project';

type Part = 'holes' | 'surveys' | 'samples' | 'lithology';
type Found = Problem & { hole: number };

/** Which stored problem tables a part's checks own. */
const PROBLEM_TABLES: Record<Part, readonly string[]> = {
  holes: ['holes'],
  surveys: ['surveys'],
  samples: ['samples', 'assays'],
  lithology: ['lithology'],
};

class IntervalStream {
  private hole: number | null = null;
  private rows: Interval[] = [];
  private readonly finished = new Set<number>();

  constructor(
    private readonly part: 'samples' | 'lithology',
    private readonly owner: ImportValidation,
  ) {}

  add(hole: number, interval: Interval): void {
    if (hole !== this.hole) {
      this.finish();
      this.hole = hole;
      this.owner.touch(hole, this.part);
      // Rows of one hole split across the file: the stream cannot see them together.
      if (this.finished.has(hole)) this.owner.readBack(hole);
    }
    this.rows.push(interval);
  }

  finish(): void {
    if (this.hole === null) return;
    const hole = this.hole;
    this.finished.add(hole);
    const info = this.owner.streamable(hole, this.part);
    if (info) this.owner.record(hole, checkIntervals(this.part, info, this.rows, this.owner.settings));
    this.hole = null;
    this.rows = [];
  }
}

interface HoleState {
  info: HoleUnderTest;
  /** Parts written by this import, each true while it can still be judged from the stream. */
  parts: Map<Part, boolean>;
}

export class ImportValidation {
  private readonly holes = new Map<number, HoleState>();
  private readonly needsReadBack = new Set<number>();
  private readonly surveys = new Map<number, SurveyUnderTest[]>();
  private readonly found: Found[] = [];
  private readonly db: Database;
  readonly samples = new IntervalStream('samples', this);
  readonly lithology = new IntervalStream('lithology', this);

  constructor(
    db: Database,
    readonly settings: ValidationSettings,
  ) {
    this.db = db;
  }

  /** A hole this import creates (collar row, or intervals without one). Call before writing its rows. */
  holeCreated(hole: HoleUnderTest): void {
    this.holes.set(hole.id, { info: hole, parts: new Map([['holes', true]]) });
  }

  /** Notes that this import writes rows of `part` for a hole; the first time, asks whether it had any. */
  touch(hole: number, part: 'surveys' | 'samples' | 'lithology'): void {
    let state = this.holes.get(hole);
    if (!state) {
      const info = holeUnderTest(this.db, hole);
      if (!info) throw new Error(`Import validation: hole row ${hole} is not in the project.`);
      state = { info, parts: new Map() };
      this.holes.set(hole, state);
    }
    if (state.parts.has(part)) return;
    const created = state.parts.has('holes');
    state.parts.set(part, created || !holeHasRows(this.db, part, hole));
  }

  readBack(hole: number): void {
    this.needsReadBack.add(hole);
  }

  /** The hole, when this part of it can be judged from the stream. */
  streamable(hole: number, part: Part): HoleUnderTest | undefined {
    if (this.needsReadBack.has(hole)) return undefined;
    const state = this.holes.get(hole);
    return state?.parts.get(part) ? state.info : undefined;
  }

  record(hole: number, problems: readonly Problem[]): void {
    for (const problem of problems) this.found.push({ ...problem, hole });
  }

  survey(hole: number, survey: SurveyUnderTest): void {
    this.touch(hole, 'surveys');
    const list = this.surveys.get(hole);
    if (list) list.push(survey);
    else this.surveys.set(hole, [survey]);
  }

  sampleAssays(
    hole: number,
    holeId: string,
    sampleRowId: number,
    label: string | (() => string),
    results: readonly ResultUnderTest[],
  ): void {
    if (this.streamable(hole, 'samples'))
      this.record(hole, checkSampleAssays(holeId, sampleRowId, label, results));
  }

  /** Stores the problems of everything written. Call after all rows are written and flushed. */
  finish(): void {
    this.samples.finish();
    this.lithology.finish();
    for (const [hole, state] of this.holes) {
      if (state.parts.get('surveys') === false) this.needsReadBack.add(hole);
      if (state.parts.get('samples') === false || state.parts.get('lithology') === false)
        this.needsReadBack.add(hole);
      if (this.needsReadBack.has(hole)) continue;
      if (state.parts.has('holes')) this.record(hole, checkCollar(state.info));
      if (state.parts.has('surveys'))
        this.record(hole, checkSurveys(state.info, this.surveys.get(hole) ?? [], this.settings));
    }
    const byPart = new Map<string, number[]>();
    for (const [hole, state] of this.holes) {
      if (this.needsReadBack.has(hole)) continue;
      const tables = [...state.parts.keys()].flatMap((part) => PROBLEM_TABLES[part]);
      const key = tables.join(',');
      const list = byPart.get(key);
      if (list) list.push(hole);
      else byPart.set(key, [hole]);
    }
    for (const [key, holes] of byPart) {
      const keep = new Set(holes);
      const problems = this.found.filter((problem) => keep.has(problem.hole));
      replaceHoleProblems(this.db, holes, problems, { tables: key.split(','), keepRules: KEPT_RULES });
    }
    if (this.needsReadBack.size > 0) validateHoles(this.db, this.settings, [...this.needsReadBack]);
    validateProjectRules(this.db);
    refreshQaqcWarnings(this.db);
  }
}
