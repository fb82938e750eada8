// The QA/QC view: pick an analyte and a standard to see its control chart, the blanks and the field
// duplicates, and every failure (a click opens the insert in the grid). The standards table and the
// factors are set up here too. Opening the view brings stale QA/QC warnings up to date.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProjectStatus } from '../../api/entry-types';
import type { QaqcAnalyteReport, QaqcOverview } from '../../api/qaqc-types';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import { QaqcFailures } from './qaqc-failures';
import { BlanksFigure, ControlChartFigure, DuplicateFigures } from './qaqc-figures';
import { QaqcStandardsPanel } from './qaqc-standards-panel';
import type { RowTarget } from './table-view';
import './qaqc-view.css';

const plural = (count: number, noun: string) =>
  `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;

/** Standard codes to offer for an analyte: those on inserts with a result of it, table entries first. */
function standardChoices(overview: QaqcOverview, analyte: string): { code: string; inTable: boolean }[] {
  const key = analyte.toLowerCase();
  return overview.uses
    .flatMap((use) => {
      const entry = use.analytes.find((a) => a.analyte.toLowerCase() === key);
      return entry ? [{ code: use.code, inTable: entry.inTable }] : [];
    })
    .sort((a, b) => Number(b.inTable) - Number(a.inTable) || a.code.localeCompare(b.code));
}

function emptyProjectMessage(overview: QaqcOverview): string | null {
  const { inserts } = overview;
  if (inserts.standard + inserts.blank + inserts.duplicate === 0)
    return 'This project has no QA/QC inserts: no sample is typed as a blank, a standard or a field duplicate. Give inserted samples their type in the Samples and assays grid (Sample type column), or import them with a sample type column (and the standard code, or the parent sample ID of a duplicate); then their results are judged here.';
  if (overview.analytes.length === 0)
    return 'The project has no analytes yet: import assays or a lab certificate, then the inserts can be judged.';
  return null;
}

function standardsMessage(overview: QaqcOverview): string | null {
  if (overview.inserts.standard === 0)
    return 'No standard is inserted in this project, so there is no control chart.';
  if (overview.uses.length === 0)
    return `The ${plural(overview.inserts.standard, 'standard')} inserted have no standard code or no result; give each its code (Standard column) to chart it.`;
  if (overview.standardsTable.length === 0)
    return 'The standards table is empty, so no standard can be judged. Open Standards table above to add each standard’s certified value and SD, or import them from a CSV file (code, analyte, value, sd).';
  return null;
}

export interface QaqcViewProps {
  onOpen?: (target: RowTarget) => void;
  /** Warnings change with the standards table: the status bar's counts follow. */
  onStatus?: (status: ProjectStatus) => void;
}

export function QaqcView({ onOpen, onStatus }: QaqcViewProps) {
  const [overview, setOverview] = useState<QaqcOverview | null>(null);
  const [analyte, setAnalyte] = useState('');
  const [standard, setStandard] = useState('');
  const [report, setReport] = useState<QaqcAnalyteReport | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [setupOpen, setSetupOpen] = useState(false);
  const [version, setVersion] = useState(0);

  const loadOverview = useCallback(async () => {
    try {
      let next = await api['qaqc.overview']({});
      if (!next.warnings.upToDate) {
        const before = next.warnings.stored;
        const state = await api['qaqc.refreshWarnings']({});
        setNotice(
          `The QA/QC warnings were out of date (results changed since they were judged): ${plural(before, 'warning')} before, ${plural(state.stored, 'warning')} now.`,
        );
        next = await api['qaqc.overview']({});
      }
      setOverview(next);
      api['project.status']({}).then(
        (status) => onStatus?.(status),
        () => undefined,
      );
      setAnalyte((current) =>
        next.analytes.some((a) => a.code === current) ? current : (next.analytes[0]?.code ?? ''),
      );
    } catch (failure) {
      setError(describeError(failure));
    }
  }, [onStatus]);
  useEffect(() => {
    void loadOverview();
  }, [loadOverview]);

  const choices = useMemo(
    () => (overview && analyte ? standardChoices(overview, analyte) : []),
    [overview, analyte],
  );
  useEffect(() => {
    if (choices.length > 0 && !choices.some((choice) => choice.code === standard))
      setStandard(choices[0]!.code);
  }, [choices, standard]);

  useEffect(() => {
    if (!overview || !analyte || emptyProjectMessage(overview)) return;
    api['qaqc.report']({ analyte, standard: standard || undefined }).then(setReport, (failure: unknown) =>
      setError(describeError(failure)),
    );
  }, [overview, analyte, standard, version]);

  const changed = () => {
    setVersion((v) => v + 1);
    void loadOverview();
  };

  if (!overview)
    return (
      <section className="qaqc-view" aria-label="QA/QC">
        <h1>QA/QC</h1>
        {error ? <p role="alert">{error}</p> : <p>Reading the inserts...</p>}
      </section>
    );
  const empty = emptyProjectMessage(overview);
  const noStandards = standardsMessage(overview);
  return (
    <section className="qaqc-view" aria-label="QA/QC">
      <header className="view-header">
        <h1>QA/QC</h1>
        <p data-testid="qaqc-summary">
          {plural(overview.inserts.standard, 'standard')}, {plural(overview.inserts.blank, 'blank')} and{' '}
          {plural(overview.inserts.duplicate, 'field duplicate')} inserted;{' '}
          {plural(overview.warnings.failures, 'failure')}, {plural(overview.warnings.stored, 'warning')} on
          the samples of their batches.
        </p>
        {!empty && (
          <>
            <label>
              Analyte{' '}
              <select value={analyte} onChange={(event) => setAnalyte(event.target.value)}>
                {overview.analytes.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.code} ({a.unit})
                  </option>
                ))}
              </select>
            </label>
            <label>
              Standard{' '}
              <select
                value={standard}
                onChange={(event) => setStandard(event.target.value)}
                disabled={choices.length === 0}
              >
                {choices.map((choice) => (
                  <option key={choice.code} value={choice.code}>
                    {choice.code}
                    {choice.inTable ? '' : ' (no certified value)'}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <button type="button" aria-expanded={setupOpen} onClick={() => setSetupOpen(!setupOpen)}>
          Standards table ({overview.standardsTable.length})
        </button>
      </header>
      {error && <p role="alert">{error}</p>}
      {notice && (
        <p role="status" className="hint">
          {notice}
        </p>
      )}
      {setupOpen && <QaqcStandardsPanel overview={overview} onChanged={changed} />}
      {empty ? (
        <p className="figure-empty qaqc-empty" role="status">
          {empty}
        </p>
      ) : (
        report &&
        report.analyte === analyte && (
          <>
            <h2>Standards: {report.analyte}</h2>
            {noStandards ? (
              <p className="figure-empty qaqc-empty" role="status">
                {noStandards}
              </p>
            ) : (
              <>
                {report.standards.length > 0 && (
                  <table className="report-table qaqc-standards" aria-label={`${report.analyte} standards`}>
                    <thead>
                      <tr>
                        <th>Standard</th>
                        <th>Results</th>
                        <th>Failures</th>
                        <th>Beyond 2 SD</th>
                        <th>Bias</th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.standards.map((s) => (
                        <tr
                          key={s.code}
                          className={s.code === standard ? 'selected clickable' : 'clickable'}
                          onClick={() => setStandard(s.code)}
                        >
                          <td>{s.code}</td>
                          <td>{s.results}</td>
                          <td>{s.failures}</td>
                          <td>{s.warnings}</td>
                          <td>{s.biasPercent === null ? '-' : `${s.biasPercent.toFixed(2)} %`}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                <ControlChartFigure report={report} standard={standard} />
              </>
            )}
            <QaqcFailures analyte={report.analyte} failures={report.failures} onOpen={onOpen} />
            <h2>Blanks and field duplicates: {report.analyte}</h2>
            <BlanksFigure report={report} onChanged={changed} />
            <DuplicateFigures report={report} />
          </>
        )
      )}
    </section>
  );
}
