// One page per hole: its collar, its problems, the strip log, and its surveys, lithology and samples as
// compact read-only tables. A click on a row (or on an interval of the strip log) opens that row in its
// grid for editing; "Edit in grid" opens the hole's rows there.
import { useCallback, useEffect, useState } from 'react';
import type { RunInfo } from '../../api/compositing-types';
import type { HoleViewData } from '../../api/hole-types';
import type { PageRow, ProblemRow, RowProblem } from '../../api/types';
import type { DataTable } from '../../domain/model';
import { TABLE_FIELDS, type FieldSpec } from '../../domain/table-fields';
import type { StripLogTarget } from '../../figures/strip-log';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import { StripLogView, type DepthWindow } from './strip-log-view';
import type { RowTarget } from './table-view';
import { problemTarget } from './validation-view';
import './hole-view.css';

/** A hole to show, and optionally the run and depths its strip log starts at (from an intercept row). */
export interface HoleTarget {
  holeId: string;
  runId?: number | null;
  window?: DepthWindow | null;
}

interface HoleViewProps {
  target: HoleTarget;
  onOpen: (row: RowTarget) => void;
}

const TITLES: Record<Exclude<DataTable, 'holes'>, string> = {
  surveys: 'Surveys',
  lithology: 'Lithology',
  samples: 'Samples and assays',
};

function unitOf(field: FieldSpec, lengthUnit: string): string {
  if (field.quantity === 'depth' || field.quantity === 'coordinate') return ` (${lengthUnit})`;
  if (field.quantity === 'azimuth' || field.quantity === 'dip') return ' (deg)';
  if (field.quantity === 'density') return ' (g/cm3)';
  return '';
}

const shown = (value: unknown) => (value === null || value === undefined ? '' : String(value));

function problemText(problems: readonly RowProblem[]): string | undefined {
  if (problems.length === 0) return undefined;
  return problems.map((p) => `${p.severity === 'error' ? 'Error' : 'Warning'}: ${p.message}`).join('\n');
}

function rowClass(problems: readonly RowProblem[]): string {
  if (problems.some((p) => p.severity === 'error')) return 'clickable row-error';
  return problems.length > 0 ? 'clickable row-warning' : 'clickable';
}

function HoleTable(props: {
  table: Exclude<DataTable, 'holes'>;
  hole: HoleViewData;
  rows: readonly PageRow[];
  empty: string;
  onOpen: (row: RowTarget) => void;
}) {
  const { table, hole, rows, empty, onOpen } = props;
  const fields = TABLE_FIELDS[table].filter((field) => field.kind !== 'hole-ref');
  const analytes = table === 'samples' ? hole.analytes : [];
  const open = (rowId: number | null) => onOpen({ table, holeId: hole.holeId, rowId, column: null });
  return (
    <section className={table === 'samples' ? 'hole-panel wide' : 'hole-panel'} aria-label={TITLES[table]}>
      <header className="hole-panel-header">
        <h2>
          {TITLES[table]} <span className="hint">({rows.length.toLocaleString('en')})</span>
        </h2>
        <button type="button" onClick={() => open(null)}>
          Edit in grid
        </button>
      </header>
      {rows.length === 0 ? (
        <p className="hole-empty" role="status">
          {empty}
        </p>
      ) : (
        <div className="hole-table-scroll">
          <table className="hole-table">
            <thead>
              <tr>
                {table === 'lithology' && <th aria-label="Colour" />}
                {fields.map((field) => (
                  <th key={field.key}>{field.label + unitOf(field, hole.lengthUnit)}</th>
                ))}
                {analytes.map((analyte) => (
                  <th key={analyte.code}>
                    {analyte.code} ({analyte.unit})
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const record = row as unknown as Record<string, unknown>;
                const results = 'results' in row ? row.results : {};
                return (
                  <tr
                    key={row.id}
                    className={rowClass(row.problems)}
                    tabIndex={0}
                    title={problemText(row.problems) ?? 'Open this row in its grid'}
                    onClick={() => open(row.id)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') open(row.id);
                    }}
                  >
                    {table === 'lithology' && (
                      <td>
                        <span
                          className="colour-swatch"
                          style={{ background: hole.lithologyCodes[String(record.code)]?.colour }}
                        />
                      </td>
                    )}
                    {fields.map((field) => (
                      <td key={field.key} className={field.kind === 'number' ? 'number' : undefined}>
                        {shown(record[field.key])}
                      </td>
                    ))}
                    {analytes.map((analyte) => (
                      <td key={analyte.code} className="number">
                        {results[analyte.code]?.lab_text ?? ''}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function surveyNote(hole: HoleViewData): string {
  const { azimuth, dip } = hole.collar;
  if (azimuth === null || dip === null) {
    return 'No downhole surveys, and the collar has no azimuth or dip: the hole cannot be desurveyed or drawn on plans and sections until one is entered. The strip log needs only depths.';
  }
  return `No downhole surveys: desurvey takes the hole as straight along its collar azimuth ${azimuth} deg and dip ${dip} deg.`;
}

export function HoleView({ target, onOpen }: HoleViewProps) {
  const [hole, setHole] = useState<HoleViewData | null>(null);
  const [problems, setProblems] = useState<ProblemRow[]>([]);
  const [problemTotal, setProblemTotal] = useState(0);
  const [runs, setRuns] = useState<RunInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setHole(null);
    setError(null);
    api['holes.view']({ holeId: target.holeId }).then(
      (data) => {
        if (!live) return;
        setHole(data);
        api['validation.list']({ holeId: data.holeId, limit: 200 }).then(
          (page) => {
            if (!live) return;
            setProblems(page.rows);
            setProblemTotal(page.total);
          },
          () => undefined,
        );
      },
      (failure: unknown) => live && setError(describeError(failure)),
    );
    api['runs.list']({ limit: 200 }).then(
      (list) => live && setRuns(list.rows.filter((run) => run.kind !== 'desurvey')),
      () => live && setRuns([]),
    );
    return () => {
      live = false;
    };
  }, [target.holeId]);

  const pick = useCallback(
    (picked: StripLogTarget) => {
      if (!hole) return;
      if (picked.kind === 'row') {
        onOpen({ table: picked.table, holeId: hole.holeId, rowId: picked.rowId, column: null });
        return;
      }
      // An intercept: the hole's samples, at the first one inside it.
      const first = hole.samples
        .filter((row) => row.depth_from !== null && row.depth_to !== null)
        .filter((row) => row.depth_to! > picked.from && row.depth_from! < picked.to)
        .sort((a, b) => a.depth_from! - b.depth_from!)[0];
      onOpen({ table: 'samples', holeId: hole.holeId, rowId: first?.id ?? null, column: null });
    },
    [hole, onOpen],
  );

  if (error) {
    return (
      <section className="hole-view" aria-label="Hole">
        <div role="alert" className="notice error">
          {error}
        </div>
      </section>
    );
  }
  if (!hole || runs === null) {
    return (
      <section className="hole-view" aria-label="Hole">
        <p role="status">Opening {target.holeId}...</p>
      </section>
    );
  }
  const collarFields = TABLE_FIELDS.holes.filter((field) => field.key !== 'hole_id');
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="hole-view" aria-label={`Hole ${hole.holeId}`}>
      <header className="view-header">
        <h1>Hole {hole.holeId}</h1>
        <button
          type="button"
          onClick={() => onOpen({ table: 'holes', holeId: '', rowId: hole.collar.id, column: null })}
        >
          Edit in Holes grid
        </button>
        <span className={errors > 0 ? 'status-errors' : 'hint'}>
          {problemTotal === 0
            ? 'No problems found'
            : `${errors} error${errors === 1 ? '' : 's'}, ${problemTotal - errors} warning${problemTotal - errors === 1 ? '' : 's'}${errors > 0 ? ': left out of intercepts and composites' : ''}`}
        </span>
      </header>
      <dl className="hole-collar" aria-label="Collar">
        {collarFields.map((field) => (
          <div key={field.key}>
            <dt>{field.label + unitOf(field, hole.lengthUnit)}</dt>
            <dd>{shown((hole.collar as unknown as Record<string, unknown>)[field.key]) || '-'}</dd>
          </div>
        ))}
      </dl>
      {problems.length > 0 && (
        <details className="hole-problems" open={errors > 0}>
          <summary>
            {problemTotal.toLocaleString('en')} problem{problemTotal === 1 ? '' : 's'} in this hole
          </summary>
          <ul>
            {problems.map((problem) => {
              const row = problemTarget(problem);
              return (
                <li key={problem.id} className={problem.severity}>
                  <button type="button" className="link" disabled={!row} onClick={() => row && onOpen(row)}>
                    {problem.severity === 'error' ? 'Error' : 'Warning'}
                  </button>{' '}
                  {problem.message}
                </li>
              );
            })}
          </ul>
        </details>
      )}
      <StripLogView
        key={`${hole.holeId}:${target.runId ?? ''}:${target.window?.from ?? ''}`}
        hole={hole}
        runs={runs}
        runId={target.runId}
        window={target.window}
        onPick={pick}
      />
      <div className="hole-panels">
        <HoleTable table="surveys" hole={hole} rows={hole.surveys} empty={surveyNote(hole)} onOpen={onOpen} />
        <HoleTable
          table="lithology"
          hole={hole}
          rows={hole.lithology}
          empty="No lithology logged in this hole."
          onOpen={onOpen}
        />
        <HoleTable
          table="samples"
          hole={hole}
          rows={hole.samples}
          empty="No samples in this hole."
          onOpen={onOpen}
        />
      </div>
    </section>
  );
}
