// Handlers for finding a hole, its one-page view and a saved run's results in it (issues 10 and 11).
import { holeRunResults } from '../holes/hole-run-results';
import { holeView, searchHoles } from '../holes/hole-view';
import type { HandlerGroup } from './handlers';

export const holeHandlers: HandlerGroup<'holes.search' | 'holes.view' | 'runs.hole'> = {
  'holes.search': (input, context) => searchHoles(context.project.db, input.text, input.limit),
  'holes.view': (input, context) =>
    holeView(context.project.db, input.holeId, context.project.settings.length_unit),
  'runs.hole': (input, context) => holeRunResults(context.project.db, input.id, input.holeId),
};
