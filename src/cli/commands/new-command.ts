// `drillbench new`: creates an empty project file.
import { DIP_CONVENTIONS, LENGTH_UNITS } from '../../domain/model';
import { createProject, closeProject } from '../../storage/project-db';
import { osUserName } from '../../services/system/app-paths';
import { describeCrs, parseEpsgCode } from '../../domain/coordinate-systems';
import {
  choiceOption,
  requirePositional,
  stringOption,
  type CliCommand,
  EXIT,
  UsageError,
} from '../cli-command';
import { basename } from 'node:path';

export const newCommand: CliCommand = {
  name: 'new',
  summary: 'Create an empty project file',
  help: `Usage: drillbench new <project> [--units m|ft] [--name NAME] [--dip-convention negative-down|positive-down] [--crs EPSG:CODE]

Creates a new project file. It will not overwrite an existing file.
  --units               length unit of depths and coordinates stored in the project (default m)
  --name                project name (default: the file name)
  --dip-convention      how dips are stored (default negative-down: -90 is straight down)
  --crs                 the coordinate system of eastings and northings, as an EPSG code, e.g.
                        EPSG:32609 (WGS 84 / UTM zone 9N) or EPSG:26911 (NAD83 / UTM zone 11N); none for
                        a local grid. drillbench does not reproject: imported collars far outside the
                        project's holes, or in degrees, are warned. (--coordinate-system is the same.)`,
  options: {
    units: { type: 'string' },
    name: { type: 'string' },
    'dip-convention': { type: 'string' },
    crs: { type: 'string' },
    'coordinate-system': { type: 'string' },
  },
  run(positionals, values, io) {
    const path = requirePositional(positionals, 0, 'project', 'new');
    const crsText = stringOption(values, 'crs') ?? stringOption(values, 'coordinate-system');
    let coordinateSystem: string | null;
    try {
      coordinateSystem = crsText === undefined ? null : parseEpsgCode(crsText);
    } catch (error) {
      throw new UsageError(`--crs: ${(error as Error).message}`);
    }
    const project = createProject(
      path,
      {
        name: stringOption(values, 'name') ?? basename(path).replace(/\.[^.]+$/, ''),
        length_unit: choiceOption(values, 'units', LENGTH_UNITS) ?? 'm',
        dip_convention: choiceOption(values, 'dip-convention', DIP_CONVENTIONS) ?? 'negative-down',
        coordinate_system: coordinateSystem,
      },
      osUserName(),
    );
    io.out(
      `Created ${path} (${project.settings.length_unit}, dips ${project.settings.dip_convention}, ${describeCrs(project.settings.coordinate_system)}).`,
    );
    closeProject(project);
    return EXIT.ok;
  },
};
