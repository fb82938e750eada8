// Handlers for the plan map and cross-sections: traces of every hole, a saved run's intervals, and the
// section lines saved in the project.
import { deleteSectionLine, listSectionLines, saveSectionLine } from '../../storage/section-lines-store';
import { StorageError } from '../../storage/storage-error';
import { runIntervals } from '../sections/run-intervals';
import { cachedTraceSet } from '../sections/trace-set';
import type { HandlerGroup } from './handlers';

export const sectionHandlers: HandlerGroup<
  'sections.traces' | 'sections.intervals' | 'sections.lines' | 'sections.saveLine' | 'sections.deleteLine'
> = {
  'sections.traces': (input, context) =>
    cachedTraceSet(context.project.db, context.project.settings, input.tolerance),
  'sections.intervals': (input, context) =>
    runIntervals(context.project.db, input.id, { holes: input.holes, analyte: input.analyte }),
  'sections.lines': (_input, context) => listSectionLines(context.project.db),
  'sections.saveLine': (input, context) => saveSectionLine(context.project.db, input.name, input.line),
  'sections.deleteLine': (input, context) => {
    if (!deleteSectionLine(context.project.db, input.name)) {
      throw new StorageError('not-found', `There is no section line named "${input.name}" to delete.`);
    }
    return { deleted: true as const };
  },
};
