// Handlers for the import wizard (inspect a file, receive a dropped file, run the import as a job), lab
// certificates and the method priority that picks preferred assay results.
import type { ImportRequest } from '../../api/import-types';
import { listAnalyteMethods, setMethodPriority } from '../assays/method-priority';
import { importCertificate, readCertificateRows } from '../certificates/certificate-import';
import { inspectImportFile } from '../import/file-inspection';
import { receiveChunk } from '../import/uploads';
import { listCertificates } from '../../storage/certificate-store';
import type { HandlerGroup } from './handlers';

export const importWizardHandlers: HandlerGroup<
  | 'import.inspect'
  | 'import.upload'
  | 'import.start'
  | 'certificates.import'
  | 'certificates.list'
  | 'assays.methods'
  | 'assays.setMethodPriority'
> = {
  'import.inspect': (input, context) => inspectImportFile(context.project.db, input),
  'import.upload': (input) => receiveChunk(input),
  'import.start': (input, context) => context.jobs.start('import', input as ImportRequest),
  'certificates.import': async (input, context) => {
    const rows = await readCertificateRows(input);
    return importCertificate(context.project.db, context.project.settings, rows, input, {
      osUser: context.osUser,
      source: context.source,
    });
  },
  'certificates.list': (_input, context) => listCertificates(context.project.db),
  'assays.methods': (_input, context) => listAnalyteMethods(context.project.db),
  'assays.setMethodPriority': (input, context) =>
    setMethodPriority(context.project.db, context.project.settings.length_unit, input, {
      osUser: context.osUser,
      source: context.source,
    }),
};
