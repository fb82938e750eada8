// The report of a dry run or an import: what was (or would be) written, rows refused with file and line,
// notes, and the validation problems found in the holes the import touched.
import type { ImportProblem, ImportSummary } from '../../api/import-types';

export function ProblemList({ problems }: { problems: { total: number; rows: ImportProblem[] } }) {
  if (problems.total === 0) return <p>No validation problems in the holes written to.</p>;
  return (
    <>
      <p>
        {problems.total.toLocaleString('en')} validation problem{problems.total === 1 ? '' : 's'} in the holes
        written to
        {problems.rows.length < problems.total ? ` (the first ${problems.rows.length} below)` : ''}: they are
        stored and shown in the Validation view; rows with errors are left out of calculations.
      </p>
      <table className="problem-table" aria-label="Validation problems">
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
          {problems.rows.map((problem, index) => (
            <tr key={index} className={problem.severity}>
              <td>{problem.severity}</td>
              <td>{problem.rule}</td>
              <td>{problem.hole_id}</td>
              <td>{problem.table}</td>
              <td>{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function ImportReport({ summary }: { summary: ImportSummary }) {
  const c = summary.counts;
  return (
    <section className="import-report" aria-label={summary.dryRun ? 'Dry run report' : 'Import summary'}>
      <h2>{summary.dryRun ? 'Dry run: nothing was written' : 'Imported'}</h2>
      <p data-testid="import-counts">
        {summary.dryRun ? 'Would import' : 'Imported'} {c.holes.toLocaleString('en')} holes,{' '}
        {c.surveys.toLocaleString('en')} surveys, {c.samples.toLocaleString('en')} samples (
        {c.assayResults.toLocaleString('en')} assay results), {c.lithology.toLocaleString('en')} lithology
        intervals
        {c.lookupCodes > 0 ? `, ${c.lookupCodes} new codes` : ''}.
      </p>
      <table className="report-table" aria-label="Files">
        <thead>
          <tr>
            <th>File</th>
            <th>Kind</th>
            <th>Read as</th>
            <th>Rows</th>
            <th>Stored</th>
            <th>Refused</th>
            <th>Analytes</th>
          </tr>
        </thead>
        <tbody>
          {summary.files.map((file) => (
            <tr key={`${file.path}-${file.kind}`}>
              <td>{file.path.replace(/^.*[\\/]/, '')}</td>
              <td>{file.kind}</td>
              <td>
                {file.format === 'xlsx'
                  ? `sheet ${file.sheet}`
                  : `${file.encoding}, "${file.delimiter === '\t' ? 'tab' : file.delimiter}"${file.decimalComma ? ', decimal comma' : ''}`}
              </td>
              <td>{file.rows.toLocaleString('en')}</td>
              <td>{file.stored.toLocaleString('en')}</td>
              <td>{file.refused.toLocaleString('en')}</td>
              <td>{file.analytes.map((a) => `${a.code} (${a.unit})`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Dips: files {summary.dipConvention.files}, project {summary.dipConvention.project} (
        {summary.dipConvention.reason}). Lengths: files in {summary.lengthUnit.files}, project in{' '}
        {summary.lengthUnit.project}.
      </p>
      {summary.notes.length > 0 && (
        <ul className="notes">
          {summary.notes.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      )}
      {summary.refused.length > 0 && (
        <>
          <h3>
            {summary.refused.length.toLocaleString('en')} row{summary.refused.length === 1 ? '' : 's'} refused
          </h3>
          <table className="problem-table" aria-label="Refused rows">
            <thead>
              <tr>
                <th>File</th>
                <th>Line</th>
                <th>Column</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {summary.refused.slice(0, 500).map((row, index) => (
                <tr key={index} className="error">
                  <td>{row.file.replace(/^.*[\\/]/, '')}</td>
                  <td>{row.line}</td>
                  <td>{row.column ?? ''}</td>
                  <td>{row.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <ProblemList problems={summary.touchedProblems} />
    </section>
  );
}
