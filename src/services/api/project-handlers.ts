// Handlers for the project as a whole: its settings, counts, analytes and lookup lists.
import type { ProjectInfo } from '../../api/types';
import { commonCrsList } from '../../domain/coordinate-systems';
import { validateCollarPlacement } from '../validation/validate-project';
import { beginChangeSet, createAuditWriter } from '../../storage/audit';
import { readSettings } from '../../storage/project-db';
import {
  listAnalytes,
  listLookupCodes,
  problemTotals,
  projectCounts,
  schemaVersion,
  updateProjectSettings,
} from '../../storage/project-queries';
import type { ApiContext } from './api-context';
import type { HandlerGroup } from './handlers';

export function projectInfo(context: ApiContext): ProjectInfo {
  const { db, path } = context.project;
  return {
    path,
    settings: readSettings(db),
    schemaVersion: schemaVersion(db),
    counts: projectCounts(db),
    problems: problemTotals(db),
  };
}

export const projectHandlers: HandlerGroup<
  'project.info' | 'project.update' | 'project.coordinateSystems' | 'analytes.list' | 'lookups.list'
> = {
  'project.info': (_input, context) => projectInfo(context),
  'project.update': (input, context) => {
    const { db } = context.project;
    const crsBefore = context.project.settings.coordinate_system;
    db.transaction(() => {
      const before = readSettings(db);
      const changeSet = beginChangeSet(db, {
        source: context.source,
        osUser: context.osUser,
        description: 'Edit project settings',
      });
      const audit = createAuditWriter(db, changeSet);
      if (input.name !== undefined && input.name !== before.name) {
        audit({
          action: 'update',
          table: 'project',
          rowId: 1,
          column: 'name',
          oldValue: before.name,
          newValue: input.name,
        });
      }
      if (input.coordinate_system !== undefined && input.coordinate_system !== before.coordinate_system) {
        audit({
          action: 'update',
          table: 'project',
          rowId: 1,
          column: 'coordinate_system',
          oldValue: before.coordinate_system,
          newValue: input.coordinate_system,
        });
      }
      updateProjectSettings(db, input);
    })();
    const moved = input.coordinate_system !== undefined && input.coordinate_system !== crsBefore;
    context.project.settings = readSettings(db);
    // Whether collars in degrees are a mistake depends on the coordinate system.
    if (moved) validateCollarPlacement(db);
    return projectInfo(context);
  },
  'project.coordinateSystems': () => commonCrsList(),
  'analytes.list': (_input, context) => listAnalytes(context.project.db),
  'lookups.list': (input, context) => listLookupCodes(context.project.db, input.list),
};
