// The one contract: every API call with its input schema and its result type. Electron IPC and the
// browser host both dispatch through a router built from this list, and the renderer's typed client is
// generated from it, so a call is declared once.
import { z } from 'zod';
import { ANALYTE_UNITS, DATA_TABLES, DIP_CONVENTIONS, LENGTH_UNITS } from '../domain/model';
import { CODE_FLAGS } from '../domain/assay-values';
import { TEXT_ENCODINGS } from '../domain/csv/sniff';
import { FILE_KINDS } from '../domain/import/header-mapping';
import type { ImportSummary } from './import-types';
import type {
  AnalyteMethods,
  CertificateImportSummary,
  FilePreview,
  MethodPriorityResult,
  UploadResult,
} from './import-wizard-types';
import type { CertificateRecord } from './certificate-types';
import type { ExportResult } from './export-types';
import { ASSAY_VALUE_MODES, EXPORT_TABLES } from '../domain/export/export-tables';
import type { ApiMethod } from './methods';
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
const identifier = z.string().min(1).max(64);

export const sortSchema = z.object({ column: identifier, direction: z.enum(['asc', 'desc']) });

export const filterSchema = z.object({
  column: identifier,
  op: z.enum(['equals', 'contains', 'startsWith', 'lessThan', 'greaterThan', 'between', 'blank', 'notBlank']),
  value: z.union([z.string(), z.number()]).optional(),
  valueTo: z.union([z.string(), z.number()]).optional(),
});

export const pageRequestSchema = z.object({
  table: z.enum(DATA_TABLES),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(5000),
  sort: z.array(sortSchema).max(4).optional(),
  filters: z.array(filterSchema).max(16).optional(),
  /** Only rows of this hole (its ID as typed). */
  holeId: z.string().optional(),
});

export const mappingSchema = z
  .object({
    columns: z.record(z.string(), z.string()).optional(),
    analytes: z
      .record(
        z.string(),
        z.object({ code: z.string().min(1).optional(), unit: z.enum(ANALYTE_UNITS).optional() }),
      )
      .optional(),
    ignore: z.array(z.string()).optional(),
  })
  .strict();

/** A result code the file uses and what it means, e.g. {"ND": "bdl"}. */
export const resultCodesSchema = z.record(
  z.string().trim().min(1, 'A result code cannot be empty.').max(40),
  z.enum(CODE_FLAGS, { error: `A code means one of ${CODE_FLAGS.join(', ')}.` }),
);

const serverPath = z
  .string()
  .min(1, 'Give the path of a file on this computer.')
  .max(4096, 'That path is too long.');

export const importRequestSchema = z
  .object({
    files: z
      .array(
        z.object({
          kind: z.enum(FILE_KINDS),
          path: z.string().min(1),
          mapping: mappingSchema.optional(),
          dialect: z
            .object({ delimiter: z.string().length(1).optional(), decimalComma: z.boolean().optional() })
            .optional(),
          encoding: z.enum(TEXT_ENCODINGS).optional(),
          sheet: z.string().min(1).max(100).optional(),
        }),
      )
      .min(1, 'Give at least one file to import.'),
    lengthUnit: z.enum(LENGTH_UNITS).optional(),
    dipConvention: z.enum(DIP_CONVENTIONS).optional(),
    negativeIsBelowDetection: z.boolean().optional(),
    resultCodes: resultCodesSchema.optional(),
    rememberMapping: z.boolean().optional(),
    dryRun: z.boolean().optional(),
    allOrNothing: z.boolean().optional(),
  })
  .strict();

// ---- Import wizard, lab certificates and method priority (issue 5) ----

export const inspectSchema = z
  .object({
    path: serverPath,
    kind: z.enum(FILE_KINDS).optional(),
    sheet: z.string().min(1).max(100).optional(),
    encoding: z.enum(TEXT_ENCODINGS).optional(),
    delimiter: z
      .string()
      .length(1, 'The delimiter is one character (a comma, tab, semicolon or |).')
      .optional(),
    decimalComma: z.boolean().optional(),
    mapping: mappingSchema.optional(),
    negativeIsBelowDetection: z.boolean().optional(),
    resultCodes: resultCodesSchema.optional(),
    previewRows: z.number().int().min(1).max(200).optional(),
  })
  .strict();

/** Chunks of at most 4 MiB of file bytes, base64-encoded. */
export const uploadSchema = z
  .object({
    uploadId: z.string().uuid().optional(),
    name: z.string().min(1).max(255),
    offset: z.number().int().min(0),
    data: z.string().max(6 * 1024 * 1024, 'Send the file in chunks of at most 4 MB.'),
    done: z.boolean(),
  })
  .strict();

export const certificateImportSchema = z
  .object({
    path: serverPath,
    dryRun: z.boolean().optional(),
    lab: z.string().trim().min(1).max(200).optional(),
    certificate: z.string().trim().min(1).max(100).optional(),
    negativeIsBelowDetection: z.boolean().optional(),
    encoding: z.enum(TEXT_ENCODINGS).optional(),
    delimiter: z.string().length(1).optional(),
    sheet: z.string().min(1).max(100).optional(),
  })
  .strict();

export const methodPrioritySchema = z
  .object({
    analyte: z.string().min(1, 'Name the analyte, e.g. Zn.'),
    methods: z.array(z.string().trim().min(1, 'A method code cannot be empty.').max(40)).max(20),
  })
  .strict();

// ---- Export to CSV and XLSX (issue 5) ----

export const exportTargetSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('table'),
      table: z.enum(EXPORT_TABLES),
      /** A grid view: its filters and sort, as table.page takes them. */
      filters: z.array(filterSchema).max(16).optional(),
      sort: z.array(sortSchema).max(4).optional(),
      holeId: z.string().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('project') }).strict(),
  z.object({ kind: z.literal('leapfrog') }).strict(),
]);

export const exportSchema = z
  .object({
    target: exportTargetSchema,
    format: z.enum(['csv', 'xlsx']),
    /** Where to write on this computer; absent, the server writes a temporary file offered for download. */
    path: serverPath.optional(),
    overwrite: z.boolean().optional(),
    assayValues: z.enum(ASSAY_VALUE_MODES).optional(),
    dipConvention: z.enum(DIP_CONVENTIONS).optional(),
  })
  .strict()
  .refine((input) => input.target.kind !== 'leapfrog' || input.format === 'csv', {
    message: 'The Leapfrog/Datamine set is a folder of CSV files: choose CSV.',
    path: ['format'],
  });

const reportValue = z.union([z.number(), z.string().max(500), z.null()]);

export const interceptReportSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    project: z.string().max(300).optional(),
    format: z.enum(['csv', 'xlsx']),
    path: serverPath.optional(),
    overwrite: z.boolean().optional(),
    table: z
      .object({
        header: z.array(z.string().max(200)).min(1).max(60),
        rows: z
          .array(
            z
              .object({
                kind: z.enum(['hole', 'and', 'including']),
                cells: z.array(z.string().max(500)).max(60),
                values: z.array(reportValue).max(60),
              })
              .strict(),
          )
          .max(20_000),
        notes: z.array(z.string().max(2000)).max(50),
      })
      .strict(),
    statement: z
      .object({
        sentences: z.array(z.string().max(4000)).max(100),
        warnings: z.array(z.string().max(4000)).max(50).optional(),
      })
      .strict(),
    parameters: z
      .array(
        z.object({ name: z.string().max(200), value: z.union([z.string().max(2000), z.number()]) }).strict(),
      )
      .max(200)
      .optional(),
  })
  .strict();

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
  'export.interceptReport': call<ExportResult>()(interceptReportSchema),
} satisfies Record<ApiMethod, { input: z.ZodType; output: unknown }>;

export type Contract = typeof contract;
export type ApiInput<K extends ApiMethod> = z.input<Contract[K]['input']>;
export type ApiParsedInput<K extends ApiMethod> = z.output<Contract[K]['input']>;
export type ApiOutput<K extends ApiMethod> = Contract[K]['output'];
