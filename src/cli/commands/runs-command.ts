// `drillbench runs`: the saved intercept, composite and desurvey runs of a project: list them, show one,
// re-run one to check its data is unchanged, print or export its report or results, delete one.
import type { RunKind } from '../../domain/compositing/run-results';
import { listRuns } from '../../storage/runs-store';
import { parameterRows } from '../../services/compositing/intercept-report';
import { deleteRunAudited, loadRun } from '../../services/compositing/run-reading';
import { toRunInfo } from '../../services/compositing/run-support';
import { verifyRun } from '../../services/compositing/run-verify';
import { osUserName } from '../../services/system/app-paths';
import {
  choiceOption,
  formatTable,
  numberOption,
  requirePositional,
  stringOption,
  UsageError,
  type CliCommand,
  EXIT,
} from '../cli-command';
import { printReport, reportOf, withProject, writeReportFigures, writeRunOutput } from './compositing-cli';

const ACTIONS = ['list', 'show', 'verify', 'report', 'export', 'delete'] as const;

function runNumber(positionals: string[]): number {
  const text = requirePositional(positionals, 2, 'run number', 'runs <action> <project>');
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1)
    throw new UsageError(`The run number is a whole number from 1, not "${text}".`);
  return id;
}

export const runsCommand: CliCommand = {
  name: 'runs',
  summary: 'List, show, verify, report, export or delete saved compositing runs',
  help: `Usage: drillbench runs list <project> [--kind intercepts|composites|desurvey] [--limit N] [--json]
       drillbench runs show <project> <run> [--json]
       drillbench runs verify <project> <run>
       drillbench runs report <project> <run> [--out F] [--figures DIR [--section NAME]]
       drillbench runs export <project> <run> --out F [--report]
       drillbench runs delete <project> <run>

Every intercepts, composite and desurvey run is saved with its parameters, the SHA-256 hash of the data
it read, when and by whom it ran, the holes left out and its results.
  verify   re-runs it with its own parameters (saving nothing) and says whether the data it read is
           unchanged and which holes changed if not; exit status 1 when the data changed
  report   prints the news-release report of an intercept run, or writes it (.csv/.xlsx) with --out;
           --figures DIR writes the plan (and the section along the saved line --section NAME) as
           run-<run>-plan.svg/.png in DIR, and puts them on a Figures sheet of an --out workbook
  export   writes the full-precision results (.csv/.xlsx, - for standard output); --report writes the
           formatted report instead`,
  options: {
    kind: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    report: { type: 'boolean' },
    figures: { type: 'string' },
    section: { type: 'string' },
  },
  run(positionals, values, io) {
    const action = positionals[0];
    if (!action || !(ACTIONS as readonly string[]).includes(action)) {
      throw new UsageError(`Say what to do: drillbench runs ${ACTIONS.join('|')} <project> ... See --help.`);
    }
    const path = requirePositional(positionals, 1, 'project', `runs ${action}`);
    return withProject(path, async (project) => {
      const { db } = project;
      switch (action) {
        case 'list': {
          const kind = choiceOption(values, 'kind', ['intercepts', 'composites', 'desurvey'] as const) as
            RunKind | undefined;
          const { rows, total } = listRuns(db, { kind, limit: numberOption(values, 'limit') ?? 50 });
          const runs = rows.map(toRunInfo);
          if (values.json === true) io.out(JSON.stringify({ total, runs }, null, 2));
          else if (runs.length === 0) io.out(`No runs saved in ${path} yet.`);
          else {
            io.out(
              formatTable(
                ['Run', 'Kind', 'Preset', 'Finished', 'By', 'Rows', 'Holes', 'Left out', 'Data hash'],
                runs.map((r) => [
                  String(r.id),
                  r.kind,
                  r.preset ?? '',
                  r.finishedAt,
                  r.osUser,
                  String(r.resultRows),
                  String(r.holesRead),
                  String(r.excluded.length),
                  r.dataHash.slice(0, 16),
                ]),
              ),
            );
            if (total > runs.length)
              io.out(`... ${total - runs.length} older runs not shown (raise --limit).`);
          }
          return EXIT.ok;
        }
        case 'show': {
          const run = loadRun(db, runNumber(positionals));
          if (values.json === true) io.out(JSON.stringify(toRunInfo(run), null, 2));
          else {
            io.out(
              formatTable(
                ['Parameter', 'Value'],
                parameterRows(run).map(([k, v]) => [k, String(v)]),
              ),
            );
            for (const note of run.notes) io.out(`note: ${note}`);
          }
          return EXIT.ok;
        }
        case 'verify': {
          const result = verifyRun(project, runNumber(positionals), { osUser: osUserName(), source: 'cli' });
          io.out(result.message);
          io.out(`data hash then ${result.dataHashThen}`);
          io.out(`data hash now  ${result.dataHashNow}`);
          return result.dataUnchanged ? EXIT.ok : EXIT.problems;
        }
        case 'report': {
          const id = runNumber(positionals);
          const out = stringOption(values, 'out');
          const directory = stringOption(values, 'figures');
          const sectionName = stringOption(values, 'section');
          if (sectionName !== undefined && directory === undefined)
            throw new UsageError('--section names the section of the figures: give --figures DIR as well.');
          const request = { plan: true, section: null, sectionName };
          if (out === undefined) {
            if (directory === undefined) printReport(reportOf(project, id), io);
            else
              for (const file of await writeReportFigures(project, id, request, directory))
                io.out(`Wrote ${file}.`);
          } else {
            const written = await writeRunOutput(
              project,
              id,
              out,
              'report',
              directory === undefined ? undefined : { request, directory },
            );
            if (out !== '-') io.out(`Wrote ${out}.`);
            for (const file of written.figures) io.out(`Wrote ${file}.`);
          }
          return EXIT.ok;
        }
        case 'export': {
          const id = runNumber(positionals);
          const out = stringOption(values, 'out');
          if (out === undefined)
            throw new UsageError('Give --out F.csv, F.xlsx or - (CSV on standard output).');
          const { rows } = await writeRunOutput(
            project,
            id,
            out,
            values.report === true ? 'report' : 'results',
          );
          if (out !== '-') io.out(`Wrote ${rows} rows to ${out}.`);
          return EXIT.ok;
        }
        default: {
          const id = runNumber(positionals);
          deleteRunAudited(db, id, { osUser: osUserName(), source: 'cli' });
          io.out(`Deleted run ${id}.`);
          return EXIT.ok;
        }
      }
    });
  },
};
