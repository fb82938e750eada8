// One file in the import wizard: what it is (kind, sheet), how it is written (encoding, delimiter,
// decimal comma: detected, and changeable), its first rows, and a role for every column.
import type { TextEncoding } from '../../domain/csv/sniff';
import { ANALYTE_UNITS, type AnalyteUnit } from '../../domain/model';
import { FILE_KINDS, type FileKind } from '../../domain/import/header-mapping';
import {
  delimiterName,
  fieldsOf,
  fileProblems,
  formatBytes,
  type ColumnRole,
  type WizardFile,
  type WizardKind,
} from './import-model';

export interface FileChoices {
  kind?: WizardKind;
  encoding?: TextEncoding;
  delimiter?: string;
  decimalComma?: boolean;
  sheet?: string;
}

const KIND_LABELS: Record<WizardKind, string> = {
  collars: 'Collars',
  surveys: 'Surveys',
  assays: 'Samples and assays',
  lithology: 'Lithology',
  certificate: 'Lab certificate',
};

function roleValue(role: ColumnRole): string {
  if (role.role === 'field') return `field:${role.field}`;
  return role.role;
}

function ColumnRoleEditor({
  header,
  role,
  kind,
  onChange,
}: {
  header: string;
  role: ColumnRole;
  kind: FileKind;
  onChange: (role: ColumnRole) => void;
}) {
  return (
    <div className="column-role">
      <select
        aria-label={`Column ${header}`}
        value={roleValue(role)}
        onChange={(event) => {
          const value = event.target.value;
          if (value === 'ignore') onChange({ role: 'ignore' });
          else if (value === 'analyte')
            onChange({ role: 'analyte', code: header.replace(/[_ ](pct|ppm|ppb|gpt|opt)$/i, ''), unit: '' });
          else onChange({ role: 'field', field: value.slice('field:'.length) });
        }}
      >
        <option value="ignore">(not imported)</option>
        {fieldsOf(kind).map((field) => (
          <option key={field} value={`field:${field}`}>
            {field}
          </option>
        ))}
        {kind === 'assays' && <option value="analyte">assay result</option>}
      </select>
      {role.role === 'analyte' && (
        <span className="analyte-role">
          <input
            aria-label={`Analyte code of ${header}`}
            value={role.code}
            size={5}
            onChange={(event) => onChange({ ...role, code: event.target.value })}
          />
          <select
            aria-label={`Unit of ${header}`}
            value={role.unit}
            onChange={(event) => onChange({ ...role, unit: event.target.value as AnalyteUnit | '' })}
          >
            <option value="">unit?</option>
            {ANALYTE_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </span>
      )}
    </div>
  );
}

export function ImportFilePanel({
  file,
  onChoose,
  onRole,
}: {
  file: WizardFile;
  onChoose: (choices: FileChoices) => void;
  onRole: (column: number, role: ColumnRole) => void;
}) {
  const preview = file.preview;
  const problems = fileProblems(file);
  // A certificate's first line (the lab's letterhead) is narrower than its table: show every column.
  const width = preview
    ? Math.max(preview.header.length, ...preview.rows.map((row) => row.fields.length))
    : 0;
  const columns = Array.from({ length: width }, (_value, column) => column);
  return (
    <section className="file-panel" aria-label={`File ${file.name}`}>
      <header className="file-panel-header">
        <h2>{file.name}</h2>
        <span>{formatBytes(file.size)}</span>
        <label>
          Holds{' '}
          <select
            aria-label="What the file holds"
            value={file.kind ?? ''}
            onChange={(event) => onChoose({ kind: event.target.value as WizardKind })}
          >
            <option value="" disabled>
              choose...
            </option>
            {[...FILE_KINDS, 'certificate' as const].map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        {preview && preview.kindGuess.kind && (
          <span className="hint">Guessed: {preview.kindGuess.reason}.</span>
        )}
      </header>
      {file.loading && <p role="status">Reading {file.name}...</p>}
      {file.error && (
        <p role="alert" className="error-text">
          {file.error}
        </p>
      )}
      {preview && (
        <>
          <div className="dialect" aria-label="How the file is written">
            {preview.format === 'xlsx' ? (
              <label>
                Sheet{' '}
                <select
                  value={preview.sheet ?? ''}
                  onChange={(event) => onChoose({ sheet: event.target.value })}
                >
                  {preview.sheets.map((sheet) => (
                    <option key={sheet}>{sheet}</option>
                  ))}
                </select>
              </label>
            ) : (
              <>
                <span className="detected" data-testid="detected-dialect">
                  Detected:{' '}
                  {preview.detected.encoding === 'utf-8'
                    ? `UTF-8 ${preview.detected.bom ? 'with' : 'without'} BOM`
                    : preview.detected.encoding}
                  , {delimiterName(preview.detected.delimiter)}-separated, decimal{' '}
                  {preview.detected.decimalComma ? 'comma' : 'point'}
                </span>
                <label>
                  Encoding{' '}
                  <select
                    aria-label="Encoding"
                    value={preview.encoding}
                    onChange={(event) => onChoose({ encoding: event.target.value as TextEncoding })}
                  >
                    <option value="utf-8">UTF-8</option>
                    <option value="windows-1252">Windows-1252</option>
                    <option value="utf-16le">UTF-16 LE</option>
                    <option value="utf-16be">UTF-16 BE</option>
                  </select>
                </label>
                <label>
                  Delimiter{' '}
                  <select
                    aria-label="Delimiter"
                    value={preview.delimiter}
                    onChange={(event) => onChoose({ delimiter: event.target.value })}
                  >
                    {[',', ';', '\t', '|'].map((delimiter) => (
                      <option key={delimiter} value={delimiter}>
                        {delimiterName(delimiter)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  <input
                    type="checkbox"
                    checked={preview.decimalComma}
                    disabled={preview.delimiter === ','}
                    onChange={(event) => onChoose({ decimalComma: event.target.checked })}
                  />{' '}
                  Decimal comma (12,5)
                </label>
              </>
            )}
          </div>
          {preview.saved && (
            <p className="hint" data-testid="saved-mapping">
              Using the mapping remembered for these columns (saved {preview.saved.savedAt.slice(0, 10)} by{' '}
              {preview.saved.savedBy}, used {preview.saved.uses} time{preview.saved.uses === 1 ? '' : 's'}).
            </p>
          )}
          {file.kind === 'certificate' && (
            <p className="hint">
              A lab certificate: its results are attached to existing samples by sample ID below.
            </p>
          )}
          {
            <div className="preview-scroll">
              <table className="preview-table" aria-label="First rows">
                <thead>
                  {file.kind && file.kind !== 'certificate' && !preview.certificate && (
                    <tr>
                      <th />
                      {preview.header.map((header, column) => (
                        <th key={column}>
                          <ColumnRoleEditor
                            header={header}
                            role={file.roles[column] ?? { role: 'ignore' }}
                            kind={file.kind as FileKind}
                            onChange={(role) => onRole(column, role)}
                          />
                        </th>
                      ))}
                    </tr>
                  )}
                  <tr>
                    <th>Line</th>
                    {columns.map((column) => (
                      <th key={column}>{preview.header[column] ?? ''}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row) => (
                    <tr key={row.line}>
                      <td>{row.line}</td>
                      {columns.map((column) => (
                        <td key={column}>{row.fields[column] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          }
          {preview.estimatedRows !== null && (
            <p className="hint">
              About {preview.estimatedRows.toLocaleString('en')} rows; the first{' '}
              {preview.analysedRows.toLocaleString('en')} were read for this preview.
            </p>
          )}
          {file.kind !== 'certificate' && problems.length > 0 && (
            <p className="error-text" role="alert">
              To import this file: {problems.join('; ')}.
            </p>
          )}
        </>
      )}
    </section>
  );
}
