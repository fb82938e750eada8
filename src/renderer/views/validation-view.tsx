// The Validation view: every stored problem, filterable by severity, rule and hole; a click opens the row
// in its grid. A warning can be acknowledged with a note (kept in the audit log; acknowledged warnings
// are hidden unless asked for). The list is what the grids mark and what `drillbench validate` prints:
// one set of rules.
import { useCallback, useEffect, useState } from 'react';
import type { ProblemRow, ValidationSummary } from '../../api/types';
import type { AcknowledgementEvent, GapSettings } from '../../api/validation-types';
import type { DataTable } from '../../domain/model';
import { analyteColumnId } from '../../domain/entry/grid-cells';
import { nounFor, plural } from '../../domain/report/plural';
import { GAP_MODE_TITLES } from '../../domain/validation/rules';
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

/** The summary line: "0 errors, 57 warnings (3 acknowledged)". */
export function summaryWords(summary: ValidationSummary): string {
  const acknowledged = summary.acknowledged > 0 ? ` (${summary.acknowledged} acknowledged)` : '';
  const excluded = summary.holesWithErrors.length;
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}${acknowledged}${
    excluded > 0
      ? ` - ${plural(excluded, 'hole')} ${nounFor(excluded, 'has', 'have')} errors; a calculation leaves a hole out when the error is in what it reads`
      : ''
  }`;
}

function AcknowledgeForm({
  row,
  onDone,
  onCancel,
}: {
  row: ProblemRow;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    setError(null);
    api['validation.acknowledge']({ problemId: row.id, note }).then(onDone, (failure: unknown) =>
      setError(describeError(failure)),
    );
  };
  return (
    <form
      className="acknowledge-form"
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => event.stopPropagation()}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label>
        Why is this warning acceptable?{' '}
        <input
          aria-label="Acknowledgement note"
          value={note}
          size={50}
          autoFocus
          onChange={(event) => setNote(event.target.value)}
          placeholder="e.g. core loss, see drill log"
        />
      </label>{' '}
      <button type="submit">Save acknowledgement</button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <span role="alert" className="error-text">
          {' '}
          {error}
        </span>
      )}
    </form>
  );
}

function AcknowledgementLog({ refreshKey }: { refreshKey: number }) {
  const [events, setEvents] = useState<AcknowledgementEvent[] | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    api['validation.acknowledgementLog']({ limit: 200 }).then(setEvents, () => setEvents([]));
  }, [open, refreshKey]);
  return (
    <details
      className="acknowledgement-log"
      onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}
    >
      <summary>Acknowledgements in the audit log</summary>
      {events && events.length === 0 && <p>No warning has been acknowledged yet.</p>}
      {events && events.length > 0 && (
        <table className="problem-table" aria-label="Acknowledgements in the audit log">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
              <th>Hole</th>
              <th>Warning</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event, index) => (
              <tr key={index}>
                <td>{event.at.replace('T', ' ').slice(0, 19)}</td>
                <td>{event.os_user}</td>
                <td>{event.action}</td>
                <td>{event.hole_id}</td>
                <td>{event.message}</td>
                <td>{event.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

export function ValidationView({
  onOpen,
  onOpenSettings,
}: {
  onOpen?: (target: RowTarget) => void;
  onOpenSettings?: () => void;
}) {
  const [summary, setSummary] = useState<ValidationSummary | null>(null);
  const [gaps, setGaps] = useState<GapSettings | null>(null);
  const [rows, setRows] = useState<ProblemRow[]>([]);
  const [total, setTotal] = useState(0);
  const [severity, setSeverity] = useState<'' | 'error' | 'warning'>('');
  const [rule, setRule] = useState('');
  const [hole, setHole] = useState('');
  const [showAcknowledged, setShowAcknowledged] = useState(false);
  const [acknowledging, setAcknowledging] = useState<number | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => setRefreshKey((key) => key + 1), []);
  useEffect(() => {
    api['validation.summary']({}).then(setSummary, (failure: unknown) => setError(describeError(failure)));
    api['validation.gapSettings']({}).then(setGaps, () => setGaps(null));
  }, [refreshKey]);
  useEffect(() => {
    api['validation.list']({
      severity: severity || undefined,
      rule: rule || undefined,
      hole: hole.trim() || undefined,
      acknowledged: showAcknowledged ? 'include' : 'hide',
      limit: 1000,
    }).then(
      (page) => {
        setRows(page.rows);
        setTotal(page.total);
      },
      (failure: unknown) => setError(describeError(failure)),
    );
  }, [severity, rule, hole, showAcknowledged, refreshKey]);

  const withdraw = (id: number) =>
    api['validation.withdrawAcknowledgement']({ id }).then(refresh, (failure: unknown) =>
      setError(describeError(failure)),
    );

  const rules = [...new Map((summary?.counts ?? []).map((count) => [count.rule, count])).values()];
  return (
    <section className="validation-view" aria-label="Validation">
      <header className="view-header">
        <h1>Validation</h1>
        {summary && <p data-testid="validation-summary">{summaryWords(summary)}</p>}
        {gaps && (
          <p className="hint">
            Gaps between samples: {GAP_MODE_TITLES[gaps.mode].toLowerCase()}
            {gaps.mode === 'inside-runs'
              ? ` (gaps over ${gaps.runBreak} ${gaps.lengthUnit} separate runs)`
              : ''}
            .{' '}
            {onOpenSettings && (
              <button type="button" className="link-button" onClick={onOpenSettings}>
                Change in Project settings
              </button>
            )}
          </p>
        )}
        <div className="filters">
          <label>
            Hole{' '}
            <input
              type="search"
              aria-label="Hole"
              placeholder="part of a hole ID"
              value={hole}
              size={14}
              onChange={(event) => setHole(event.target.value)}
            />
          </label>{' '}
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
          </label>{' '}
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
          </label>{' '}
          <label>
            <input
              type="checkbox"
              checked={showAcknowledged}
              onChange={(event) => setShowAcknowledged(event.target.checked)}
            />{' '}
            Show acknowledged
          </label>
        </div>
      </header>
      {error && <div role="alert">{error}</div>}
      <p className="hint" data-testid="problem-count">
        {total > rows.length
          ? `Showing the first ${rows.length.toLocaleString('en')} of ${plural(total, 'problem')}; filter by hole, rule or severity to see the others.`
          : `${plural(total, 'problem')} listed.`}
      </p>
      <table className="problem-table" aria-label="Problems">
        <thead>
          <tr>
            <th>Severity</th>
            <th>Rule</th>
            <th>Hole</th>
            <th>Table</th>
            <th>Message</th>
            <th>Acknowledged</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const target = problemTarget(row);
            const ack = row.acknowledgement;
            return (
              <tr
                key={row.id}
                className={`${row.severity}${target ? ' clickable' : ''}${ack ? ' acknowledged' : ''}`}
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
                <td onClick={(event) => event.stopPropagation()}>
                  {ack ? (
                    <>
                      <span>
                        {ack.note} ({ack.os_user}, {ack.at.slice(0, 10)})
                      </span>{' '}
                      <button type="button" onClick={() => void withdraw(ack.id)}>
                        Withdraw
                      </button>
                    </>
                  ) : acknowledging === row.id ? (
                    <AcknowledgeForm
                      row={row}
                      onCancel={() => setAcknowledging(null)}
                      onDone={() => {
                        setAcknowledging(null);
                        refresh();
                      }}
                    />
                  ) : row.severity === 'warning' ? (
                    <button
                      type="button"
                      aria-label={`Acknowledge: ${row.message}`}
                      onClick={() => setAcknowledging(row.id)}
                    >
                      Acknowledge...
                    </button>
                  ) : (
                    <span
                      className="hint"
                      title="An error keeps its hole out of the calculations that read what it is about until the data is fixed"
                    >
                      fix the data
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <AcknowledgementLog refreshKey={refreshKey} />
    </section>
  );
}
