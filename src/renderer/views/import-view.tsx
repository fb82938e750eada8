// The import wizard: add files by dropping them, choosing them, or typing a path on this computer; check
// what was detected and how columns map; choose units, dips and codes; run a dry run that shows the
// validation report before anything is written; then import in one transaction, as a job with a
// progress bar and Cancel, and see the summary.
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { ImportSummary } from '../../api/import-types';
import type { JobStatus, ProjectInfo } from '../../api/types';
import { api } from '../api/api-client';
import { uploadFile } from '../api/file-upload';
import { describeError } from '../components/error-text';
import { JobProgress, useJob } from '../components/job-progress';
import { ImportCertificatePanel } from './import-certificate-panel';
import { ImportFilePanel, type FileChoices } from './import-file-panel';
import { ImportMethodPriority } from './import-method-priority';
import {
  dipChoiceNeeded,
  fileProblems,
  formatBytes,
  importRequest,
  rolesFromPreview,
  type ColumnRole,
  type WizardFile,
  type WizardOptions,
} from './import-model';
import { ImportOptions } from './import-options';
import { ImportReport } from './import-report';

let nextKey = 1;

function initialOptions(info: ProjectInfo | null): WizardOptions {
  return {
    lengthUnit: info?.settings.length_unit ?? 'm',
    dipConvention: info?.settings.dip_convention ?? 'negative-down',
    negativeIsBelowDetection: true,
    resultCodes: {},
    rememberMapping: true,
    allOrNothing: false,
    touched: {},
  };
}

/** Pre-selects unit and dip sign from the files' hints and remembered options, unless set by hand. */
function applyHints(options: WizardOptions, files: readonly WizardFile[]): WizardOptions {
  const previews = files.flatMap((file) =>
    file.preview && file.kind !== 'certificate' ? [file.preview] : [],
  );
  const next = { ...options };
  const agreed = <T,>(values: (T | null | undefined)[]): T | null => {
    const set = new Set(values.filter((value): value is T => value !== null && value !== undefined));
    return set.size === 1 ? [...set][0]! : null;
  };
  const unit = agreed([
    ...previews.map((preview) => preview.saved?.options.lengthUnit),
    ...previews.map((preview) => preview.hints.lengthUnit?.unit),
  ]);
  if (unit && !options.touched.lengthUnit) next.lengthUnit = unit;
  const dips = agreed([
    ...previews.map((preview) => preview.saved?.options.dipConvention),
    ...previews.map((preview) => preview.hints.dipConvention?.convention),
  ]);
  // Holes that disagree about which sign is down: the user must choose, nothing is pre-selected.
  if (!options.touched.dipConvention) {
    if (dipChoiceNeeded(files)) next.dipConvention = null;
    else if (dips) next.dipConvention = dips;
  }
  for (const preview of previews) {
    if (preview.saved?.options.resultCodes)
      next.resultCodes = { ...preview.saved.options.resultCodes, ...next.resultCodes };
    if (
      preview.saved?.options.negativeIsBelowDetection !== undefined &&
      !options.touched.negativeIsBelowDetection
    )
      next.negativeIsBelowDetection = preview.saved.options.negativeIsBelowDetection;
  }
  return next;
}

export function ImportView({ info, onImported }: { info: ProjectInfo | null; onImported: () => void }) {
  const [files, setFiles] = useState<WizardFile[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [options, setOptions] = useState<WizardOptions>(() => initialOptions(info));
  const [typedPath, setTypedPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [job, setJob] = useState<JobStatus | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [dryRunDone, setDryRunDone] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const filesRef = useRef(files);
  filesRef.current = files;

  useEffect(() => setOptions((current) => applyHints(current, files)), [files]);

  const update = useCallback((key: string, change: (file: WizardFile) => WizardFile) => {
    setFiles((list) => list.map((file) => (file.key === key ? change(file) : file)));
    setSummary(null);
    setDryRunDone(false);
  }, []);

  const inspect = useCallback(
    (key: string, choices: FileChoices = {}) => {
      const file = filesRef.current.find((entry) => entry.key === key);
      if (!file) return;
      const kind = choices.kind ?? file.kind;
      update(key, (current) => ({ ...current, ...choices, loading: true, error: null }));
      api['import.inspect']({
        path: file.path,
        kind: kind && kind !== 'certificate' ? kind : undefined,
        sheet: choices.sheet ?? file.sheet,
        encoding: choices.encoding ?? file.encoding,
        delimiter: choices.delimiter ?? file.delimiter,
        decimalComma: choices.decimalComma ?? file.decimalComma,
      }).then(
        (preview) =>
          update(key, (current) => ({
            ...current,
            loading: false,
            preview,
            kind: choices.kind ?? current.kind ?? (preview.certificate ? 'certificate' : preview.kind),
            roles: rolesFromPreview(preview),
          })),
        (failure: unknown) =>
          update(key, (current) => ({ ...current, loading: false, error: describeError(failure) })),
      );
    },
    [update],
  );

  const addFile = useCallback(
    (entry: Pick<WizardFile, 'path' | 'name' | 'size' | 'uploaded'>) => {
      const key = `file-${nextKey++}`;
      const file: WizardFile = {
        ...entry,
        key,
        loading: true,
        error: null,
        preview: null,
        kind: null,
        roles: [],
      };
      filesRef.current = [...filesRef.current, file];
      setFiles(filesRef.current);
      setSelected(key);
      inspect(key);
    },
    [inspect],
  );

  const upload = (list: FileList | null) => {
    for (const file of Array.from(list ?? [])) {
      setError(null);
      uploadFile(file).then(
        (result) => addFile({ path: result.path, name: file.name, size: file.size, uploaded: true }),
        (failure: unknown) => setError(`${file.name}: ${describeError(failure)}`),
      );
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    upload(event.dataTransfer.files);
  };

  const finished = useCallback(
    (status: JobStatus<ImportSummary>) => {
      setJob(null);
      if (status.state === 'done' && status.result) {
        setSummary(status.result);
        setDryRunDone(status.result.dryRun);
        if (!status.result.dryRun) {
          onImported();
          setRefreshKey((value) => value + 1);
        }
      } else setError(status.error?.message ?? `The import ${status.state}.`);
    },
    [onImported],
  );
  const status = useJob<ImportSummary>(job, finished);

  const dataFiles = files.filter((file) => file.kind !== 'certificate');
  const blocking = dataFiles.flatMap((file) =>
    fileProblems(file).map((problem) => `${file.name}: ${problem}`),
  );
  const dipChoice = options.dipConvention === null ? dipChoiceNeeded(dataFiles) : null;
  if (options.dipConvention === null)
    blocking.push(`Choose how the files sign dips: ${dipChoice ?? 'no sign was chosen'}.`);
  const start = (dryRun: boolean) => {
    setError(null);
    setSummary(null);
    api['import.start'](importRequest(dataFiles, options, dryRun)).then(setJob, (failure: unknown) =>
      setError(describeError(failure)),
    );
  };
  const current = files.find((file) => file.key === selected) ?? null;

  return (
    <section className="import-view" aria-label="Import">
      <header className="view-header">
        <h1>Import</h1>
        <p>
          Collars, surveys, samples with assays and lithology from CSV, TSV or XLSX files; lab certificates by
          sample ID.
        </p>
      </header>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <p>Drop CSV, TSV or XLSX files here</p>
        <button type="button" onClick={() => input.current?.click()}>
          Choose files...
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept=".csv,.tsv,.txt,.xlsx,text/csv"
          aria-label="Files to upload"
          onChange={(event) => {
            upload(event.target.files);
            event.target.value = '';
          }}
        />
        <form
          className="path-form"
          onSubmit={(event) => {
            event.preventDefault();
            const path = typedPath.trim();
            if (path === '') return;
            addFile({ path, name: path.replace(/^.*[\\/]/, ''), size: 0, uploaded: false });
            setTypedPath('');
          }}
        >
          <label>
            or the path of a file on this computer{' '}
            <input
              value={typedPath}
              onChange={(event) => setTypedPath(event.target.value)}
              placeholder="/data/drilling/assays.csv"
              size={50}
            />
          </label>
          <button type="submit">Add</button>
        </form>
      </div>
      {error && (
        <div role="alert" className="error-banner">
          {error}
        </div>
      )}
      {files.length > 0 && (
        <ul className="file-list" aria-label="Files to import">
          {files.map((file) => (
            <li key={file.key} className={file.key === selected ? 'selected' : undefined}>
              <button type="button" onClick={() => setSelected(file.key)}>
                {file.name}
              </button>{' '}
              <span>
                {file.preview ? formatBytes(file.preview.size) : ''} {file.kind ?? ''}
                {fileProblems(file).length === 0 ? ' - ready' : ''}
              </span>{' '}
              <button
                type="button"
                aria-label={`Remove ${file.name}`}
                onClick={() => {
                  setFiles((list) => list.filter((entry) => entry.key !== file.key));
                  setSummary(null);
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {current && (
        <ImportFilePanel
          file={current}
          onChoose={(choices) => inspect(current.key, choices)}
          onRole={(column, role: ColumnRole) =>
            update(current.key, (file) => ({
              ...file,
              roles: file.roles.map((old, index) => (index === column ? role : old)),
            }))
          }
        />
      )}
      {current?.kind === 'certificate' && current.preview && (
        <ImportCertificatePanel
          file={current}
          onImported={() => {
            onImported();
            setRefreshKey((value) => value + 1);
          }}
        />
      )}
      {dataFiles.length > 0 && (
        <>
          <ImportOptions
            files={files}
            options={options}
            projectUnit={info?.settings.length_unit ?? 'm'}
            projectDips={info?.settings.dip_convention ?? 'negative-down'}
            onChange={(next) => {
              setOptions(next);
              setSummary(null);
              setDryRunDone(false);
            }}
          />
          <div className="import-actions">
            <button type="button" disabled={blocking.length > 0 || job !== null} onClick={() => start(true)}>
              Dry run
            </button>
            <button
              type="button"
              className="primary"
              disabled={blocking.length > 0 || job !== null || !dryRunDone}
              title={dryRunDone ? undefined : 'Run a dry run first to see what would be written.'}
              onClick={() => start(false)}
            >
              Import
            </button>
            {blocking.length > 0 && <span className="error-text">{blocking[0]}</span>}
          </div>
        </>
      )}
      <JobProgress status={status} label="Import" />
      {summary && <ImportReport summary={summary} />}
      <ImportMethodPriority refreshKey={refreshKey} />
    </section>
  );
}
