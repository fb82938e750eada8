// Method priority per analyte: which method's result calculations use when a sample has several (an
// ore-grade re-assay beside the aqua-regia one). Changing it re-decides the preferred results, audited.
import { useCallback, useEffect, useState } from 'react';
import type { AnalyteMethods } from '../../api/import-wizard-types';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';

function AnalytePriority({ entry, onSaved }: { entry: AnalyteMethods; onSaved: (message: string) => void }) {
  const known = entry.methods.flatMap((method) => (method.method ? [method.method] : []));
  const initial = [...entry.priority, ...known.filter((method) => !entry.priority.includes(method))];
  const [order, setOrder] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const move = (index: number, by: number) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    setOrder(next);
  };
  return (
    <tr>
      <td>
        {entry.analyte} ({entry.unit})
      </td>
      <td>
        {entry.methods
          .map((method) => `${method.method ?? '(none)'}: ${method.results} (${method.preferred} preferred)`)
          .join(', ')}
      </td>
      <td>
        <ol className="priority-list" aria-label={`Method priority for ${entry.analyte}`}>
          {order.map((method, index) => (
            <li key={method}>
              {method}{' '}
              <button
                type="button"
                aria-label={`Move ${method} up`}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={`Move ${method} down`}
                disabled={index === order.length - 1}
                onClick={() => move(index, 1)}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
      </td>
      <td>
        <button
          type="button"
          disabled={order.length === 0}
          onClick={() =>
            api['assays.setMethodPriority']({ analyte: entry.analyte, methods: order }).then(
              (result) =>
                onSaved(
                  `${result.analyte}: ${result.priority.join(' > ')}; ${result.changed} preferred marks changed.`,
                ),
              (failure: unknown) => setError(describeError(failure)),
            )
          }
        >
          Save priority
        </button>
        {error && <span className="error-text">{error}</span>}
      </td>
    </tr>
  );
}

export function ImportMethodPriority({ refreshKey }: { refreshKey: number }) {
  const [entries, setEntries] = useState<AnalyteMethods[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => {
    api['assays.methods']({}).then(setEntries, (failure: unknown) => setMessage(describeError(failure)));
  }, []);
  useEffect(load, [load, refreshKey]);
  const withChoice = entries.filter((entry) => entry.methods.length > 1 || entry.priority.length > 0);
  return (
    <section className="method-priority" aria-label="Assay method priority">
      <h2>Assay method priority</h2>
      <p className="hint">
        When a sample has several results for an analyte, a measured result beats an over-limit one, which
        beats NS or IS; among equals the method higher in this list wins, then the earliest result.
      </p>
      {withChoice.length === 0 ? (
        <p>Every analyte has results by one method only; nothing to choose.</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th>Analyte</th>
              <th>Results by method</th>
              <th>Priority (best first)</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {withChoice.map((entry) => (
              <AnalytePriority
                key={`${entry.analyte}-${entry.priority.join()}-${entry.methods.length}`}
                entry={entry}
                onSaved={(text) => {
                  setMessage(text);
                  load();
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
