// What every API handler works on: the open project and who is making the change.
import type { Project } from '../../storage/project-db';
import type { ChangeSource } from '../../storage/audit';
import type { JobRunner } from '../jobs/job-runner';
import type { DesktopShell } from '../desktop/desktop-shell';

export interface ApiContext {
  project: Project;
  /** The operating-system user recorded in the audit log. */
  osUser: string;
  /** How calls arrive: recorded as the source of each change. */
  source: ChangeSource;
  /** Background jobs of this project (worker threads). */
  jobs: JobRunner;
  /** Native dialogs and windows: only in the desktop app (issue 6). */
  desktop?: DesktopShell;
}
