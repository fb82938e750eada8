// The import wizard's state: the files picked or dropped, what the server saw in each (preview), the
// user's choices per file (kind, dialect, sheet, column roles) and for the whole import, and how that
// becomes the request the engine runs.
import type { ImportRequest } from '../../api/import-types';
import type { FilePreview } from '../../api/import-wizard-types';
import type { CodeFlag } from '../../domain/assay-values';
import type { TextEncoding } from '../../domain/csv/sniff';
import { FILE_FIELDS, type FileKind } from '../../domain/import/header-mapping';
import type { AnalyteUnit, DipConvention, LengthUnit } from '../../domain/model';

export type WizardKind = FileKind | 'certificate';

/** What a column becomes: a field of the file's kind, an assay column, or nothing. */
export type ColumnRole =
  | { role: 'field'; field: string }
  | { role: 'analyte'; code: string; unit: AnalyteUnit | '' }
  | { role: 'ignore' };

export interface WizardFile {
  key: string;
  path: string;
  name: string;
  size: number;
  uploaded: boolean;
  loading: boolean;
  error: string | null;
  preview: FilePreview | null;
  kind: WizardKind | null;
  encoding?: TextEncoding;
  delimiter?: string;
  decimalComma?: boolean;
  sheet?: string;
  /** Role per header, in header order. */
  roles: ColumnRole[];
}

export interface WizardOptions {
  lengthUnit: LengthUnit;
  /** Null until chosen when the files' holes disagree about which sign is down. */
  dipConvention: DipConvention | null;
  negativeIsBelowDetection: boolean;
  resultCodes: Record<string, CodeFlag>;
  rememberMapping: boolean;
  allOrNothing: boolean;
  /** Which options the user set by hand (hints and remembered options then leave them alone). */
  touched: Partial<Record<'lengthUnit' | 'dipConvention' | 'negativeIsBelowDetection', boolean>>;
}

/** Column roles as the server mapped the file. */
export function rolesFromPreview(preview: FilePreview): ColumnRole[] {
  const fieldOf = new Map(Object.entries(preview.fields).map(([field, header]) => [header, field]));
  const analyteOf = new Map(preview.analytes.map((analyte) => [analyte.header, analyte]));
  return preview.header.map((header) => {
    const field = fieldOf.get(header);
    if (field) return { role: 'field', field };
    const analyte = analyteOf.get(header.trim());
    if (analyte) return { role: 'analyte', code: analyte.code, unit: analyte.unit ?? '' };
    return { role: 'ignore' };
  });
}

export function fieldsOf(kind: FileKind): readonly string[] {
  return FILE_FIELDS[kind];
}

/** What the wizard still needs from the user before this file can be imported; empty when ready. */
export function fileProblems(file: WizardFile): string[] {
  if (file.loading) return ['still reading the file'];
  if (file.error) return [file.error];
  if (!file.preview || !file.kind) return ['choose what the file holds'];
  if (file.kind === 'certificate') return [];
  const problems: string[] = [];
  const mapped = new Map<string, number>();
  for (const role of file.roles)
    if (role.role === 'field') mapped.set(role.field, (mapped.get(role.field) ?? 0) + 1);
  const required: Record<FileKind, string[]> = {
    collars: ['hole_id'],
    surveys: ['hole_id', 'depth', 'azimuth', 'dip'],
    assays: ['hole_id', 'depth_from', 'depth_to'],
    lithology: ['hole_id', 'depth_from', 'depth_to', 'code'],
  };
  const missing = required[file.kind].filter((field) => !mapped.has(field));
  if (missing.length > 0) problems.push(`choose the column for ${missing.join(', ')}`);
  const twice = [...mapped].filter(([, count]) => count > 1).map(([field]) => field);
  if (twice.length > 0) problems.push(`${twice.join(', ')} is chosen for more than one column`);
  const noUnit = file.roles.flatMap((role, index) =>
    role.role === 'analyte' && role.unit === '' ? [file.preview!.header[index]] : [],
  );
  if (noUnit.length > 0) problems.push(`give the unit of ${noUnit.join(', ')}`);
  return problems;
}

/** The engine's request for the data files (certificates go their own way). */
export function importRequest(
  files: readonly WizardFile[],
  options: WizardOptions,
  dryRun: boolean,
): ImportRequest {
  return {
    files: files
      .filter((file) => file.kind !== null && file.kind !== 'certificate' && file.preview)
      .map((file) => {
        const header = file.preview!.header;
        const columns: Record<string, string> = {};
        const analytes: Record<string, { code?: string; unit?: AnalyteUnit }> = {};
        const ignore: string[] = [];
        file.roles.forEach((role, index) => {
          const name = header[index]!;
          if (role.role === 'field') columns[role.field] = name;
          else if (role.role === 'analyte')
            analytes[name.trim()] = {
              code: role.code || undefined,
              unit: role.unit === '' ? undefined : role.unit,
            };
          else if (name.trim() !== '') ignore.push(name.trim());
        });
        return {
          kind: file.kind as FileKind,
          path: file.path,
          ...(file.sheet ? { sheet: file.sheet } : {}),
          ...(file.encoding ? { encoding: file.encoding } : {}),
          dialect: { delimiter: file.preview!.delimiter, decimalComma: file.preview!.decimalComma },
          mapping: { columns, analytes, ignore },
        };
      }),
    lengthUnit: options.lengthUnit,
    dipConvention: options.dipConvention ?? undefined,
    negativeIsBelowDetection: options.negativeIsBelowDetection,
    resultCodes: Object.keys(options.resultCodes).length > 0 ? options.resultCodes : undefined,
    rememberMapping: options.rememberMapping,
    allOrNothing: options.allOrNothing,
    dryRun,
  };
}

/**
 * Why the dip sign must be chosen by hand, or null: the holes of a collar or survey file disagree about
 * which sign is down, or two files point different ways. The engine would refuse to guess, so the
 * wizard asks.
 */
export function dipChoiceNeeded(files: readonly WizardFile[]): string | null {
  const hints = files.flatMap((file) => {
    const hint =
      file.kind === 'collars' || file.kind === 'surveys' ? file.preview?.hints.dipConvention : null;
    return hint && hint.dips > 0 ? [{ name: file.name, hint }] : [];
  });
  const unclear = hints.find(({ hint }) => hint.convention === null);
  if (unclear) return `the holes in ${unclear.name} disagree about which dip sign is down`;
  const signs = new Set(hints.map(({ hint }) => hint.convention));
  if (signs.size > 1) return 'the files point different ways (see the dip hints)';
  return null;
}

export function delimiterName(delimiter: string): string {
  switch (delimiter) {
    case ',':
      return 'comma';
    case ';':
      return 'semicolon';
    case '\t':
      return 'tab';
    case '|':
      return 'pipe';
    default:
      return `"${delimiter}"`;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
