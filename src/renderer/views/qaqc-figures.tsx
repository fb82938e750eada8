// The QA/QC figures of one analyte: the chosen standard's control chart with its standards table row,
// the blanks chart (or how to give the analyte a detection limit), and the duplicate figures.
import { useMemo, useState, type FormEvent } from 'react';
import type { QaqcAnalyteReport } from '../../api/qaqc-types';
import { blanksOption } from '../../figures/qaqc-blanks';
import { controlChartOption } from '../../figures/qaqc-control-chart';
import { duplicateScatterOption, rankedHardOption } from '../../figures/qaqc-duplicates';
import { blanksSummary, controlChartSummary, duplicatesSummary } from '../../figures/qaqc-summaries';
import { api } from '../api/api-client';
import { Figure } from '../charts/figure';
import { describeError } from '../components/error-text';

export function ControlChartFigure({ report, standard }: { report: QaqcAnalyteReport; standard: string }) {
  const chart = report.chart;
  const option = useMemo(() => (chart ? controlChartOption(chart) : {}), [chart]);
  return (
    <Figure
      title={`Control chart: ${standard} ${report.analyte}`}
      fileStem={`control-chart-${standard}-${report.analyte}`}
      option={option}
      height={440}
      emptyMessage={report.chartMessage}
      summary={chart && <p data-testid="control-chart-summary">{controlChartSummary(chart)}</p>}
    />
  );
}

function DetectionLimitForm({
  analyte,
  unit,
  onSaved,
}: {
  analyte: string;
  unit: string;
  onSaved: () => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await api['qaqc.setDetectionLimit']({ analyte, limit: Number(text) });
      onSaved();
    } catch (failure) {
      setError(describeError(failure));
    }
  }
  return (
    <form className="qaqc-standard-form" onSubmit={(event) => void save(event)}>
      <label>
        Detection limit of {analyte} ({unit}){' '}
        <input value={text} onChange={(event) => setText(event.target.value)} inputMode="decimal" size={8} />
      </label>
      <button type="submit">Save</button>
      {error && (
        <span role="alert" className="error-text">
          {error}
        </span>
      )}
    </form>
  );
}

export function BlanksFigure({ report, onChanged }: { report: QaqcAnalyteReport; onChanged: () => void }) {
  const blanks = report.blanks;
  const option = useMemo(() => blanksOption(blanks), [blanks]);
  const empty =
    blanks.points.length === 0
      ? `No blank has a ${report.analyte} result.`
      : blanks.threshold === null
        ? `${report.analyte} has no detection limit in the project, so blanks cannot be judged (they fail above ${blanks.factor} x the detection limit). Enter it below; a lab certificate's MDL row sets it on import.`
        : null;
  return (
    <>
      <Figure
        title={`Blanks: ${report.analyte}`}
        fileStem={`blanks-${report.analyte}`}
        option={option}
        height={380}
        emptyMessage={empty}
        summary={<p data-testid="blanks-summary">{blanksSummary(blanks)}</p>}
      />
      {blanks.points.length > 0 && blanks.threshold === null && (
        <DetectionLimitForm analyte={report.analyte} unit={report.unit} onSaved={onChanged} />
      )}
    </>
  );
}

export function DuplicateFigures({ report }: { report: QaqcAnalyteReport }) {
  const [log, setLog] = useState(true);
  const duplicates = report.duplicates;
  const scatter = useMemo(() => duplicateScatterOption(duplicates, { log }), [duplicates, log]);
  const ranked = useMemo(() => rankedHardOption(duplicates), [duplicates]);
  const noPairs =
    duplicates.pairs.length === 0
      ? `No field duplicate has a ${report.analyte} result beside its original's${duplicates.unpaired > 0 ? ` (${duplicates.unpaired} duplicates without a pair: parent sample not in the project or without a result)` : ''}.`
      : null;
  const noRanked =
    noPairs ??
    (duplicates.included === 0
      ? `Every pair's mean is under the practical limit (${duplicates.factor} x the detection limit), so there is no precision to rank.`
      : null);
  return (
    <div className="qaqc-duplicates">
      <Figure
        title={`Field duplicates: ${report.analyte}`}
        fileStem={`duplicates-${report.analyte}`}
        option={scatter}
        height={460}
        emptyMessage={noPairs}
        controls={
          <label>
            <input type="checkbox" checked={log} onChange={(event) => setLog(event.target.checked)} /> Log
            axes
          </label>
        }
        summary={<p data-testid="duplicates-summary">{duplicatesSummary(duplicates)}</p>}
      />
      <Figure
        title={`Ranked HARD: ${report.analyte}`}
        fileStem={`ranked-hard-${report.analyte}`}
        option={ranked}
        height={460}
        emptyMessage={noRanked}
      />
    </div>
  );
}
