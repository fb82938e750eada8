// Parameters of intercept, composite and desurvey runs as zod schemas, with messages a geologist can act
// on. Each kind has a field shape without defaults (so overrides merged onto a saved preset do not reset
// what the preset says) and a full schema that fills the optional fields with their defaults.
import { z } from 'zod';
import { reportFiguresSchema } from './section-schemas';
import { ANALYTE_UNITS } from '../domain/model';

const BDL_RULES = ['half', 'dl', 'zero', 'missing'] as const;

function numberField(label: string) {
  return z.number({
    error: (issue) =>
      issue.input === undefined
        ? `Give the ${label}.`
        : `The ${label} must be a number, not ${JSON.stringify(issue.input)}.`,
  });
}

const finite = (label: string) => numberField(label).finite(`The ${label} must be a finite number.`);
const atLeastZero = (label: string) => finite(label).min(0, `The ${label} cannot be negative.`);
const positive = (label: string) => finite(label).positive(`The ${label} must be more than zero.`);

const holeList = z
  .array(z.string().min(1, 'A hole ID cannot be empty.'), { error: 'Holes are a list of hole IDs.' })
  .min(1, 'Give at least one hole, or leave holes empty for every hole.')
  .nullable();

const analyteList = z
  .array(z.string().trim().min(1, 'An analyte code cannot be empty.'))
  .min(1, 'Give at least one analyte, or leave analytes empty for the default.')
  .nullable();

const includingSchema = z
  .object({
    cutoff: finite('including cutoff'),
    minLength: atLeastZero('including minimum length'),
    maxDilution: atLeastZero('including maximum internal dilution'),
    minGrade: finite('including minimum grade').nullable().optional(),
  })
  .strict();

const planeSchema = z
  .object({
    dip: finite('plane dip')
      .min(0, 'The plane dip is 0 to 90 degrees below horizontal.')
      .max(90, 'The plane dip is 0 to 90 degrees below horizontal.'),
    dipDirection: finite('plane dip direction')
      .min(0, 'The dip direction is an azimuth from 0 to less than 360 degrees.')
      .lt(360, 'The dip direction is an azimuth from 0 to less than 360 degrees.'),
  })
  .strict();

export const interceptFields = {
  grade: z
    .string({ error: 'Give a grade expression, e.g. Zn + Pb.' })
    .trim()
    .min(1, 'Give a grade expression, e.g. Zn + Pb.')
    .max(500, 'The grade expression is too long.'),
  // Null: the unit the expression's analytes share (refused when they differ). Runs saved before this
  // field existed have none: see run-verify.ts.
  gradeUnit: z
    .enum(ANALYTE_UNITS, {
      error: `The grade unit is one of ${ANALYTE_UNITS.join(', ')}, or empty for the analytes' own unit.`,
    })
    .nullable(),
  cutoff: finite('cutoff grade'),
  minLength: atLeastZero('minimum length'),
  maxDilution: atLeastZero('maximum internal dilution'),
  minGrade: finite('minimum grade').nullable(),
  minGradeLength: atLeastZero('minimum grade x length').nullable(),
  weighting: z.enum(['length', 'density'], { error: 'Weighting is length or density.' }),
  defaultDensity: positive('default density').nullable(),
  bdl: z.enum(BDL_RULES, { error: 'The below-detection rule is half, dl, zero or missing.' }),
  unsampled: z.enum(['zero', 'break'], {
    error: 'Unsampled material counts as zero or breaks an intercept.',
  }),
  caps: z.record(z.string().min(1, 'A cap needs an analyte code.'), positive('cap')),
  including: includingSchema.nullable(),
  plane: planeSchema.nullable(),
  holes: holeList,
  analytes: analyteList,
  metalEquivalentBasis: z.string().max(1000).nullable(),
  laboratory: z.string().max(200).nullable(),
  depthDecimals: z.number().int().min(0).max(4, 'Depths are shown with 0 to 4 decimals.'),
  gradeDecimals: z.number().int().min(0).max(6, 'Grades are shown with 0 to 6 decimals.'),
};

export const interceptOverridesSchema = z.object(interceptFields).partial().strict();

export const interceptParamsSchema = z
  .object({
    ...interceptFields,
    gradeUnit: interceptFields.gradeUnit.default(null),
    minGrade: interceptFields.minGrade.default(null),
    minGradeLength: interceptFields.minGradeLength.default(null),
    weighting: interceptFields.weighting.default('length'),
    defaultDensity: interceptFields.defaultDensity.default(null),
    bdl: interceptFields.bdl.default('half'),
    unsampled: interceptFields.unsampled.default('zero'),
    caps: interceptFields.caps.default({}),
    including: interceptFields.including.default(null),
    plane: interceptFields.plane.default(null),
    holes: interceptFields.holes.default(null),
    analytes: interceptFields.analytes.default(null),
    metalEquivalentBasis: interceptFields.metalEquivalentBasis.default(null),
    laboratory: interceptFields.laboratory.default(null),
    depthDecimals: interceptFields.depthDecimals.default(1),
    gradeDecimals: interceptFields.gradeDecimals.default(2),
  })
  .strict()
  .superRefine((params, context) => {
    if (params.including && params.including.cutoff <= params.cutoff) {
      context.addIssue({
        code: 'custom',
        path: ['including', 'cutoff'],
        message: `The including cutoff (${params.including.cutoff}) must be above the cutoff (${params.cutoff}): an including interval is a higher-grade part of an intercept.`,
      });
    }
  });

export type InterceptParams = z.output<typeof interceptParamsSchema>;
export type InterceptOverrides = z.input<typeof interceptOverridesSchema>;

export const compositeFields = {
  length: positive('composite length'),
  anchor: z.enum(['collar', 'first-sample'], {
    error: 'Anchor composites at the collar or the first sample.',
  }),
  residual: z.enum(['drop-short', 'keep', 'merge'], {
    error: 'The last short piece is drop-short, keep or merge.',
  }),
  missing: z.enum(['exclude', 'zero'], { error: 'Missing grades are excluded or counted as zero.' }),
  bdl: z.enum(BDL_RULES, { error: 'The below-detection rule is half, dl, zero or missing.' }),
  weighting: z.enum(['length', 'density'], { error: 'Weighting is length or density.' }),
  defaultDensity: positive('default density').nullable(),
  analytes: analyteList,
  domains: z.boolean({ error: 'Restart at lithology boundaries is true or false.' }),
  holes: holeList,
};

export const compositeOverridesSchema = z.object(compositeFields).partial().strict();

export const compositeParamsSchema = z
  .object({
    ...compositeFields,
    anchor: compositeFields.anchor.default('collar'),
    residual: compositeFields.residual.default('drop-short'),
    missing: compositeFields.missing.default('exclude'),
    bdl: compositeFields.bdl.default('half'),
    weighting: compositeFields.weighting.default('length'),
    defaultDensity: compositeFields.defaultDensity.default(null),
    analytes: compositeFields.analytes.default(null),
    domains: compositeFields.domains.default(false),
    holes: compositeFields.holes.default(null),
  })
  .strict();

export type CompositeParams = z.output<typeof compositeParamsSchema>;
export type CompositeOverrides = z.input<typeof compositeOverridesSchema>;

export const desurveyFields = {
  step: positive('station step').nullable(),
  holes: holeList,
};

export const desurveyOverridesSchema = z.object(desurveyFields).partial().strict();

export const desurveyParamsSchema = z
  .object({
    step: desurveyFields.step.default(null),
    holes: desurveyFields.holes.default(null),
  })
  .strict();

export type DesurveyParams = z.output<typeof desurveyParamsSchema>;

const presetName = z
  .string()
  .trim()
  .min(1, 'A preset needs a name.')
  .max(100, 'A preset name is at most 100 characters.');

/** A start request: a saved preset, parameters, or a preset with some parameters overridden. */
function startRequest<T extends z.ZodType>(overrides: T) {
  return z
    .object({ preset: presetName.optional(), params: overrides.optional() })
    .strict()
    .refine((request) => request.preset !== undefined || request.params !== undefined, {
      message: 'Give parameters, a preset name, or both.',
    });
}

export const interceptStartSchema = startRequest(interceptOverridesSchema);
export const compositeStartSchema = startRequest(compositeOverridesSchema);
/** Desurvey has no presets: its only parameters are the step and the holes. */
export const desurveyStartSchema = z.object({ params: desurveyOverridesSchema.optional() }).strict();

export const PRESET_KINDS = ['intercepts', 'composites'] as const;

export const presetSaveSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('intercepts'),
      name: presetName,
      description: z.string().max(1000).nullable().optional(),
      params: interceptParamsSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('composites'),
      name: presetName,
      description: z.string().max(1000).nullable().optional(),
      params: compositeParamsSchema,
    })
    .strict(),
]);

export const RUN_KIND_VALUES = ['intercepts', 'composites', 'desurvey'] as const;

export const runExportSchema = z
  .object({
    id: z.number().int().positive(),
    /** Where to write on this computer; absent, the server writes a temporary file offered for download. */
    path: z
      .string()
      .trim()
      .min(1, 'Give the file to write, e.g. /home/me/intercepts.xlsx.')
      .refine((path) => /\.(csv|xlsx)$/i.test(path), 'The file name must end in .csv or .xlsx.')
      .optional(),
    /** The format of a download (without a path); a path's own extension decides otherwise. */
    format: z.enum(['csv', 'xlsx']).optional(),
    content: z.enum(['results', 'report']).default('results'),
    overwrite: z.boolean().default(false),
    /** The report's plan and section figures: a Figures sheet in the workbook and SVG files beside it. */
    figures: reportFiguresSchema.optional(),
  })
  .strict()
  .refine((request) => request.path !== undefined || request.format !== undefined, {
    message: 'Give the file to write (path), or the format (csv or xlsx) to download it.',
    path: ['format'],
  })
  .refine(
    (request) =>
      request.path === undefined ||
      request.format === undefined ||
      request.path.toLowerCase().endsWith(`.${request.format}`),
    { message: 'The file name and the format disagree: give one of them.', path: ['format'] },
  );
