// `drillbench intercepts`: significant intercepts over a project, saved as a run, written as full-precision
// CSV/XLSX or shown as the news-release report.
import { ANALYTE_UNITS } from '../../domain/model';
import { findPreset } from '../../storage/presets-store';
import {
  choiceOption,
  numberOption,
  requirePositional,
  stringOption,
  type CliCommand,
  EXIT,
} from '../cli-command';
import {
  capsOption,
  checkOutput,
  describeRun,
  given,
  listOption,
  planeOption,
  printReport,
  reportOf,
  runFromCli,
  withProject,
  writeRunOutput,
} from './compositing-cli';

export const interceptsCommand: CliCommand = {
  name: 'intercepts',
  summary: 'Significant intercepts (grade-interval composites) with true thickness and the report',
  help: `Usage: drillbench intercepts <project> --grade EXPR [--grade-unit UNIT] --cutoff X --min-length L
         --max-dilution D [--min-grade G] [--min-gt GT] [--including-cutoff X2 [--including-min-length L2]
         [--including-max-dilution D2]] [--weight length|density] [--default-density RHO]
         [--bdl half|dl|zero|missing] [--unsampled zero|break] [--cap ANALYTE=VALUE ...]
         [--plane DIP/DIPDIR] [--analytes A,B] [--preset NAME] [--holes ID,ID] [--out F] [--report]

Finds significant intercepts hole by hole (rules in docs/compositing.md) and saves the run with its
parameters and a hash of the data read (see drillbench runs). Holes with validation errors in what the
run reads (samples, the analytes used; surveys and collar with --plane) are left out and named. --out F
writes F.csv or F.xlsx, or CSV to standard output with --out -; the columns are hole_id, kind, from, to,
length, true_thickness, angle_to_plane (degrees between hole and plane), grade, then one per analyte, at
full precision. Without --out the news-release report is printed; a true thickness measured where the
hole runs within 15 degrees of the plane is marked * there as unreliable.
  --grade             grade expression over analyte codes: Zn, Zn + Pb, Cu + 0.62 * Au
  --grade-unit        unit of the grade, cutoff and minimum grade: %, ppm, ppb, g/t or oz/t; each analyte
                      is converted into it before the expression is evaluated (1 % = 10,000 ppm,
                      ppm = g/t, 1,000 ppb = 1 ppm), so factors are for grades in this unit
                      (default: the unit the expression's analytes share; required when they differ)
  --cutoff            samples at or above this grade are ore (a grade equal to it up to floating-point
                      error, 1e-9 of the cutoff, counts as at it)
  --min-length        shortest intercept reported (project length unit)
  --max-dilution      longest run of consecutive below-cutoff or unsampled core inside an intercept
  --min-grade         lowest weighted grade of an intercept, dilution included (default: the cutoff)
  --min-gt            lowest grade x length
  --including-cutoff  find higher-grade "including" intervals inside each intercept at this cutoff;
                      --including-min-length and --including-max-dilution default to the main ones
  --weight            length (default) or density (length x dry bulk density)
  --default-density   density for samples without one when weighting by density
  --bdl               below-detection results count as half the limit (default), the limit, zero, or missing
  --unsampled         unsampled core inside an intercept counts at zero grade (default) or ends it
  --cap               top-cut before averaging, e.g. --cap Zn=30 (repeatable; adds to a preset's caps)
  --plane             estimate true thickness on a plane dipping DIP toward DIPDIR, e.g. --plane 28.5/315
                      (--plane none: downhole lengths only)
  --analytes          analytes reported beside the grade (default: the expression's)
  --preset            start from a saved preset (e.g. lower-e-zone-2011); other options override it
  --holes             only these holes, e.g. --holes EUG-11-083,EUG-11-089
  --out               .csv, .xlsx, or - for CSV on standard output
  --report            write the formatted news-release report (rounded, "and"/"including" rows,
                      parameter statement) instead of the full-precision results`,
  options: {
    grade: { type: 'string' },
    'grade-unit': { type: 'string' },
    cutoff: { type: 'string' },
    'min-length': { type: 'string' },
    'max-dilution': { type: 'string' },
    'min-grade': { type: 'string' },
    'min-gt': { type: 'string' },
    'including-cutoff': { type: 'string' },
    'including-min-length': { type: 'string' },
    'including-max-dilution': { type: 'string' },
    weight: { type: 'string' },
    'default-density': { type: 'string' },
    bdl: { type: 'string' },
    unsampled: { type: 'string' },
    cap: { type: 'string', multiple: true },
    plane: { type: 'string' },
    analytes: { type: 'string' },
    preset: { type: 'string' },
    holes: { type: 'string' },
    out: { type: 'string' },
    report: { type: 'boolean' },
  },
  run(positionals, values, io) {
    const path = requirePositional(positionals, 0, 'project', 'intercepts');
    const presetName = stringOption(values, 'preset');
    const out = stringOption(values, 'out');
    // A wrong file name is refused before anything runs.
    if (out !== undefined) checkOutput(out);
    return withProject(path, async (project) => {
      const preset = presetName ? findPreset(project.db, 'intercepts', presetName) : undefined;
      const base = (preset?.params ?? {}) as Record<string, unknown>;
      const overrides = given({
        grade: stringOption(values, 'grade'),
        gradeUnit: choiceOption(values, 'grade-unit', ANALYTE_UNITS),
        cutoff: numberOption(values, 'cutoff'),
        minLength: numberOption(values, 'min-length'),
        maxDilution: numberOption(values, 'max-dilution'),
        minGrade: numberOption(values, 'min-grade'),
        minGradeLength: numberOption(values, 'min-gt'),
        weighting: choiceOption(values, 'weight', ['length', 'density'] as const),
        defaultDensity: numberOption(values, 'default-density'),
        bdl: choiceOption(values, 'bdl', ['half', 'dl', 'zero', 'missing'] as const),
        unsampled: choiceOption(values, 'unsampled', ['zero', 'break'] as const),
        plane: planeOption(values),
        analytes: listOption(values, 'analytes'),
        holes: listOption(values, 'holes'),
      });
      const caps = capsOption(values);
      if (caps) overrides.caps = { ...((base.caps as Record<string, number> | undefined) ?? {}), ...caps };
      const including = given({
        cutoff: numberOption(values, 'including-cutoff'),
        minLength: numberOption(values, 'including-min-length'),
        maxDilution: numberOption(values, 'including-max-dilution'),
      });
      if (Object.keys(including).length > 0) {
        const previous = (base.including as Record<string, unknown> | null | undefined) ?? {};
        const merged = { ...previous, ...including };
        // An including pass follows the main rules unless told otherwise.
        merged.minLength ??= overrides.minLength ?? base.minLength;
        merged.maxDilution ??= overrides.maxDilution ?? base.maxDilution;
        overrides.including = merged;
      }
      const run = runFromCli(project, 'intercepts', { preset: presetName, params: overrides });
      const log = out === '-' ? io.err : io.out;
      if (out === undefined) printReport(reportOf(project, run.id), io);
      else await writeRunOutput(project, run.id, out, values.report === true ? 'report' : 'results');
      log(describeRun(run));
      for (const hole of run.excluded) log(`  left out: ${hole.holeId}: ${hole.reason}`);
      for (const note of run.notes) log(`  note: ${note}`);
      if (out !== undefined && out !== '-') log(`Wrote ${out}.`);
      return EXIT.ok;
    });
  },
};
