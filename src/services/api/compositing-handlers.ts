// Handlers for compositing: starting intercept, composite and desurvey jobs (parameters checked here so
// a mistake is reported at once, not from the worker), presets, and saved runs with their reports,
// verification and exports.
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { PresetInfo } from '../../api/compositing-types';
import { beginChangeSet, createAuditWriter } from '../../storage/audit';
import { listScanHoles } from '../../storage/compositing-scan';
import {
  deletePreset,
  findPreset,
  listPresets,
  savePreset,
  type StoredPreset,
} from '../../storage/presets-store';
import { listRuns } from '../../storage/runs-store';
import { StorageError } from '../../storage/storage-error';
import { compositeSettings } from '../compositing/composites-run';
import { downloadName, exportFolder, registerDownload } from '../export/downloads';
import type { ExportJobParams } from '../compositing/compositing-jobs';
import { interceptReport } from '../compositing/intercept-report';
import { compileIntercepts } from '../compositing/intercepts-run';
import { exportFormat } from '../compositing/run-export';
import {
  resolveCompositeParams,
  resolveDesurveyParams,
  resolveInterceptParams,
} from '../compositing/run-params';
import { deleteRunAudited, loadRun, loadRunTable, runPage } from '../compositing/run-reading';
import { matchAnalytes, projectAnalytes, toRunInfo } from '../compositing/run-support';
import type { ApiContext } from './api-context';
import type { HandlerGroup } from './handlers';

function presetInfo(preset: StoredPreset): PresetInfo {
  return {
    id: preset.id,
    kind: preset.kind,
    name: preset.name,
    description: preset.description,
    params: preset.params,
    createdAt: preset.created_at,
  };
}

function checkHoles(context: ApiContext, holes: readonly string[] | null): void {
  if (holes) listScanHoles(context.project.db, holes);
}

/** Audits a preset change as one change set. */
function auditPreset(
  context: ApiContext,
  description: string,
  entry: { action: 'insert' | 'update' | 'delete'; rowId: number; oldValue: unknown; newValue: unknown },
): void {
  const changeSet = beginChangeSet(context.project.db, {
    source: context.source,
    osUser: context.osUser,
    description,
  });
  createAuditWriter(context.project.db, changeSet)({ ...entry, table: 'presets', column: 'params' });
}

export const compositingHandlers: HandlerGroup<
  | 'intercepts.start'
  | 'composites.start'
  | 'desurvey.start'
  | 'presets.list'
  | 'presets.save'
  | 'presets.delete'
  | 'runs.list'
  | 'runs.get'
  | 'runs.report'
  | 'runs.verify'
  | 'runs.export'
  | 'runs.delete'
> = {
  'intercepts.start': (input, context) => {
    const { params } = resolveInterceptParams(context.project.db, input);
    compileIntercepts(context.project, params);
    checkHoles(context, params.holes);
    return context.jobs.start('intercepts', input);
  },
  'composites.start': (input, context) => {
    const { params } = resolveCompositeParams(context.project.db, input);
    compositeSettings(params);
    if (params.analytes) matchAnalytes(params.analytes, projectAnalytes(context.project.db), 'analytes');
    checkHoles(context, params.holes);
    return context.jobs.start('composites', input);
  },
  'desurvey.start': (input, context) => {
    const { params } = resolveDesurveyParams(context.project.db, input);
    checkHoles(context, params.holes);
    return context.jobs.start('desurvey', input);
  },
  'presets.list': (input, context) => listPresets(context.project.db, input.kind).map(presetInfo),
  'presets.save': (input, context) => {
    const { db } = context.project;
    return db.transaction(() => {
      const before = findPreset(db, input.kind, input.name);
      const id = savePreset(db, input.kind, input.name, input.description ?? null, input.params);
      auditPreset(context, `${before ? 'Update' : 'Save'} ${input.kind} preset ${input.name}`, {
        action: before ? 'update' : 'insert',
        rowId: id,
        oldValue: before?.params ?? null,
        newValue: input.params,
      });
      return presetInfo(findPreset(db, input.kind, input.name)!);
    })();
  },
  'presets.delete': (input, context) => {
    const { db } = context.project;
    return db.transaction(() => {
      const before = findPreset(db, input.kind, input.name);
      if (!before || !deletePreset(db, input.kind, input.name)) {
        throw new StorageError(
          'not-found',
          `There is no ${input.kind} preset named "${input.name}" to delete.`,
        );
      }
      auditPreset(context, `Delete ${input.kind} preset ${input.name}`, {
        action: 'delete',
        rowId: before.id,
        oldValue: before.params,
        newValue: null,
      });
      return { deleted: true as const };
    })();
  },
  'runs.list': (input, context) => {
    const { rows, total } = listRuns(context.project.db, input);
    return { rows: rows.map(toRunInfo), total };
  },
  'runs.get': (input, context) => runPage(context.project.db, input.id, input.offset, input.limit),
  'runs.report': (input, context) => {
    const run = loadRun(context.project.db, input.id);
    const { table: _table, ...report } = interceptReport(run, loadRunTable(context.project.db, run));
    return report;
  },
  'runs.verify': (input, context) => {
    loadRun(context.project.db, input.id);
    return context.jobs.start('verify-run', { id: input.id });
  },
  'runs.export': (input, context) => {
    const run = loadRun(context.project.db, input.id);
    if (input.content === 'report' && run.kind !== 'intercepts') {
      throw new StorageError(
        'refused',
        `Run ${run.id} is a ${run.kind} run; only intercept runs have a report.`,
      );
    }
    if (input.figures && input.content !== 'report') {
      throw new StorageError(
        'refused',
        'Figures go with the news-release report; export the report to include them.',
      );
    }
    let path: string;
    let name: string;
    let downloadId: string | null = null;
    if (input.path === undefined) {
      // No place given (the browser host, or the desktop app's dialog not used): a temporary file
      // offered for download, as the Export view does.
      const what = `${run.kind}-run-${run.id}${input.content === 'report' ? '-report' : ''}`;
      name = downloadName(context.project.settings.name, what, input.format ?? 'csv');
      path = join(exportFolder(), name);
      downloadId = registerDownload(path, name);
    } else {
      // A relative path is taken from the project file's folder: the browser host has no working folder.
      path = isAbsolute(input.path) ? input.path : resolve(dirname(context.project.path), input.path);
      exportFormat(path);
      name = basename(path);
    }
    const params: ExportJobParams = {
      id: input.id,
      path,
      name,
      downloadId,
      content: input.content,
      overwrite: input.overwrite,
      figures: input.figures,
    };
    return context.jobs.start('export-run', params);
  },
  'runs.delete': (input, context) => {
    deleteRunAudited(context.project.db, input.id, { osUser: context.osUser, source: context.source });
    return { deleted: true as const };
  },
};
