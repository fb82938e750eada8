// The failing standards and blanks of one analyte, in batch order; a click (or Enter) opens the insert's
// row in the Samples and assays grid, on the analyte's cell, as the Validation view does.
import type { QcFailure } from '../../domain/qaqc/qaqc-warnings';
import { analyteColumnId } from '../../domain/entry/grid-cells';
import type { RowTarget } from './table-view';

export function failureTarget(failure: QcFailure): RowTarget {
  return {
    table: 'samples',
    holeId: failure.holeId,
    rowId: failure.rowId,
    column: analyteColumnId(failure.analyte),
  };
}

export function QaqcFailures({
  analyte,
  failures,
  onOpen,
}: {
  analyte: string;
  failures: readonly QcFailure[];
  onOpen?: (target: RowTarget) => void;
}) {
  return (
    <section className="qaqc-failures" aria-label={`${analyte} failures`}>
      <h2>
        {analyte} failures ({failures.length})
      </h2>
      {failures.length === 0 ? (
        <p className="hint">No standard or blank of {analyte} failed.</p>
      ) : (
        <>
          <p className="hint">
            Each failure is a warning on every sample of its batch in the Validation view. Click a row to open
            the insert in the grid.
          </p>
          <table className="problem-table">
            <thead>
              <tr>
                <th>Kind</th>
                <th>Batch</th>
                <th>Hole</th>
                <th>Sample</th>
                <th>Failure</th>
              </tr>
            </thead>
            <tbody>
              {failures.map((failure) => (
                <tr
                  key={`${failure.rule}:${failure.rowId}`}
                  className="warning clickable"
                  tabIndex={0}
                  title="Open this sample in the Samples and assays grid"
                  onClick={() => onOpen?.(failureTarget(failure))}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') onOpen?.(failureTarget(failure));
                  }}
                >
                  <td>{failure.rule === 'qaqc-standard-failure' ? 'Standard' : 'Blank'}</td>
                  <td>{failure.batch ?? '(no certificate)'}</td>
                  <td>{failure.holeId}</td>
                  <td>{failure.sampleId ?? ''}</td>
                  <td>{failure.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
