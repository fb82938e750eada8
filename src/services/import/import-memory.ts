// What the import wizard remembers between imports: each file layout's mapping and options, saved in the
// import's own transaction and audited in its change set. Also turns the request's result codes into the
// lookup the lab-value reader takes.
import type { ImportFileSpec, ImportRequest } from '../../api/import-types';
import type { CodeFlag } from '../../domain/assay-values';
import type { CsvDialect, TextEncoding } from '../../domain/csv/sniff';
import { headerSignature } from '../../domain/import/file-analysis';
import type { ColumnMapping, MappingOverrides } from '../../domain/import/header-mapping';
import type { AssayFlag } from '../../domain/model';
import type { AuditEntry } from '../../storage/audit';
import { saveMapping } from '../../storage/import-mappings-store';
import type { Database } from '../../storage/project-db';

export interface UsedMapping {
  spec: ImportFileSpec;
  header: readonly string[];
  mapping: ColumnMapping;
  dialect: CsvDialect;
  sheet: string | null;
  encoding: TextEncoding;
}

/** The options saved with a mapping and offered again with it. */
export interface RememberedOptions {
  lengthUnit?: ImportRequest['lengthUnit'];
  dipConvention?: ImportRequest['dipConvention'];
  negativeIsBelowDetection?: boolean;
  resultCodes?: Record<string, CodeFlag>;
  delimiter?: string;
  decimalComma?: boolean;
  encoding?: TextEncoding;
  sheet?: string;
}

export function resultCodeMap(
  codes: Record<string, CodeFlag> | undefined,
): Map<string, AssayFlag> | undefined {
  if (!codes) return undefined;
  const map = new Map<string, AssayFlag>();
  for (const [text, flag] of Object.entries(codes)) {
    const key = text.trim().toUpperCase();
    if (key !== '') map.set(key, flag);
  }
  return map.size > 0 ? map : undefined;
}

/** The mapping as it was applied, written as overrides so it maps the same file the same way again. */
export function resolvedOverrides(used: UsedMapping): MappingOverrides {
  const columns: Record<string, string> = {};
  for (const [field, column] of Object.entries(used.mapping.fields)) {
    const header = used.header[column];
    if (header !== undefined) columns[field] = header.trim();
  }
  const analytes: NonNullable<MappingOverrides['analytes']> = {};
  for (const analyte of used.mapping.analytes) {
    analytes[analyte.header] = analyte.unit
      ? { code: analyte.code, unit: analyte.unit }
      : { code: analyte.code };
  }
  const overrides: MappingOverrides = { columns, analytes };
  if (used.spec.mapping?.ignore?.length) overrides.ignore = [...used.spec.mapping.ignore];
  return overrides;
}

export function rememberMappings(
  db: Database,
  used: readonly UsedMapping[],
  request: ImportRequest,
  osUser: string,
  audit: (entry: AuditEntry) => void,
): void {
  for (const entry of used) {
    const options: RememberedOptions = {
      lengthUnit: request.lengthUnit,
      dipConvention: request.dipConvention,
      negativeIsBelowDetection: request.negativeIsBelowDetection,
      resultCodes: request.resultCodes,
      delimiter: entry.dialect.delimiter,
      decimalComma: entry.dialect.decimalComma,
      encoding: entry.encoding,
      sheet: entry.sheet ?? undefined,
    };
    const saved = saveMapping(db, {
      headerSignature: headerSignature(entry.header),
      kind: entry.spec.kind,
      mapping: resolvedOverrides(entry),
      options,
      savedBy: osUser,
    });
    audit({
      action: saved.before ? 'update' : 'insert',
      table: 'import_mappings',
      rowId: saved.after.id,
      column: null,
      oldValue: saved.before
        ? { kind: saved.before.kind, mapping: saved.before.mapping, options: saved.before.options }
        : null,
      newValue: { kind: saved.after.kind, mapping: saved.after.mapping, options: saved.after.options },
    });
  }
}
