// Input schemas of the plan map and cross-section calls.
import { z } from 'zod';

const coordinate = (label: string) =>
  z.number({ error: `Give the ${label} as a number.` }).finite(`The ${label} must be a finite number.`);

const planPoint = (end: string) =>
  z.object({ x: coordinate(`easting of ${end}`), y: coordinate(`northing of ${end}`) }).strict();

export const sectionLineSchema = z
  .object({
    start: planPoint('A'),
    end: planPoint('B'),
    halfWidth: coordinate('half-width').positive('The half-width must be more than zero.'),
  })
  .strict()
  .refine((line) => line.start.x !== line.end.x || line.start.y !== line.end.y, {
    message: 'The two ends of the section are at the same place; draw a longer line.',
    path: ['end'],
  });

const lineName = z
  .string()
  .trim()
  .min(1, 'A section line needs a name.')
  .max(100, 'A section line name is at most 100 characters.');

export const tracesRequestSchema = z
  .object({
    /** Largest distance between a drawn trace and the desurveyed path, in the project's length unit. */
    tolerance: z.number().positive().max(100).default(0.25),
  })
  .strict();

export const intervalsRequestSchema = z
  .object({
    id: z.number({ error: 'Give the run number.' }).int().positive('Run numbers start at 1.'),
    /** Only these holes (e.g. the holes on a section); all when absent. */
    holes: z.array(z.string().min(1)).max(50_000).optional(),
    /** Composites: the analyte to colour by (default the first). */
    analyte: z.string().min(1).optional(),
  })
  .strict();

export const saveSectionLineSchema = z.object({ name: lineName, line: sectionLineSchema }).strict();
export const deleteSectionLineSchema = z.object({ name: lineName }).strict();

/** Figures a report may include: the plan, and a section along a line. */
export const reportFiguresSchema = z
  .object({
    plan: z.boolean().default(true),
    section: sectionLineSchema.nullable().default(null),
    sectionName: z.string().max(100).optional(),
  })
  .strict();
