// The one contract: every API call with its input schema and its result type. Electron IPC and the
// browser host both dispatch through a router built from this list, and the renderer's typed client is
// generated from it, so a call is declared once.
import { z } from 'zod';
import { DATE_ORDERS } from '../domain/date-input';
import { UNDO_SCOPES } from '../domain/entry/undo-scope';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from '../domain/entry/column-layout';
import { MAX_DISPLAY_DECIMALS } from '../domain/entry/display-precision';
import { DATA_TABLES, DIP_CONVENTIONS, LENGTH_UNITS } from '../domain/model';
import type {
  BackupResult,
  ChosenPath,
  ChosenPaths,
  OpenFilesResult,
  OpenProjectResult,
  SaveCopyResult,
} from './desktop-types';
import {
  compositeStartSchema,
  desurveyStartSchema,
  interceptStartSchema,
  PRESET_KINDS,
  presetSaveSchema,
  RUN_KIND_VALUES,
  runExportSchema,
} from './compositing-schemas';
import type { InterceptReport, PresetInfo, RunList, RunPage } from './compositing-types';
import type {
  DeletePreview,
  DeleteResult,
  EditHistory,
  EditResult,
  InsertResult,
  LocateResult,
  LookupListInfo,
  NextInterval,
  PasteResult,
  ProjectStatus,
  ReplayResult,
} from './entry-types';
import type { EmptyAnalyteColumns, GridColumnsInfo } from './grid-layout-types';
import type { HoleRunResults, HoleSearchResult, HoleViewData } from './hole-types';
import type { ImportSummary } from './import-types';
import type {
  AnalyteMethods,
  CertificateImportSummary,
  FilePreview,
  MethodPriorityResult,
  UploadResult,
} from './import-wizard-types';
import type { LabCertificateRow as CertificateRecord } from '../domain/model';
import {
  absolutePathSchema,
  certificateImportSchema,
  exportSchema,
  importRequestSchema,
  inspectSchema,
  methodPrioritySchema,
  projectPathSchema,
  uploadSchema,
} from './file-schemas';
import type { ApiMethod } from './methods';
import {
  deleteSectionLineSchema,
  intervalsRequestSchema,
  saveSectionLineSchema,
  tracesRequestSchema,
} from './section-schemas';
import type { RunIntervals, SavedSectionLine, TraceSet } from './section-types';
import {
  detectionLimitSchema,
  qaqcReportSchema,
  qaqcSettingsSchema,
  standardSaveSchema,
  standardsImportSchema,
} from './qaqc-schemas';
import type {
  QaqcAnalyteReport,
  QaqcOverview,
  QaqcWarningsStatus,
  StandardRow,
  StandardsImportSummary,
} from './qaqc-types';
import type { ProjectSettingInfo, SettingChangeResult } from './settings-types';
import { filterSchema, sortSchema } from './query-schemas';
import type {
  AnalyteRow,
  JobStatus,
  LookupCode,
  Page,
  PageRow,
  ProblemRow,
  ProjectInfo,
  ValidationSummary,
} from './types';

/** Pairs an input schema with the result type, which exists only for the compiler. */
function call<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

const empty = z.object({}).strict();
const runId = z.number({ error: 'Give the run number.' }).int().positive('Run numbers start at 1.');

export const pageRequestSchema = z.object({
  table: z.enum(DATA_TABLES),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(5000),
  sort: z.array(sortSchema).max(4).optional(),
  filters: z.array(filterSchema).max(16).optional(),
  /** Only rows of this hole (its ID as typed). */
  holeId: z.string().optional(),
});

// ---- Data entry (issue 4): editable grids, paste, undo and redo, lookup lists ----

/** A grid column: a field of the table, or `analyte:<code>` for an analyte of the samples grid. */
const columnId = z.string().min(1).max(80);
/** What a user typed or pasted into one cell. */
const cellText = z.string().max(10_000, 'A cell holds at most 10,000 characters.');
const rowId = z.number().int().min(1);
const MAX_PASTE_CELLS = 200_000;
/** How the user's locale orders numeric dates (24/11/2010 is dmy); without it dates must be YYYY-MM-DD. */
const dateOrder = z.enum(DATE_ORDERS).optional();

export const viewSchema = z.object({
  table: z.enum(DATA_TABLES),
  sort: z.array(sortSchema).max(4).optional(),
  filters: z.array(filterSchema).max(16).optional(),
  holeId: z.string().optional(),
});

const rowIdsSchema = z
  .object({
    table: z.enum(DATA_TABLES),
    rowIds: z.array(rowId).min(1, 'Select at least one row.').max(100_000),
  })
  .strict();

const lookupListName = z.string().min(1).max(64);
const lookupCodeText = z
  .string()
  .trim()
  .min(1, 'A code cannot be empty.')
  .max(64, 'A code holds at most 64 characters.');

export const pasteRequestSchema = z
  .object({
    view: viewSchema,
    startIndex: z.number().int().min(0),
    anchorRowId: rowId.nullable(),
    columns: z.array(columnId).min(1).max(1000),
    rows: z.array(z.array(cellText).max(1000)).min(1, 'The pasted block is empty.').max(MAX_PASTE_CELLS),
    mode: z.enum(['check', 'apply', 'apply-good']),
    dateOrder,
  })
  .strict()
  .refine((input) => input.rows.reduce((sum, row) => sum + row.length, 0) <= MAX_PASTE_CELLS, {
    message: `A paste holds at most ${MAX_PASTE_CELLS.toLocaleString('en')} cells; paste the block in parts.`,
    path: ['rows'],
  });

/** Undo and redo of one view (its table's changes), or of the whole project without a scope. */
const undoScopeSchema = z.object({ scope: z.enum(UNDO_SCOPES).optional() }).strict();

const entryContract = {
  'project.status': call<ProjectStatus>()(empty),
  'holes.ids': call<string[]>()(empty),
  'table.locate': call<LocateResult>()(viewSchema.extend({ rowId }).strict()),
  'table.edit': call<EditResult>()(
    z
      .object({
        table: z.enum(DATA_TABLES),
        edits: z
          .array(z.object({ rowId, column: columnId, text: cellText }).strict())
          .min(1)
          .max(10_000),
        dateOrder,
      })
      .strict(),
  ),
  'table.insert': call<InsertResult>()(
    z
      .object({
        table: z.enum(DATA_TABLES),
        rows: z.array(z.record(columnId, cellText)).min(1).max(10_000),
        /** Show the new rows right after this row in the grid's views. */
        afterRowId: rowId.optional(),
        dateOrder,
      })
      .strict(),
  ),
  'table.nextInterval': call<NextInterval>()(
    z.object({ table: z.enum(['samples', 'lithology']), holeId: z.string().min(1) }).strict(),
  ),
  'table.deletePreview': call<DeletePreview>()(rowIdsSchema),
  'table.delete': call<DeleteResult>()(rowIdsSchema),
  'table.paste': call<PasteResult>()(pasteRequestSchema),
  'edit.undo': call<ReplayResult>()(undoScopeSchema),
  'edit.redo': call<ReplayResult>()(undoScopeSchema),
  'edit.history': call<EditHistory>()(undoScopeSchema),
  'lookups.lists': call<LookupListInfo[]>()(empty),
  'lookups.add': call<LookupListInfo[]>()(
    z
      .object({
        list: lookupListName,
        code: lookupCodeText,
        description: z.string().max(500).nullable().optional(),
      })
      .strict(),
  ),
  'lookups.update': call<LookupListInfo[]>()(
    z
      .object({
        list: lookupListName,
        code: z.string().min(1).max(64),
        newCode: lookupCodeText.optional(),
        description: z.string().max(500).nullable().optional(),
        /** '#rrggbb' for strip logs and sections; null goes back to the default colour. */
        colour: z.string().max(16).nullable().optional(),
      })
      .strict(),
  ),
  'lookups.delete': call<LookupListInfo[]>()(
    z.object({ list: lookupListName, code: z.string().min(1).max(64) }).strict(),
  ),
};

// ---- Grid columns (issue 11): layouts saved in the project, decimals, empty analyte columns ----

const gridLayoutSchema = z
  .object({
    columns: z
      .array(
        z
          .object({
            id: columnId,
            width: z.number().int().min(MIN_COLUMN_WIDTH).max(MAX_COLUMN_WIDTH).optional(),
            visible: z.boolean().optional(),
            decimals: z.number().int().min(0).max(MAX_DISPLAY_DECIMALS).optional(),
          })
          .strict(),
      )
      .max(2000),
    showEmptyAnalytes: z.boolean().optional(),
  })
  .strict();
const gridSchema = z.object({ table: z.enum(DATA_TABLES) }).strict();

const gridColumnsContract = {
  'grid.columns': call<GridColumnsInfo>()(gridSchema),
  'grid.saveLayout': call<GridColumnsInfo>()(gridSchema.extend({ layout: gridLayoutSchema }).strict()),
  'grid.resetLayout': call<GridColumnsInfo>()(gridSchema),
  'table.emptyAnalytes': call<EmptyAnalyteColumns>()(viewSchema.strict()),
};

export const contract = {
  'project.info': call<ProjectInfo>()(empty),
  'project.update': call<ProjectInfo>()(
    z
      .object({
        name: z.string().trim().min(1, 'A project needs a name.').max(200).optional(),
        coordinate_system: z.string().max(200).nullable().optional(),
      })
      .strict(),
  ),
  'analytes.list': call<AnalyteRow[]>()(empty),
  'lookups.list': call<LookupCode[]>()(z.object({ list: z.string().optional() }).strict()),
  'table.page': call<Page<PageRow>>()(pageRequestSchema),
  'validation.list': call<Page<ProblemRow>>()(
    z
      .object({
        severity: z.enum(['error', 'warning']).optional(),
        rule: z.string().optional(),
        holeId: z.string().optional(),
        table: z.string().optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict(),
  ),
  'validation.summary': call<ValidationSummary>()(empty),
  'validation.run': call<ValidationSummary>()(empty),
  'validation.start': call<JobStatus>()(empty),
  'import.run': call<ImportSummary>()(importRequestSchema),
  'jobs.status': call<JobStatus>()(z.object({ id: z.string().min(1) }).strict()),
  'jobs.cancel': call<JobStatus>()(z.object({ id: z.string().min(1) }).strict()),
  // Desktop app (issue 6)
  'project.backup': call<BackupResult>()(z.object({ destination: projectPathSchema.optional() }).strict()),
  'app.newProject': call<OpenProjectResult>()(
    z
      .object({
        name: z.string().trim().min(1, 'A project needs a name.').max(200).optional(),
        length_unit: z.enum(LENGTH_UNITS).optional(),
        dip_convention: z.enum(DIP_CONVENTIONS).optional(),
        coordinate_system: z.string().max(200).optional(),
      })
      .strict(),
  ),
  'app.openProject': call<OpenProjectResult>()(z.object({ path: absolutePathSchema.optional() }).strict()),
  'app.openFiles': call<OpenFilesResult>()(
    z
      .object({
        paths: z
          .array(absolutePathSchema)
          .min(1, 'Give at least one file.')
          .max(100, 'Open at most 100 files at a time.'),
      })
      .strict(),
  ),
  'app.saveCopy': call<SaveCopyResult>()(empty),
  'app.chooseImportFiles': call<ChosenPaths>()(z.object({ multiple: z.boolean().default(true) }).strict()),
  'app.chooseExportFile': call<ChosenPath>()(
    z
      .object({
        format: z.enum(['csv', 'xlsx']),
        suggestedName: z
          .string()
          .trim()
          .min(1, 'Suggest a file name.')
          .max(200)
          .refine((name) => !/[\\/\0]/.test(name), 'Suggest a file name without folders in it.'),
      })
      .strict(),
  ),
  'app.chooseExportFolder': call<ChosenPath>()(empty),
  // compositing: intercepts, composites, desurvey, presets and saved runs
  'intercepts.start': call<JobStatus>()(interceptStartSchema),
  'composites.start': call<JobStatus>()(compositeStartSchema),
  'desurvey.start': call<JobStatus>()(desurveyStartSchema),
  'presets.list': call<PresetInfo[]>()(z.object({ kind: z.enum(PRESET_KINDS) }).strict()),
  'presets.save': call<PresetInfo>()(presetSaveSchema),
  'presets.delete': call<{ deleted: true }>()(
    z.object({ kind: z.enum(PRESET_KINDS), name: z.string().min(1) }).strict(),
  ),
  'runs.list': call<RunList>()(
    z
      .object({
        kind: z.enum(RUN_KIND_VALUES).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
  ),
  'runs.get': call<RunPage>()(
    z
      .object({
        id: runId,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(5000).default(1000),
      })
      .strict(),
  ),
  'runs.report': call<InterceptReport>()(z.object({ id: runId }).strict()),
  'runs.verify': call<JobStatus>()(z.object({ id: runId }).strict()),
  'runs.export': call<JobStatus>()(runExportSchema),
  'runs.delete': call<{ deleted: true }>()(z.object({ id: runId }).strict()),
  ...entryContract,
  ...gridColumnsContract,
  // Import wizard, lab certificates and method priority (issue 5)
  'import.inspect': call<FilePreview>()(inspectSchema),
  'import.upload': call<UploadResult>()(uploadSchema),
  'import.start': call<JobStatus>()(importRequestSchema),
  'certificates.import': call<CertificateImportSummary>()(certificateImportSchema),
  'certificates.list': call<CertificateRecord[]>()(empty),
  'assays.methods': call<AnalyteMethods[]>()(empty),
  'assays.setMethodPriority': call<MethodPriorityResult>()(methodPrioritySchema),
  // Export to CSV and XLSX (issue 5)
  'export.start': call<JobStatus>()(exportSchema),
  // Plan map and cross-sections (issue 10)
  'sections.traces': call<TraceSet>()(tracesRequestSchema),
  'sections.intervals': call<RunIntervals>()(intervalsRequestSchema),
  'sections.lines': call<SavedSectionLine[]>()(empty),
  'sections.saveLine': call<SavedSectionLine>()(saveSectionLineSchema),
  'sections.deleteLine': call<{ deleted: true }>()(deleteSectionLineSchema),
  // Finding a hole, its one-page view and its strip log (issues 10 and 11)
  'holes.search': call<HoleSearchResult>()(
    z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(200).default(20) }).strict(),
  ),
  'holes.view': call<HoleViewData>()(z.object({ holeId: z.string().min(1, 'Give a hole ID.') }).strict()),
  'runs.hole': call<HoleRunResults>()(
    z.object({ id: runId, holeId: z.string().min(1, 'Give a hole ID.') }).strict(),
  ),
  // QA/QC (issue 10)
  'qaqc.overview': call<QaqcOverview>()(empty),
  'qaqc.report': call<QaqcAnalyteReport>()(qaqcReportSchema),
  'qaqc.saveStandard': call<StandardRow[]>()(standardSaveSchema),
  'qaqc.deleteStandard': call<StandardRow[]>()(z.object({ id: z.number().int().positive() }).strict()),
  'qaqc.importStandards': call<StandardsImportSummary>()(standardsImportSchema),
  'qaqc.setSettings': call<QaqcWarningsStatus>()(qaqcSettingsSchema),
  'qaqc.setDetectionLimit': call<QaqcWarningsStatus>()(detectionLimitSchema),
  'qaqc.refreshWarnings': call<QaqcWarningsStatus>()(empty),
  // Project settings (issue 9)
  'settings.list': call<ProjectSettingInfo[]>()(empty),
  'settings.set': call<SettingChangeResult>()(
    z
      .object({
        key: z.string().min(1).max(100),
        value: z.string().max(2000),
      })
      .strict(),
  ),
} satisfies Record<ApiMethod, { input: z.ZodType; output: unknown }>;

export type Contract = typeof contract;
export type ApiInput<K extends ApiMethod> = z.input<Contract[K]['input']>;
export type ApiParsedInput<K extends ApiMethod> = z.output<Contract[K]['input']>;
export type ApiOutput<K extends ApiMethod> = Contract[K]['output'];
