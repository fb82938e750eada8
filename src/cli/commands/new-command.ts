// `drillbench new`: creates an empty project file.
import { DIP_CONVENTIONS, LENGTH_UNITS } from '../../domain/model';
import { createProject, closeProject } from '../../storage/project-db';
import { osUserName } from '../../services/system/app-paths';
import { choiceOption, requirePositional, stringOption, type CliCommand, EXIT } from '../cli-command';
import { basename } from 'node:path';

export const newCommand: CliCommand = {
  name: 'new',
  summary: 'Create an empty project file',
  help: `Usage: drillbench new <project> [--units m|ft] [--name NAME] [--dip-convention negative-down|positive-down] [--coordinate-system TEXT]

Creates a new project file. It will not overwrite an existing file.
  --units               length unit of depths and coordinates stored in the project (default m)
  --name                project name (default: the file name)
  --dip-convention      how dips are stored (default negative-down: -90 is straight down)
  --coordinate-system   free text, e.g. "NAD83 / UTM zone 11N"`,
  options: {
    units: { type: 'string' },
    name: { type: 'string' },
    'dip-convention': { type: 'string' },
    'coordinate-system': { type: 'string' },
  },
  run(positionals, values, io) {
    const path = requirePositional(positionals, 0, 'project', 'new');
    const project = createProject(
      path,
      {
        name: stringOption(values, 'name') ?? basename(path).replace(/\.[^.]+$/, ''),
        length_unit: choiceOption(values, 'units', LENGTH_UNITS) ?? 'm',
        dip_convention: choiceOption(values, 'dip-convention', DIP_CONVENTIONS) ?? 'negative-down',
        coordinate_system: stringOption(values, 'coordinate-system') ?? null,
      },
      osUserName(),
    );
    io.out(`Created ${path} (${project.settings.length_unit}, dips ${project.settings.dip_convention}).`);
    closeProject(project);
    return EXIT.ok;
  },
};
