// `drillbench composite`: fixed-length downhole composites over a project, saved as a run and written as
// CSV or XLSX.
import {
  choiceOption,
  numberOption,
  requirePositional,
  stringOption,
  UsageError,
  type CliCommand,
  EXIT,
} from '../cli-command';
import {
  checkOutput,
  describeRun,
  given,
  listOption,
  runFromCli,
  withProject,
  writeRunOutput,
} from './compositing-cli';

export const compositeCommand: CliCommand = {
  name: 'composite',
  summary: 'Fixed-length downhole composites for resource work',
  help: `Usage: drillbench composite <project> --length C [--anchor collar|first-sample]
         [--residual drop-short|keep|merge] [--missing exclude|zero] [--analytes A,B]
         [--bdl half|dl|zero|missing] [--weight length|density] [--default-density RHO]
         [--domains] [--preset NAME] [--holes ID,ID] --out F

Cuts each hole into lengths C from the anchor, splits samples at the cuts and averages each piece per
analyte. Holes with validation errors in what the run reads (samples, the analytes composited, lithology
with --domains) are left out and named; the run is saved (see drillbench runs).
--out F writes F.csv or F.xlsx, or CSV to standard output with --out -; the columns are hole_id, from,
to, length, sampled_length, one per analyte, then <analyte>_length (the length with a result) per
analyte, at full precision (and domain with --domains).
  --length     composite length C in the project's length unit
  --anchor     cut from the collar (depth 0, default) or from the first sample
  --residual   the last piece when shorter than C: drop-short (dropped under C/2, default), keep, or
               merge into the piece above (ending at the last sample or the end of hole); with
               drop-short and --missing exclude, a value resting on under C/2 of results is left blank
               and a piece with no value left is not written
  --missing    a sample without a result for an analyte: exclude it from that analyte's length
               (default) or count it, and a gap between samples, at zero grade
  --analytes   analytes to composite (default: every analyte of the project)
  --bdl        below-detection results count as half the limit (default), the limit, zero, or missing
  --weight     length (default) or density (length x dry bulk density)
  --domains    restart composites at every lithology boundary
  --preset     start from a saved composites preset; other options override it
  --holes      only these holes
  --out        .csv, .xlsx, or - for CSV on standard output`,
  options: {
    length: { type: 'string' },
    anchor: { type: 'string' },
    residual: { type: 'string' },
    missing: { type: 'string' },
    analytes: { type: 'string' },
    bdl: { type: 'string' },
    weight: { type: 'string' },
    'default-density': { type: 'string' },
    domains: { type: 'boolean' },
    preset: { type: 'string' },
    holes: { type: 'string' },
    out: { type: 'string' },
  },
  run(positionals, values, io) {
    const path = requirePositional(positionals, 0, 'project', 'composite');
    const out = stringOption(values, 'out');
    if (out === undefined) throw new UsageError('Give --out F.csv, F.xlsx or - (CSV on standard output).');
    checkOutput(out);
    const overrides = given({
      length: numberOption(values, 'length'),
      anchor: choiceOption(values, 'anchor', ['collar', 'first-sample'] as const),
      residual: choiceOption(values, 'residual', ['drop-short', 'keep', 'merge'] as const),
      missing: choiceOption(values, 'missing', ['exclude', 'zero'] as const),
      analytes: listOption(values, 'analytes'),
      bdl: choiceOption(values, 'bdl', ['half', 'dl', 'zero', 'missing'] as const),
      weighting: choiceOption(values, 'weight', ['length', 'density'] as const),
      defaultDensity: numberOption(values, 'default-density'),
      domains: values.domains === true ? true : undefined,
      holes: listOption(values, 'holes'),
    });
    return withProject(path, async (project) => {
      const run = runFromCli(project, 'composites', {
        preset: stringOption(values, 'preset'),
        params: overrides,
      });
      await writeRunOutput(project, run.id, out, 'results');
      const log = out === '-' ? io.err : io.out;
      log(describeRun(run));
      for (const hole of run.excluded) log(`  left out: ${hole.holeId}: ${hole.reason}`);
      if (out !== '-') log(`Wrote ${out}.`);
      return EXIT.ok;
    });
  },
};
