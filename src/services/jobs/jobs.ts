// Registers the job implementations the worker can run. Each feature adds one import line here.
import '../validation/validate-job';
import '../compositing/compositing-jobs';
import '../import/import-job';
import '../export/export-job';
