// `drillbench settings`: list the project's named settings, or change one (missing-value codes,
// validation thresholds); a change says what it did to stored data.
import { listProjectSettings, setProjectSetting } from '../../services/settings/project-settings';
import { osUserName } from '../../services/system/app-paths';
import { closeProject, openProject } from '../../storage/project-db';
import { formatTable, requirePositional, UsageError, type CliCommand, EXIT } from '../cli-command';

export const settingsCommand: CliCommand = {
  name: 'settings',
  summary: "List the project's settings, or change one (KEY=VALUE)",
  help: `Usage: drillbench settings <project> [KEY=VALUE]

Without KEY=VALUE, lists every setting with its value, default and meaning. With KEY=VALUE, sets it
(audited) and says what the change did: new missing-value codes re-read the stored results that carry
them; a validation threshold re-validates the project.
  e.g. drillbench settings project.drillbench assays.missing_sentinels=-1,-99.9
       drillbench settings project.drillbench validation.dogleg_limit=5
       drillbench settings project.drillbench assays.missing_sentinels=      (back to the built-in codes)`,
  options: {},
  run(positionals, _values, io) {
    const projectPath = requirePositional(positionals, 0, 'project', 'settings');
    const assignment = positionals[1];
    if (positionals.length > 2)
      throw new UsageError('Give one KEY=VALUE at a time, e.g. assays.missing_sentinels=-1,-99.9.');
    const project = openProject(projectPath);
    try {
      if (assignment !== undefined) {
        const at = assignment.indexOf('=');
        if (at <= 0)
          throw new UsageError(
            `Give the setting as KEY=VALUE (got "${assignment}"), e.g. assays.missing_sentinels=-1,-99.9.`,
          );
        const change = setProjectSetting(project, assignment.slice(0, at).trim(), assignment.slice(at + 1), {
          osUser: osUserName(),
          source: 'cli',
        });
        io.out(`${change.key} = ${change.value === '' ? '(none)' : change.value}. ${change.effect}`);
        return EXIT.ok;
      }
      io.out(
        formatTable(
          ['Setting', 'Value', 'Default', 'Meaning'],
          listProjectSettings(project).map((s) => [
            s.key,
            s.value === '' ? '(none)' : s.value,
            s.default === '' ? '(none)' : s.default,
            s.description,
          ]),
        ),
      );
      return EXIT.ok;
    } finally {
      closeProject(project);
    }
  },
};
