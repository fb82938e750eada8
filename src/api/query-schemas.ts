// Sorting and filtering of a table view, shared by grid pages and exports.
import { z } from 'zod';

export const identifier = z.string().min(1).max(64);

export const sortSchema = z.object({ column: identifier, direction: z.enum(['asc', 'desc']) });

export const filterSchema = z.object({
  column: identifier,
  op: z.enum(['equals', 'contains', 'startsWith', 'lessThan', 'greaterThan', 'between', 'blank', 'notBlank']),
  value: z.union([z.string(), z.number()]).optional(),
  valueTo: z.union([z.string(), z.number()]).optional(),
});
