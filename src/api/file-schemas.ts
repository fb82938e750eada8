// Input schemas of the calls that read and write files: imports (CLI, API, wizard), the desktop app's
// paths, lab certificates, method priorities and exports. Listed with their calls in contract.ts.
import { z } from 'zod';
import { ANALYTE_UNITS, DIP_CONVENTIONS, LENGTH_UNITS } from '../domain/model';
import { CODE_FLAGS } from '../domain/assay-values';
import { TEXT_ENCODINGS } from '../domain/csv/sniff';
import { FILE_KINDS } from '../domain/import/header-mapping';
import { ASSAY_VALUE_MODES, EXPORT_TABLES } from '../domain/export/export-tables';
import { PROJECT_FILE_EXTENSION } from './desktop-types';
import { filterSchema, sortSchema } from './query-schemas';

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
          name: z.string().min(1).max(255).optional(),
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
    convertUnits: z.union([z.literal('all'), z.array(z.string().min(1).max(64)).max(500)]).optional(),
    dryRun: z.boolean().optional(),
    allOrNothing: z.boolean().optional(),
  })
  .strict();

// Desktop app (issue 6): paths are full paths because the app and the user's shell may have different
// working folders.
const ABSOLUTE_PATH = /^(?:\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\)/;

export const absolutePathSchema = z
  .string()
  .min(1, 'Give a file path.')
  .max(4096)
  .refine((path) => !path.includes('\0'), 'A file path cannot contain a null character.')
  .refine(
    (path) => ABSOLUTE_PATH.test(path),
    'Give the full path of the file, e.g. /home/me/camp.drillbench or C:\\Projects\\camp.drillbench.',
  );

export const projectPathSchema = absolutePathSchema.refine(
  (path) => path.toLowerCase().endsWith(PROJECT_FILE_EXTENSION),
  `A drillbench project file name ends in ${PROJECT_FILE_EXTENSION}.`,
);
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
