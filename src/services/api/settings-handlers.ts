// Handlers for the project's named settings: list them with their defaults, change one (audited, with
// what the change did to stored data).
import { listProjectSettings, setProjectSetting } from '../settings/project-settings';
import type { HandlerGroup } from './handlers';

export const settingsHandlers: HandlerGroup<'settings.list' | 'settings.set'> = {
  'settings.list': (_input, context) => listProjectSettings(context.project),
  'settings.set': (input, context) =>
    setProjectSetting(context.project, input.key, input.value, {
      osUser: context.osUser,
      source: context.source,
    }),
};
