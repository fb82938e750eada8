// `drillbench method-priority`: show or set which assay method's result is preferred per analyte.
import { PREFERRED_RULE } from '../../domain/certificates/preferred-result';
import { listAnalyteMethods, setMethodPriority } from '../../services/assays/method-priority';
import { osUserName } from '../../services/system/app-paths';
import { closeProject, openProject } from '../../storage/project-db';
import { formatTable, requirePositional, type CliCommand, EXIT } from '../cli-command';

export const methodPriorityCommand: CliCommand = {
  name: 'method-priority',
  summary: 'Show or set the assay method priority that picks preferred results',
  help: `Usage: drillbench method-priority <project> [ANALYTE METHOD ...]

Without an analyte, lists each analyte's methods (results and preferred counts) and its priority. With
an analyte and methods, best first, sets its priority and re-decides every preferred result of that
analyte (audited); with an analyte and no method, clears it.
  e.g. drillbench method-priority demo.drillbench Zn 7TD G7AR 1DX
Rule: ${PREFERRED_RULE}`,
  options: {},
  run(positionals, _values, io) {
    const projectPath = requirePositional(positionals, 0, 'project', 'method-priority');
    const project = openProject(projectPath);
    try {
      const [analyte, ...methods] = positionals.slice(1);
      if (analyte !== undefined) {
        const result = setMethodPriority(
          project.db,
          project.settings.length_unit,
          { analyte, methods },
          { osUser: osUserName(), source: 'cli' },
        );
        io.out(
          `Method priority for ${result.analyte}: ${result.priority.join(' > ') || '(none)'}; ${result.changed} preferred marks changed.`,
        );
        return EXIT.ok;
      }
      io.out(
        formatTable(
          ['Analyte', 'Priority', 'Methods (results / preferred)', 'Samples with re-assays'],
          listAnalyteMethods(project.db).map((entry) => [
            `${entry.analyte} (${entry.unit})`,
            entry.priority.join(' > ') || '-',
            entry.methods.map((m) => `${m.method ?? '(none)'} ${m.results}/${m.preferred}`).join(', '),
            String(entry.samplesWithReassays),
          ]),
        ),
      );
      return EXIT.ok;
    } finally {
      closeProject(project);
    }
  },
};
