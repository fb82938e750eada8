// The whole-project validation as a background job, for projects large enough that it takes seconds.
import { closeProject, openProject } from '../../storage/project-db';
import { projectCounts } from '../../storage/project-queries';
import { registerJob } from '../jobs/job-registry';
import { JobCancelled } from '../jobs/job-types';
import { refreshQaqcWarnings } from '../qaqc/qaqc-upkeep';
import { validateHoles, validateProjectRules, validationSettings } from './validate-project';

registerJob('validate', (_params, context) => {
  const project = openProject(context.projectPath);
  try {
    const holes = projectCounts(project.db).holes;
    const settings = validationSettings(project.db, project.settings.length_unit);
    validateHoles(project.db, settings, undefined, (done) => {
      if (context.cancelled()) throw new JobCancelled();
      context.progress(done, holes, `Checked ${done} of ${holes} holes`);
    });
    validateProjectRules(project.db);
    refreshQaqcWarnings(project.db);
    context.progress(holes, holes, 'Done');
    return { holes };
  } finally {
    closeProject(project);
  }
});
