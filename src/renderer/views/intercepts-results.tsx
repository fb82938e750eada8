// The results of an intercept run: what was read and left out, exports to CSV or XLSX (the report or the
// full-precision results), the full-precision grid (a click on a row opens that hole's samples, Strip log
// its strip log at the intercept), the news-release report as it will print, and a check that the data
// is still the same.
import { useCallback } from 'react';
import type { InterceptReport, RunInfo, RunPage } from '../../api/compositing-types';
import { RunExportBar } from './run-export-bar';
import { RunResultsGrid, type ResultInterval } from './run-results-grid';
import { RunSummary } from './run-summary';

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

export function InterceptResults({ run, page, report, onOpenHole, onOpenStripLog }: Props) {
  const openStripLog = useCallback(
    (row: ResultInterval) =>
      onOpenStripLog?.({ holeId: row.holeId, runId: run.id, window: { from: row.from, to: row.to } }),
    [onOpenStripLog, run.id],
  );
  return (
    <section className="intercept-results" aria-label="Intercept results">
      <RunSummary run={run} holes={page.holes} noun="row" />
      <RunExportBar run={run} reportChoice />
      <RunResultsGrid
        page={page}
        label="Intercept rows"
        onOpenHole={onOpenHole}
        onOpenStripLog={onOpenStripLog ? openStripLog : undefined}
      />
      <p className="hint">
        Click a row to open that hole&apos;s samples; Strip log opens the hole with this run drawn at the
        intercept.
      </p>
      <ReportPreview report={report} />
    </section>
  );
}
