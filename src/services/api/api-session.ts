// One open project served to one client (a window, or the browser host): its router and its jobs.
import type { ChangeSource } from '../../storage/audit';
import { closeProject, type Project } from '../../storage/project-db';
import { JobRunner } from '../jobs/job-runner';
import type { DesktopShell } from '../desktop/desktop-shell';
import { osUserName } from '../system/app-paths';
import { recheckIfRulesChanged } from '../validation/validate-project';
import { createRouter, type Router } from './router';

export interface ApiSession {
  project: Project;
  router: Router;
  jobs: JobRunner;
  close(): Promise<void>;
}

export function openApiSession(
  project: Project,
  source: ChangeSource,
  osUser = osUserName(),
  desktop?: DesktopShell,
): ApiSession {
  // An upgraded project is checked against today's rules before anything shows its problems.
  recheckIfRulesChanged(project.db, project.settings.length_unit);
  const jobs = new JobRunner(project.path, osUser);
  const router = createRouter({ project, osUser, source, jobs, desktop });
  return {
    project,
    router,
    jobs,
    async close() {
      await jobs.close();
      closeProject(project);
    },
  };
}
