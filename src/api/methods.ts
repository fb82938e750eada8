// The names of every API call. Kept apart from the schemas so the Electron preload can build its typed
// client from this list without bundling the validation library. contract.ts checks it is complete.

export const API_METHODS = [
  'project.info',
  'project.update',
  'analytes.list',
  'lookups.list',
  'table.page',
  'validation.list',
  'validation.summary',
  'validation.run',
  'validation.start',
  'import.run',
  'jobs.status',
  'jobs.cancel',
  // Desktop app (issue 6): backups everywhere; native dialogs and windows in the desktop app only.
  'project.backup',
  'app.newProject',
  'app.openProject',
  'app.openFiles',
  'app.saveCopy',
  'app.chooseImportFiles',
  'app.chooseExportFile',
  'app.chooseExportFolder',
  // compositing: intercepts, composites, desurvey, presets and saved runs
  'intercepts.start',
  'composites.start',
  'desurvey.start',
  'presets.list',
  'presets.save',
  'presets.delete',
  'runs.list',
  'runs.get',
  'runs.report',
  'runs.verify',
  'runs.export',
  'runs.delete',
  // Data entry (issue 4): editable grids, paste, undo and redo, lookup lists.
  'project.status',
  'holes.ids',
  'table.locate',
  'table.edit',
  'table.insert',
  'table.nextInterval',
  'table.deletePreview',
  'table.delete',
  'table.paste',
  'edit.undo',
  'edit.redo',
  'edit.history',
  'lookups.lists',
  'lookups.add',
  'lookups.update',
  'lookups.delete',
  // Grid columns (issue 11): layouts saved in the project, decimals, empty analyte columns.
  'grid.columns',
  'grid.saveLayout',
  'grid.resetLayout',
  'table.emptyAnalytes',
  // Import wizard, lab certificates and method priority (issue 5)
  'import.inspect',
  'import.upload',
  'import.start',
  'certificates.import',
  'certificates.list',
  'assays.methods',
  'assays.setMethodPriority',
  // Export to CSV and XLSX (issue 5)
  'export.start',
  // Plan map and cross-sections (issue 10)
  'sections.traces',
  'sections.intervals',
  'sections.lines',
  'sections.saveLine',
  'sections.deleteLine',
  // Finding a hole, its one-page view and its strip log (issues 10 and 11)
  'holes.search',
  'holes.view',
  'runs.hole',
  // QA/QC (issue 10): standards table, control charts, blanks, duplicates, batch warnings
  'qaqc.overview',
  'qaqc.report',
  'qaqc.saveStandard',
  'qaqc.deleteStandard',
  'qaqc.importStandards',
  'qaqc.setSettings',
  'qaqc.setDetectionLimit',
  'qaqc.refreshWarnings',
  // Project settings (issue 9): missing-value codes, validation thresholds
  'settings.list',
  'settings.set',
] as const;

export type ApiMethod = (typeof API_METHODS)[number];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}

/** The one IPC channel the preload's typed client uses; the main process checks every sender. */
export const API_CHANNEL = 'drillbench:api';
