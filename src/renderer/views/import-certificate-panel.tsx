// A laboratory certificate in the import wizard: check it (dry run) and attach its results to the
// project's samples by sample ID; the report lists unknown IDs, lab QC rows and re-assays.
import { plural } from '../../domain/report/plural';
import { useState } from 'react';
import type { CertificateImportSummary } from '../../api/import-wizard-types';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import { ProblemList } from './import-report';
import type { WizardFile } from './import-model';

function CertificateReport({ summary }: { summary: CertificateImportSummary }) {
  return (
    <section
      className="import-report"
      aria-label={summary.dryRun ? 'Certificate check' : 'Certificate attached'}
    >
      <h3>
        {summary.dryRun ? 'Check: nothing was written' : 'Attached'} - certificate {summary.certificate}
        {summary.lab ? `, ${summary.lab}` : ''}
      </h3>
      <p data-testid="certificate-counts">
        {summary.dryRun ? 'Would attach' : 'Attached'} {plural(summary.resultsWritten, 'result')} to{' '}
        {summary.samplesMatched} of {plural(summary.samplesInFile, 'sample')};{' '}
        {plural(summary.reassays, 're-assay')} kept beside earlier results;{' '}
        {plural(summary.preferredChanged, 'earlier result')} no longer preferred.
      </p>
      <dl className="certificate-header">
        {summary.header
          .filter((entry) => entry.value !== '')
          .map((entry) => (
            <div key={entry.key}>
              <dt>{entry.key}</dt>
              <dd>{entry.value}</dd>
            </div>
          ))}
      </dl>
      <table className="report-table" aria-label="Certificate columns">
        <thead>
          <tr>
            <th>Method</th>
            <th>Analyte</th>
            <th>Unit</th>
            <th>Results</th>
            <th>Re-assays</th>
            <th>Kinds</th>
          </tr>
        </thead>
        <tbody>
          {summary.columns.map((column, index) => (
            <tr key={index}>
              <td>{column.method ?? ''}</td>
              <td>{column.analyte}</td>
              <td>
                {column.unit}
                {column.convertedFrom ? ` (from ${column.convertedFrom})` : ''}
              </td>
              <td>{column.results}</td>
              <td>{column.reassays}</td>
              <td>
                {Object.entries(column.flags)
                  .map(([flag, count]) => `${flag} ${count}`)
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.skippedColumns.map((column) => (
        <p key={column.label} className="hint">
          Not imported: {column.label} ({column.reason}).
        </p>
      ))}
      {summary.unknownSamples.length > 0 && (
        <p role="alert" className="error-text" data-testid="unknown-samples">
          {summary.unknownSamples.length} sample IDs are not in the project and were not attached:{' '}
          {summary.unknownSamples.map((sample) => `${sample.sampleId} (line ${sample.line})`).join(', ')}.
        </p>
      )}
      {summary.ambiguousSamples.map((sample) => (
        <p key={sample.sampleId} className="error-text">
          {sample.sampleId} (line {sample.line}) is used by several samples ({sample.holes.join(', ')}); not
          attached.
        </p>
      ))}
      {summary.labQc.length > 0 && (
        <p className="hint">
          Lab QC rows, not attached: {summary.labQc.map((row) => row.sampleId).join(', ')}.
        </p>
      )}
      {summary.notes.map((note, index) => (
        <p key={index} className="hint">
          {note}
        </p>
      ))}
      <ProblemList problems={summary.touchedProblems} />
    </section>
  );
}

export function ImportCertificatePanel({ file, onImported }: { file: WizardFile; onImported: () => void }) {
  const [lab, setLab] = useState('');
  const [certificate, setCertificate] = useState('');
  const [summary, setSummary] = useState<CertificateImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    api['certificates.import']({
      path: file.path,
      dryRun,
      lab: lab.trim() || undefined,
      certificate: certificate.trim() || undefined,
    }).then(
      (result) => {
        setSummary(result);
        setBusy(false);
        if (!dryRun) onImported();
      },
      (failure: unknown) => {
        setError(describeError(failure));
        setBusy(false);
      },
    );
  };
  return (
    <section className="certificate-panel" aria-label="Lab certificate">
      <div className="option-row">
        <label>
          Lab (if the certificate does not say){' '}
          <input value={lab} onChange={(event) => setLab(event.target.value)} />
        </label>
        <label>
          Certificate number (if none in the file){' '}
          <input value={certificate} onChange={(event) => setCertificate(event.target.value)} />
        </label>
        <button type="button" disabled={busy} onClick={() => run(true)}>
          Check certificate
        </button>
        <button type="button" disabled={busy || !summary?.dryRun} onClick={() => run(false)}>
          Attach results
        </button>
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {summary && <CertificateReport summary={summary} />}
    </section>
  );
}
