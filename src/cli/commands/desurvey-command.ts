// `drillbench desurvey`: minimum-curvature positions along every hole, saved as a run and written as CSV
// or XLSX.
import {
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

export const desurveyCommand: CliCommand = {
  name: 'desurvey',
  summary: 'Positions along every hole by minimum curvature',
  help: `Usage: drillbench desurvey <project> [--step S] [--holes ID,ID] --out F

Desurveys each hole from its collar and surveys by minimum curvature (straight above the first survey
and below the last; a hole without surveys follows its collar azimuth and dip). Writes a row at the
collar, at every survey station and at the end of the hole (the recorded end, else the deepest of its
intervals and surveys), and every S along the hole when --step is given. Columns: hole_id, depth, x, y, z
(elevation), in the project's length unit. Holes with validation errors in their collar or surveys are
left out and named.
  --step    also a row every S down the hole
  --holes   only these holes
  --out     .csv, .xlsx, or - for CSV on standard output`,
  options: { step: { type: 'string' }, holes: { type: 'string' }, out: { type: 'string' } },
  run(positionals, values, io) {
    const path = requirePositional(positionals, 0, 'project', 'desurvey');
    const out = stringOption(values, 'out');
    if (out === undefined) throw new UsageError('Give --out F.csv, F.xlsx or - (CSV on standard output).');
    checkOutput(out);
    const params = given({ step: numberOption(values, 'step'), holes: listOption(values, 'holes') });
    return withProject(path, async (project) => {
      const run = runFromCli(project, 'desurvey', { params });
      await writeRunOutput(project, run.id, out, 'results');
      const log = out === '-' ? io.err : io.out;
      log(describeRun(run));
      for (const hole of run.excluded) log(`  left out: ${hole.holeId}: ${hole.reason}`);
      if (out !== '-') log(`Wrote ${out}.`);
      return EXIT.ok;
    });
  },
};
