// The Validation view: every stored problem, filterable by severity and rule; a click opens the row in
// its grid. The list is what the grids mark and what `drillbench validate` prints: one set of rules.
import { useEffect, useState } from 'react';
import type { ProblemRow, ValidationSummary } from '../../api/types';
import type { DataTable } from '../../domain/model';
import { analyteColumnId } from '../../domain/entry/grid-cells';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import type { RowTarget } from './table-view';

const TABLE_OF: Record<string, DataTable> = {
  holes: 'holes',
  surveys: 'surveys',
  samples: 'samples',
  assays: 'samples',
  lithology: 'lithology',
};

/** Where a problem lives in the grids: its table, hole, row and column. */
export function problemTarget(row: ProblemRow): RowTarget | null {
  const table = TABLE_OF[row.table];
  if (!table) return null;
  const column =
    row.table === 'assays' && row.column
      ? analyteColumnId(row.column)
      : row.column === 'hole'
        ? 'hole_id'
        : row.column;
  return { table, holeId: row.table === 'holes' ? '' : row.hole_id, rowId: row.row_id, column };
}

export function ValidationView({ onOpen }: { onOpen?: (target: RowTarget) => void }) {
  const [summary, setSummary] = useState<ValidationSummary | null>(null);
  const [rows, setRows] = useState<ProblemRow[]>([]);
  const [total, setTotal] = useState(0);
  const [severity, setSeverity] = useState<'' | 'error' | 'warning'>('');
  const [rule, setRule] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api['validation.summary']({}).then(setSummary, (failure: unknown) => setError(describeError(failure)));
  }, []);
  useEffect(() => {
    api['validation.list']({ severity: severity || undefined, rule: rule || undefined, limit: 1000 }).then(
      (page) => {
        setRows(page.rows);
        setTotal(page.total);
      },
      (failure: unknown) => setError(describeError(failure)),
    );
  }, [severity, rule]);

  const rules = [...new Map((summary?.counts ?? []).map((count) => [count.rule, count])).values()];
  return (
    <section className="validation-view" aria-label="Validation">
      <header className="view-header">
        <h1>Validation</h1>
        {summary && (
          <p>
            {summary.errors} errors, {summary.warnings} warnings
            {summary.holesWithErrors.length > 0 &&
              ` - ${summary.holesWithErrors.length} holes have errors; a calculation leaves a hole out when the error is in what it reads`}
          </p>
        )}
        <label>
          Severity{' '}
          <select
            value={severity}
            onChange={(event) => setSeverity(event.target.value as '' | 'error' | 'warning')}
          >
            <option value="">All</option>
            <option value="error">Errors</option>
            <option value="warning">Warnings</option>
          </select>
        </label>
        <label>
          Rule{' '}
          <select value={rule} onChange={(event) => setRule(event.target.value)}>
            <option value="">All</option>
            {rules.map((count) => (
              <option key={count.rule} value={count.rule}>
                {count.title}
              </option>
            ))}
          </select>
        </label>
      </header>
      {error && <div role="alert">{error}</div>}
      {total > rows.length && (
        <p className="hint">
          Showing the first {rows.length.toLocaleString('en')} of {total.toLocaleString('en')}; filter by rule
          or severity to see the others.
        </p>
      )}
      <table className="problem-table">
        <thead>
          <tr>
            <th>Severity</th>
            <th>Rule</th>
            <th>Hole</th>
            <th>Table</th>
            <th>Message</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const target = problemTarget(row);
            return (
              <tr
                key={row.id}
                className={`${row.severity}${target ? ' clickable' : ''}`}
                tabIndex={target ? 0 : undefined}
                title={target ? 'Open this row in its grid' : undefined}
                onClick={() => target && onOpen?.(target)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && target) onOpen?.(target);
                }}
              >
                <td>{row.severity}</td>
                <td>{row.rule}</td>
                <td>{row.hole_id}</td>
                <td>{row.table}</td>
                <td>{row.message}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
