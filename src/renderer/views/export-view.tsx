// The Export view: a table (optionally one hole, filtered and sorted like a grid view), the whole project,
// or the Leapfrog/Datamine CSV set, to CSV or XLSX. Runs as a job with progress and Cancel; the file is
// downloaded, or written to a path on this computer when one is given.
import { useCallback, useState } from 'react';
import type { ExportResult } from '../../api/export-types';
import type { JobStatus } from '../../api/types';
import {
  ASSAY_VALUE_MODES,
  ASSAY_VALUE_RULES,
  EXPORT_TABLE_TITLES,
  EXPORT_TABLES,
  VIEW_TABLES,
  type AssayValueMode,
  type ExportTable,
} from '../../domain/export/export-tables';
import type { DataTable, DipConvention, LengthUnit } from '../../domain/model';
import { fieldHeader, TABLE_FIELDS } from '../../domain/table-fields';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import { JobProgress, useJob } from '../components/job-progress';
import { formatBytes } from './import-model';

type What = ExportTable | 'project' | 'leapfrog';
type FilterOp = 'equals' | 'contains' | 'lessThan' | 'greaterThan';

const isView = (what: What): what is DataTable => (VIEW_TABLES as readonly string[]).includes(what);

export function ExportView({ lengthUnit }: { lengthUnit: LengthUnit }) {
  const [what, setWhat] = useState<What>('samples');
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const [assayValues, setAssayValues] = useState<AssayValueMode | ''>('');
  const [dips, setDips] = useState<DipConvention>('negative-down');
  const [holeId, setHoleId] = useState('');
  const [filter, setFilter] = useState<{ column: string; op: FilterOp; value: string }>({
    column: '',
    op: 'equals',
    value: '',
  });
  const [sort, setSort] = useState<{ column: string; direction: 'asc' | 'desc' }>({
    column: '',
    direction: 'asc',
  });
  const [path, setPath] = useState('');
  const [job, setJob] = useState<JobStatus | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const finished = useCallback((status: JobStatus<ExportResult>) => {
    setJob(null);
    if (status.state === 'done' && status.result) setResult(status.result);
    else setError(status.error?.message ?? `The export ${status.state}.`);
  }, []);
  const status = useJob<ExportResult>(job, finished);
  const csvOnly = what === 'leapfrog';
  const effectiveFormat = csvOnly ? 'csv' : format;
  // Filter and sort lists show each column as its grid does ("From (m)"); the API gets its name.
  const columns = isView(what)
    ? TABLE_FIELDS[what].map((field) => ({
        name: field.kind === 'hole-ref' ? 'hole_id' : field.key,
        label: fieldHeader(field, lengthUnit),
      }))
    : [];

  const start = () => {
    setError(null);
    setResult(null);
    const value = filter.value.trim();
    const target =
      what === 'project' || what === 'leapfrog'
        ? { kind: what }
        : {
            kind: 'table' as const,
            table: what,
            ...(isView(what) && holeId.trim() ? { holeId: holeId.trim() } : {}),
            ...(isView(what) && filter.column && value !== ''
              ? {
                  filters: [
                    {
                      column: filter.column,
                      op: filter.op,
                      value: filter.op === 'lessThan' || filter.op === 'greaterThan' ? Number(value) : value,
                    },
                  ],
                }
              : {}),
            ...(isView(what) && sort.column
              ? { sort: [{ column: sort.column, direction: sort.direction }] }
              : {}),
          };
    api['export.start']({
      target,
      format: effectiveFormat,
      path: path.trim() || undefined,
      assayValues: assayValues || undefined,
      dipConvention: what === 'leapfrog' ? dips : undefined,
    }).then(setJob, (failure: unknown) => setError(describeError(failure)));
  };

  return (
    <section className="export-view" aria-label="Export">
      <header className="view-header">
        <h1>Export</h1>
        <p>
          Tables, views or the whole project to CSV or Excel; the drill-hole set Leapfrog and Datamine load.
        </p>
      </header>
      <div className="option-row">
        <label>
          What{' '}
          <select
            aria-label="What to export"
            value={what}
            onChange={(event) => setWhat(event.target.value as What)}
          >
            {EXPORT_TABLES.map((table) => (
              <option key={table} value={table}>
                {EXPORT_TABLE_TITLES[table]}
              </option>
            ))}
            <option value="project">Whole project (every table)</option>
            <option value="leapfrog">Leapfrog / Datamine drill-hole CSV set</option>
          </select>
        </label>
        <fieldset className="format-choice">
          <legend>Format</legend>
          <label>
            <input
              type="radio"
              name="format"
              checked={effectiveFormat === 'xlsx'}
              disabled={csvOnly}
              onChange={() => setFormat('xlsx')}
            />{' '}
            Excel (.xlsx)
          </label>
          <label>
            <input
              type="radio"
              name="format"
              checked={effectiveFormat === 'csv'}
              onChange={() => setFormat('csv')}
            />{' '}
            CSV
            {what === 'project' || what === 'leapfrog' ? ' (a .zip of one file per table)' : ''}
          </label>
        </fieldset>
      </div>
      {isView(what) && (
        <div className="option-row" aria-label="View">
          <label>
            Only hole <input value={holeId} onChange={(event) => setHoleId(event.target.value)} size={12} />
          </label>
          <label>
            Filter{' '}
            <select
              aria-label="Filter column"
              value={filter.column}
              onChange={(event) => setFilter({ ...filter, column: event.target.value })}
            >
              <option value="">(none)</option>
              {columns.map((column) => (
                <option key={column.name} value={column.name}>
                  {column.label}
                </option>
              ))}
            </select>
          </label>
          <select
            aria-label="Filter operator"
            value={filter.op}
            onChange={(event) => setFilter({ ...filter, op: event.target.value as FilterOp })}
          >
            <option value="equals">equals</option>
            <option value="contains">contains</option>
            <option value="lessThan">less than</option>
            <option value="greaterThan">greater than</option>
          </select>
          <input
            aria-label="Filter value"
            value={filter.value}
            onChange={(event) => setFilter({ ...filter, value: event.target.value })}
            size={10}
          />
          <label>
            Sort by{' '}
            <select
              aria-label="Sort column"
              value={sort.column}
              onChange={(event) => setSort({ ...sort, column: event.target.value })}
            >
              <option value="">(hole, depth)</option>
              {columns.map((column) => (
                <option key={column.name} value={column.name}>
                  {column.label}
                </option>
              ))}
            </select>
          </label>
          <select
            aria-label="Sort direction"
            value={sort.direction}
            onChange={(event) => setSort({ ...sort, direction: event.target.value as 'asc' | 'desc' })}
          >
            <option value="asc">ascending</option>
            <option value="desc">descending</option>
          </select>
        </div>
      )}
      {(what === 'samples' || what === 'project' || what === 'leapfrog') && (
        <div className="option-row">
          <label>
            Assay results{' '}
            <select
              aria-label="Assay values"
              value={assayValues}
              onChange={(event) => setAssayValues(event.target.value as AssayValueMode | '')}
            >
              <option value="">default ({what === 'leapfrog' ? 'half' : 'lab'})</option>
              {ASSAY_VALUE_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {mode}
                </option>
              ))}
            </select>
          </label>
          <span className="hint">
            {ASSAY_VALUE_RULES[assayValues || (what === 'leapfrog' ? 'half' : 'lab')]}.
          </span>
        </div>
      )}
      {what === 'leapfrog' && (
        <div className="option-row">
          <label>
            Dips{' '}
            <select
              aria-label="Dip convention of the set"
              value={dips}
              onChange={(event) => setDips(event.target.value as DipConvention)}
            >
              <option value="negative-down">negative down (Leapfrog)</option>
              <option value="positive-down">positive down (Datamine)</option>
            </select>
          </label>
        </div>
      )}
      <div className="option-row">
        <label>
          Save to a path on this computer (optional){' '}
          <input
            value={path}
            onChange={(event) => setPath(event.target.value)}
            size={50}
            placeholder="leave empty to download"
          />
        </label>
        <button type="button" className="primary" disabled={job !== null} onClick={start}>
          Export
        </button>
      </div>
      <JobProgress status={status} label="Export" />
      {error && (
        <div role="alert" className="error-banner">
          {error}
        </div>
      )}
      {result && (
        <div className="export-result" role="status" aria-label="Export result">
          <p>
            Wrote {result.name} ({formatBytes(result.bytes)}):{' '}
            {Object.entries(result.rows)
              .map(([table, rows]) => `${table} ${(rows ?? 0).toLocaleString('en')}`)
              .join(', ')}
            .
          </p>
          {result.notes.map((note) => (
            <p key={note} className="hint">
              {note}
            </p>
          ))}
          {result.downloadId ? (
            <a href={`/download/${result.downloadId}`} download={result.name}>
              Download {result.name}
            </a>
          ) : (
            <p>Saved to {result.path}</p>
          )}
        </div>
      )}
    </section>
  );
}
