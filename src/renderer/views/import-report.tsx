// The report of a dry run or an import: what was (or would be) written, rows refused with file and line,
// notes, and the validation problems found in the holes the import touched.
import type { ImportProblem, ImportSummary } from '../../api/import-types';
import { plural } from '../../domain/report/plural';

export function ProblemList({ problems }: { problems: { total: number; rows: ImportProblem[] } }) {
  if (problems.total === 0) return <p>No validation problems in the holes written to.</p>;
  return (
    <>
      <p>
        {plural(problems.total, 'validation problem')} in the holes written to
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
        {summary.dryRun ? 'Would import' : 'Imported'} {plural(c.holes, 'hole')},{' '}
        {plural(c.surveys, 'survey')}, {plural(c.samples, 'sample')} ({plural(c.assayResults, 'assay result')}
        ), {plural(c.lithology, 'lithology interval')}
        {c.lookupCodes > 0 ? `, ${plural(c.lookupCodes, 'new code')}` : ''}.
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
              <td>{file.name.replace(/^.*[\\/]/, '')}</td>
              <td>{file.kind}</td>
              <td>
                {file.format === 'xlsx'
                  ? `sheet ${file.sheet}`
                  : `${file.encoding}, "${file.delimiter === '\t' ? 'tab' : file.delimiter}"${file.decimalComma ? ', decimal comma' : ''}`}
              </td>
              <td>{file.rows.toLocaleString('en')}</td>
              <td>{file.stored.toLocaleString('en')}</td>
              <td>{file.refused.toLocaleString('en')}</td>
              <td>
                {file.analytes
                  .map(
                    (a) =>
                      `${a.code} (${a.unit}${a.convertedFrom ? `, converted from ${a.convertedFrom}` : ''})`,
                  )
                  .join(', ')}
              </td>
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
      {summary.placement.length > 0 && (
        <div className="placement" role="note" aria-label="Collars far from the project">
          <h3>
            {plural(summary.placement.length, 'collar')} where the project's holes cannot be
            {summary.dryRun ? '' : ' (stored as validation warnings)'}
          </h3>
          <ul>
            {summary.placement.slice(0, 20).map((concern) => (
              <li key={concern.hole_id}>{concern.message}</li>
            ))}
            {summary.placement.length > 20 && <li>... and {summary.placement.length - 20} more.</li>}
          </ul>
        </div>
      )}
      {summary.refused.length > 0 && (
        <>
          <h3>{plural(summary.refused.length, 'row')} refused</h3>
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
