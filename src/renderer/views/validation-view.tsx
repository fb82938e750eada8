// The Validation view: every stored problem, filterable by severity and rule.
import { useEffect, useState } from 'react';
import type { ProblemRow, ValidationSummary } from '../../api/types';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';

export function ValidationView() {
  const [summary, setSummary] = useState<ValidationSummary | null>(null);
  const [rows, setRows] = useState<ProblemRow[]>([]);
  const [severity, setSeverity] = useState<'' | 'error' | 'warning'>('');
  const [rule, setRule] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api['validation.summary']({}).then(setSummary, (failure: unknown) => setError(describeError(failure)));
  }, []);
  useEffect(() => {
    api['validation.list']({ severity: severity || undefined, rule: rule || undefined, limit: 1000 }).then(
      (page) => setRows(page.rows),
      (failure: unknown) => setError(describeError(failure)),
    );
  }, [severity, rule]);

  return (
    <section className="validation-view" aria-label="Validation">
      <header className="view-header">
        <h1>Validation</h1>
        {summary && (
          <p>
            {summary.errors} errors, {summary.warnings} warnings
            {summary.holesWithErrors.length > 0 &&
              ` - ${summary.holesWithErrors.length} holes are left out of calculations`}
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
            {summary?.counts.map((count) => (
              <option key={`${count.rule}-${count.severity}`} value={count.rule}>
                {count.title} ({count.count})
              </option>
            ))}
          </select>
        </label>
      </header>
      {error && <div role="alert">{error}</div>}
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
          {rows.map((row) => (
            <tr key={row.id} className={row.severity}>
              <td>{row.severity}</td>
              <td>{row.rule}</td>
              <td>{row.hole_id}</td>
              <td>{row.table}</td>
              <td>{row.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
