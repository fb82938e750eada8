// The files of an import as row sources: delimited text read directly, XLSX workbooks spooled first
// (asynchronously, before the engine's transaction starts) so both go through the same row pipeline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportFileSpec } from '../../api/import-types';
import type { AssaySourceSpec } from './assay-stream';
import { openDelimitedFile, type DelimitedFile } from './delimited-file';
import { FileReadError } from './text-source';
import { looksLikeXls, looksLikeXlsx, openXlsxSpool, spoolXlsxSheet } from './xlsx-source';

export interface RowSource extends DelimitedFile {
  format: 'csv' | 'xlsx';
  sheet: string | null;
  /** How a reader thread opens the same rows again. */
  workerSpec: AssaySourceSpec;
}

type SourceSpec = Pick<ImportFileSpec, 'path' | 'dialect' | 'encoding' | 'sheet'>;

export function fileFormat(path: string): 'csv' | 'xlsx' {
  try {
    if (looksLikeXlsx(path)) return 'xlsx';
    if (looksLikeXls(path)) {
      throw new FileReadError(
        path,
        `${path} is an old binary Excel file (.xls). Open it in Excel and save it as .xlsx or CSV, then import that.`,
      );
    }
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    // Unreadable files are reported by the CSV reader with the reason.
  }
  return 'csv';
}

const sheetKey = (path: string, sheet: string | undefined) => `${path}\u0000${sheet ?? ''}`;

/** XLSX sheets prepared for one import; delimited files need no preparation. */
export class ImportSources {
  private readonly spools = new Map<string, { path: string; sheet: string }>();
  private directory: string | null = null;

  /** Spools every XLSX file of the request. Progress counts rows converted. */
  static async prepare(
    files: readonly SourceSpec[],
    onRows?: (file: string, rows: number) => void,
  ): Promise<ImportSources> {
    const sources = new ImportSources();
    try {
      for (const file of files) {
        if (fileFormat(file.path) !== 'xlsx') continue;
        const key = sheetKey(file.path, file.sheet);
        if (sources.spools.has(key)) continue;
        sources.directory ??= mkdtempSync(join(tmpdir(), 'drillbench-xlsx-'));
        const spool = join(sources.directory, `${sources.spools.size}.jsonl`);
        const visit = await spoolXlsxSheet(file.path, file.sheet, spool, (rows) => onRows?.(file.path, rows));
        sources.spools.set(key, { path: spool, sheet: visit.sheet });
      }
    } catch (error) {
      sources.close();
      throw error;
    }
    return sources;
  }

  open(file: SourceSpec): RowSource {
    const spool = this.spools.get(sheetKey(file.path, file.sheet));
    if (spool) {
      const label = `${file.path} [${spool.sheet}]`;
      const source = openXlsxSpool(spool.path, label);
      return {
        ...source,
        format: 'xlsx',
        sheet: spool.sheet,
        workerSpec: { format: 'spool', path: spool.path, label },
      };
    }
    if (fileFormat(file.path) === 'xlsx') {
      throw new FileReadError(
        file.path,
        // Reached when a caller skipped ImportSources.prepare: say what the file is, not how the code failed.
        `${file.path} is an Excel workbook, not a delimited text file; import it through drillbench import or the Import view, which read workbooks.`,
      );
    }
    const opened = openDelimitedFile(file.path, { dialect: file.dialect, encoding: file.encoding });
    return {
      ...opened,
      format: 'csv',
      sheet: null,
      workerSpec: { format: 'csv', path: file.path, dialect: opened.dialect, encoding: opened.encoding },
    };
  }

  /** Removes the spooled sheets. */
  close(): void {
    if (this.directory) rmSync(this.directory, { recursive: true, force: true });
    this.directory = null;
    this.spools.clear();
  }
}
