// The results of an intercept run: what was read and left out, the full-precision grid (a click on a row
// opens that hole's samples), the news-release report as it will print, a check that the data is still
// the same, and exports to CSV or XLSX.
import { plural } from '../../domain/report/plural';
import type { ColDef, RowClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useState } from 'react';
import type {
  ExportResult,
  InterceptReport,
  RunInfo,
  RunPage,
  RunVerification,
} from '../../api/compositing-types';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import { useJob } from './intercepts-job';
import { remembered } from './section-shared';

type GridRow = Record<string, string | number | null>;

const DECIMALS: Record<string, number> = {
  from: 2,
  to: 2,
  length: 2,
  true_thickness: 2,
  angle_to_plane: 1,
};

function gridColumns(columns: readonly string[]): ColDef<GridRow>[] {
  return columns.map((name) => ({
    field: name,
    headerName: name,
    width: name === 'hole_id' ? 130 : 105,
    type: name === 'hole_id' || name === 'kind' ? undefined : 'rightAligned',
    valueFormatter:
      name === 'hole_id' || name === 'kind'
        ? undefined
        : (params) =>
            typeof params.value === 'number'
              ? params.value.toFixed(DECIMALS[name] ?? 3)
              : params.value === null
                ? '-'
                : '',
    tooltipValueGetter: (params) => (typeof params.value === 'number' ? String(params.value) : undefined),
  }));
}

function ReportPreview({ report }: { report: InterceptReport }) {
  return (
    <section className="report-preview" aria-label="Report preview">
      <table className="report-table">
        <thead>
          <tr>
            {report.header.map((title) => (
              <th key={title}>{title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row, i) => (
            <tr key={i} className={`report-${row.kind}`}>
              {row.cells.map((cell, c) => (
                <td key={c}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {report.notes.map((note) => (
        <p key={note} className="report-note">
          {note}
        </p>
      ))}
      <p className="report-statement">{report.statement}</p>
      {report.warnings.map((warning) => (
        <p key={warning} className="report-warning" role="note">
          Before publishing: {warning}
        </p>
      ))}
    </section>
  );
}

/** A hole's view with a run's strip log, zoomed to an intercept. */
export interface StripLogTarget {
  holeId: string;
  runId: number;
  window: { from: number; to: number };
}

interface Props {
  run: RunInfo;
  page: RunPage;
  report: InterceptReport;
  onOpenHole: (holeId: string) => void;
  onOpenStripLog?: (target: StripLogTarget) => void;
}

const depthLabel = (value: string | number | null | undefined) =>
  typeof value === 'number' ? value.toFixed(1) : String(value);

/** The grid's columns led by a Strip log button on each intercept row. */
function withStripLogButton(
  columns: ColDef<GridRow>[],
  open: ((row: GridRow) => void) | undefined,
): ColDef<GridRow>[] {
  if (!open) return columns;
  return [
    {
      colId: 'strip_log',
      headerName: '',
      width: 92,
      pinned: 'left',
      sortable: false,
      cellRenderer: (params: { data?: GridRow }) =>
        params.data ? (
          <button
            type="button"
            className="grid-open-button strip-log-open"
            aria-label={`Strip log of ${String(params.data.hole_id)} at ${depthLabel(params.data.from)}-${depthLabel(params.data.to)}`}
            onClick={() => params.data && open(params.data)}
          >
            Strip log
          </button>
        ) : null,
    },
    ...columns,
  ];
}

export function InterceptResults({ run, page, report, onOpenHole, onOpenStripLog }: Props) {
  const rows = useMemo(
    () =>
      page.rows.map((cells) => Object.fromEntries(page.columns.map((name, c) => [name, cells[c] ?? null]))),
    [page],
  );
  const columns = useMemo(
    () =>
      withStripLogButton(
        gridColumns(page.columns),
        onOpenStripLog &&
          ((row) => {
            if (typeof row.hole_id !== 'string' || typeof row.from !== 'number' || typeof row.to !== 'number')
              return;
            onOpenStripLog({ holeId: row.hole_id, runId: run.id, window: { from: row.from, to: row.to } });
          }),
      ),
    [page.columns, onOpenStripLog, run.id],
  );
  const verify = useJob();
  const exporter = useJob();
  const [verification, setVerification] = useState<string | null>(null);
  const [exportPath, setExportPath] = useState(`intercepts-run-${run.id}`);
  const [content, setContent] = useState<'results' | 'report'>('report');
  const [overwrite, setOverwrite] = useState(false);
  const [exportMessage, setExportMessage] = useState<string | null>(null);
  // The report's figures: the plan, and a section along a saved line or the one drawn on the Plan.
  const [withFigures, setWithFigures] = useState(false);
  const [sections, setSections] = useState<string[]>([]);
  const [section, setSection] = useState('');
  useEffect(() => {
    api['sections.lines']({}).then(
      (lines) => setSections(lines.map((l) => l.name)),
      () => setSections([]),
    );
  }, []);

  const check = () => {
    setVerification('Re-running with the same parameters...');
    verify
      .follow(() => api['runs.verify']({ id: run.id }))
      .then(
        (status) =>
          setVerification(
            status.state === 'done'
              ? (status.result as RunVerification).message
              : (status.error?.message ?? status.state),
          ),
        (error: unknown) => setVerification(describeError(error)),
      );
  };
  const write = (format: 'csv' | 'xlsx') => {
    const path = `${exportPath.trim().replace(/\.(csv|xlsx)$/i, '')}.${format}`;
    setExportMessage(`Writing ${path}...`);
    exporter
      .follow(() =>
        api['runs.export']({
          id: run.id,
          path,
          content,
          overwrite,
          figures:
            withFigures && content === 'report'
              ? section === '(drawn)'
                ? { plan: true, section: remembered.line }
                : { plan: true, section: null, sectionName: section || undefined }
              : undefined,
        }),
      )
      .then(
        (status) => {
          if (status.state === 'done') {
            const result = status.result as ExportResult;
            const figures = result.figures?.length
              ? ` and ${result.figures.length} figure files beside it`
              : '';
            setExportMessage(`Wrote ${result.path} (${result.rows} rows)${figures}.`);
          } else setExportMessage(status.error?.message ?? `Export ${status.state}.`);
        },
        (error: unknown) => setExportMessage(describeError(error)),
      );
  };

  const holes = new Set(page.rows.map((row) => row[0])).size;
  return (
    <section className="intercept-results" aria-label="Intercept results">
      <header className="run-header">
        <h2>
          Run {run.id}: {plural(run.resultRows, 'row')} in {plural(holes, 'hole')}
        </h2>
        <span>
          {plural(run.holesRead, 'hole')} and {plural(run.samplesRead, 'sample')} read, {run.excluded.length}{' '}
          left out; finished {new Date(run.finishedAt).toLocaleString()} by {run.osUser}; data hash{' '}
          <code title={run.dataHash}>{run.dataHash.slice(0, 16)}</code>
        </span>
        <button type="button" onClick={check} disabled={verify.running}>
          Check the data is unchanged
        </button>
        {verification && <span className="verification">{verification}</span>}
      </header>
      {run.excluded.length > 0 && (
        <details className="left-out" open>
          <summary>{plural(run.excluded.length, 'hole')} left out</summary>
          <ul>
            {run.excluded.map((hole) => (
              <li key={hole.holeId}>
                <strong>{hole.holeId}</strong>: {hole.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="results-grid" aria-label="Intercept rows">
        <AgGridReact<GridRow>
          rowData={rows}
          columnDefs={columns}
          tooltipShowDelay={300}
          onRowClicked={(event: RowClickedEvent<GridRow>) => {
            // The Strip log button opens the hole view; the rest of the row opens its samples.
            if ((event.event?.target as HTMLElement | null)?.closest('.strip-log-open')) return;
            const hole = event.data?.hole_id;
            if (typeof hole === 'string') onOpenHole(hole);
          }}
        />
      </div>
      <p className="hint">
        Click a row to open that hole&apos;s samples; Strip log opens the hole with this run drawn at the
        intercept.
      </p>
      <ReportPreview report={report} />
      <div className="export-bar">
        <label>
          File{' '}
          <input
            aria-label="Export file"
            value={exportPath}
            onChange={(event) => setExportPath(event.target.value)}
            title="A path on this computer; a name alone is written beside the project file."
          />
        </label>
        <select
          aria-label="Export content"
          value={content}
          onChange={(event) => setContent(event.target.value as 'results' | 'report')}
        >
          <option value="report">news-release report</option>
          <option value="results">full-precision results</option>
        </select>
        <label>
          <input
            type="checkbox"
            checked={overwrite}
            onChange={(event) => setOverwrite(event.target.checked)}
          />{' '}
          replace an existing file
        </label>
        {content === 'report' && (
          <label>
            <input
              type="checkbox"
              checked={withFigures}
              onChange={(event) => setWithFigures(event.target.checked)}
            />{' '}
            with the plan and section
          </label>
        )}
        {content === 'report' && withFigures && (
          <select
            aria-label="Report section"
            value={section}
            onChange={(event) => setSection(event.target.value)}
          >
            <option value="">no section</option>
            {remembered.line && <option value="(drawn)">section drawn on the Plan</option>}
            {sections.map((name) => (
              <option key={name} value={name}>
                section {name}
              </option>
            ))}
          </select>
        )}
        <button type="button" onClick={() => write('csv')} disabled={exporter.running}>
          Export CSV
        </button>
        <button type="button" onClick={() => write('xlsx')} disabled={exporter.running}>
          Export XLSX
        </button>
        {exportMessage && (
          <span className="export-message" role="status">
            {exportMessage}
          </span>
        )}
      </div>
    </section>
  );
}
