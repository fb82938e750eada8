// Handlers for importing field and lab files.
import type { ImportRequest } from '../../api/import-types';
import { runImport } from '../import/import-engine';
import type { HandlerGroup } from './handlers';

export const importHandlers: HandlerGroup<'import.run'> = {
  'import.run': (input, context) =>
    runImport(context.project.db, context.project.settings, input as ImportRequest, {
      osUser: context.osUser,
      source: context.source,
    }),
};
