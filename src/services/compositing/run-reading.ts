// Reads saved runs back: their record, their result table (decoded once and kept while it is paged
// through) and pages of rows as the run's CSV file shows them; and deletes a run, audited.
import type { CompositeParams } from '../../api/compositing-schemas';
import type { RunInfo, RunPage } from '../../api/compositing-types';
import type { ResultTable } from '../../domain/compositing/result-table';
import { runColumnLabels } from '../../domain/compositing/run-column-labels';
import { outputColumns, RowReader, type OutputColumn } from '../../domain/compositing/run-results';
import type { Database } from '../../storage/project-db';
import { decodeResultTable } from '../../storage/result-table-codec';
import { beginChangeSet, createAuditWriter, type ChangeSource } from '../../storage/audit';
import { deleteRun, getRun, readRunResults, type StoredRun } from '../../storage/runs-store';
import { StorageError } from '../../storage/storage-error';
import { toRunInfo, type RunContextRecord } from './run-support';

export function loadRun(db: Database, id: number): StoredRun {
  const run = getRun(db, id);
  if (!run) {
    throw new StorageError(
      'not-found',
      `There is no run ${id} in this project; list the runs (drillbench runs list) to find its number.`,
    );
  }
  return run;
}

const lastDecoded = new WeakMap<Database, { id: number; hash: string; table: ResultTable }>();

/** The run's results; the last one decoded per connection is kept, so paging does not decode again. */
export function loadRunTable(db: Database, run: StoredRun): ResultTable {
  const cached = lastDecoded.get(db);
  if (cached && cached.id === run.id && cached.hash === run.resultsHash) return cached.table;
  const stored = readRunResults(db, run.id);
  if (!stored) throw new StorageError('damaged', `Run ${run.id} has no stored results; run it again.`);
  const table = decodeResultTable(stored.results);
  lastDecoded.set(db, { id: run.id, hash: run.resultsHash, table });
  return table;
}

export function runContext(run: StoredRun): RunContextRecord {
  return run.context as RunContextRecord;
}

/** The columns of the run's results file. */
export function runOutputColumns(run: StoredRun): OutputColumn[] {
  const context = runContext(run);
  return outputColumns({
    kind: run.kind,
    analytes: context.analytes.map((a) => a.code),
    analyteDecimals: Object.fromEntries(context.analytes.map((a) => [a.code, a.decimals])),
    domains: run.kind === 'composites' && (run.params as CompositeParams).domains,
  });
}

export function runInfo(db: Database, id: number): RunInfo {
  return toRunInfo(loadRun(db, id));
}

/** How many holes have at least one result row (a hole read may have none, e.g. no intercept). */
function holesWithRows(table: ResultTable): number {
  const seen = new Uint8Array(table.holes.length);
  let count = 0;
  for (let r = 0; r < table.rowCount; r++) {
    const hole = table.hole[r]!;
    if (seen[hole] === 0) {
      seen[hole] = 1;
      count++;
    }
  }
  return count;
}

export function runPage(db: Database, id: number, offset: number, limit: number): RunPage {
  const run = loadRun(db, id);
  const table = loadRunTable(db, run);
  const columns = runOutputColumns(run);
  const reader = new RowReader(table, columns);
  const end = Math.min(table.rowCount, offset + limit);
  const rows: (string | number | null)[][] = [];
  for (let r = offset; r < end; r++) rows.push(reader.row(r));
  const context = runContext(run);
  const labels = runColumnLabels(columns, {
    lengthUnit: context.lengthUnit,
    analytes: context.analytes,
    grade: context.expression ?? null,
  });
  return {
    run: toRunInfo(run),
    columns: columns.map((c) => c.header),
    labels,
    holes: holesWithRows(table),
    rows,
    total: table.rowCount,
    offset,
  };
}

/** Deletes a run and its results; the audit log keeps what it was (kind, parameters, hashes, when, who). */
export function deleteRunAudited(
  db: Database,
  id: number,
  who: { osUser: string; source: ChangeSource },
): void {
  db.transaction(() => {
    const run = loadRun(db, id);
    const changeSet = beginChangeSet(db, { ...who, description: `Delete ${run.kind} run ${id}` });
    createAuditWriter(
      db,
      changeSet,
    )({
      action: 'delete',
      table: 'runs',
      rowId: id,
      column: null,
      oldValue: {
        kind: run.kind,
        preset: run.preset,
        params: run.params,
        dataHash: run.dataHash,
        resultsHash: run.resultsHash,
        finishedAt: run.finishedAt,
        osUser: run.osUser,
      },
      newValue: null,
    });
    deleteRun(db, id);
  })();
}
