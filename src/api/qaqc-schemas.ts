// Input schemas of the QA/QC calls (standards table, settings, reports), listed in contract.ts.
import { z } from 'zod';

const figure = z.union([z.number(), z.string().max(40)]);

export const standardSaveSchema = z
  .object({
    id: z.number().int().positive().optional(),
    code: z.string().max(64, 'A standard code holds at most 64 characters.'),
    analyte: z.string().max(40),
    value: figure,
    sd: figure,
    unit: z.string().max(10).optional(),
    source: z.string().max(500).nullable().optional(),
  })
  .strict();

export const standardsImportSchema = z
  .object({
    path: z.string().min(1, 'Give the path of the standards file.').max(4096, 'That path is too long.'),
    dryRun: z.boolean().optional(),
    sheet: z.string().min(1).max(100).optional(),
  })
  .strict();

const factor = (what: string) =>
  z
    .number({ error: `Give the ${what} factor as a number.` })
    .positive(`The ${what} factor is a number above 0.`)
    .max(1000, `A ${what} factor above 1000 would judge nothing.`);

export const qaqcSettingsSchema = z
  .object({ blankFactor: factor('blank').optional(), duplicateFactor: factor('duplicate').optional() })
  .strict();

export const qaqcReportSchema = z
  .object({
    analyte: z.string().min(1, 'Choose an analyte.').max(40),
    standard: z.string().min(1).max(64).optional(),
  })
  .strict();

export const detectionLimitSchema = z
  .object({
    analyte: z.string().min(1).max(40),
    limit: z.number().positive('A detection limit is a number above 0.').nullable(),
  })
  .strict();
