// Exports of a saved run (intercepts, composites, desurvey) to CSV or XLSX, as a job. In the browser the
// file downloads; in the desktop app a save dialog asks where it goes; a path typed here (browser host)
// writes it on this computer instead. The outcome is shown beside the buttons that caused it.
import { useEffect, useRef, useState } from 'react';
import type { ExportResult, RunInfo } from '../../api/compositing-types';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import { chooseExportPath, downloadUrl, inDesktopApp, startDownload } from '../components/export-destination';
import { useJob } from './intercepts-job';
import { remembered } from './section-shared';

type Content = 'results' | 'report';

interface Outcome {
  text: string;
  download?: { id: string; name: string };
  failed?: boolean;
}

export function RunExportBar({ run, reportChoice = false }: { run: RunInfo; reportChoice?: boolean }) {
  const exporter = useJob();
  const desktop = inDesktopApp();
  const [content, setContent] = useState<Content>(reportChoice ? 'report' : 'results');
  const [path, setPath] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The report's figures (intercepts only): the plan, and a section along a saved line or the one drawn
  // on the Plan; a Figures sheet in the workbook and SVG/PNG files beside a file written to a path.
  const [withFigures, setWithFigures] = useState(false);
  const [sections, setSections] = useState<string[]>([]);
  const [section, setSection] = useState('');
  useEffect(() => {
    if (!reportChoice) return;
    api['sections.lines']({}).then(
      (lines) => setSections(lines.map((l) => l.name)),
      () => setSections([]),
    );
  }, [reportChoice]);
  const figures: Parameters<(typeof api)['runs.export']>[0]['figures'] =
    reportChoice && withFigures && content === 'report'
      ? section === '(drawn)'
        ? { plan: true, section: remembered.line }
        : { plan: true, section: null, sectionName: section || undefined }
      : undefined;
  const shown = useRef<HTMLDivElement>(null);
  // The message belongs to the button just pressed: keep it in sight on a long page.
  useEffect(() => {
    if (outcome) shown.current?.scrollIntoView({ block: 'nearest' });
  }, [outcome]);

  const write = async (format: 'csv' | 'xlsx') => {
    let target: string | undefined;
    try {
      if (desktop) {
        const stem = `${run.kind}-run-${run.id}${content === 'report' ? '-report' : ''}`;
        const chosen = await chooseExportPath(format, stem);
        if (chosen === null) return;
        target = chosen;
      } else if (path.trim() !== '') {
        target = `${path.trim().replace(/\.(csv|xlsx)$/i, '')}.${format}`;
      }
    } catch (error) {
      setOutcome({ text: describeError(error), failed: true });
      return;
    }
    setOutcome({ text: target ? `Writing ${target}...` : `Preparing the ${format.toUpperCase()} file...` });
    exporter
      .follow(() =>
        api['runs.export']({
          id: run.id,
          content,
          ...(target ? { path: target } : { format }),
          // The desktop save dialog has already asked before replacing a file.
          overwrite: desktop || overwrite,
          figures,
        }),
      )
      .then(
        (status) => {
          if (status.state !== 'done') {
            setOutcome({ text: status.error?.message ?? `Export ${status.state}.`, failed: true });
            return;
          }
          const result = status.result as ExportResult;
          const rows = `${result.rows.toLocaleString('en')} rows`;
          const beside =
            !result.downloadId && result.figures?.length
              ? ` and ${result.figures.length} figure files beside it`
              : '';
          if (result.downloadId) {
            startDownload(result.downloadId, result.name);
            setOutcome({
              text: `Exported ${rows} to ${result.name}.`,
              download: { id: result.downloadId, name: result.name },
            });
          } else setOutcome({ text: `Wrote ${result.path} (${rows})${beside}.` });
        },
        (error: unknown) => setOutcome({ text: describeError(error), failed: true }),
      );
  };

  return (
    <div className="export-bar" role="group" aria-label="Export the run">
      {reportChoice && (
        <select
          aria-label="Export content"
          value={content}
          onChange={(event) => setContent(event.target.value as Content)}
        >
          <option value="report">news-release report</option>
          <option value="results">full-precision results</option>
        </select>
      )}
      {!desktop && (
        <label>
          Save to a path (optional){' '}
          <input
            aria-label="Export file"
            value={path}
            placeholder="leave empty to download"
            onChange={(event) => setPath(event.target.value)}
            title="A path on the computer running drillbench; a name alone is written beside the project file. Empty: the file downloads."
          />
        </label>
      )}
      {!desktop && path.trim() !== '' && (
        <label>
          <input
            type="checkbox"
            checked={overwrite}
            onChange={(event) => setOverwrite(event.target.checked)}
          />{' '}
          replace an existing file
        </label>
      )}
      {reportChoice && content === 'report' && (
        <label>
          <input
            type="checkbox"
            checked={withFigures}
            onChange={(event) => setWithFigures(event.target.checked)}
          />{' '}
          with the plan and section
        </label>
      )}
      {reportChoice && content === 'report' && withFigures && (
        <select
          aria-label="Report section"
          value={section}
          onChange={(event) => setSection(event.target.value)}
        >
          <option value="">no section</option>
          {remembered.line && <option value="(drawn)">section drawn on the Plan</option>}
          {sections.map((name) => (
            <option key={name} value={name}>
              section {name}
            </option>
          ))}
        </select>
      )}
      <button type="button" onClick={() => void write('csv')} disabled={exporter.running}>
        Export CSV
      </button>
      <button type="button" onClick={() => void write('xlsx')} disabled={exporter.running}>
        Export XLSX
      </button>
      {outcome && (
        <div
          ref={shown}
          className={outcome.failed ? 'export-message failed' : 'export-message'}
          role={outcome.failed ? 'alert' : 'status'}
          aria-label="Export outcome"
        >
          {outcome.text}{' '}
          {outcome.download && (
            <a href={downloadUrl(outcome.download.id)} download={outcome.download.name}>
              Download {outcome.download.name}
            </a>
          )}
        </div>
      )}
    </div>
  );
}
