// Project settings: the coordinate system as an EPSG code (shown in the status bar; drillbench does not
// reproject, it warns collars that cannot be in it) and which gaps between samples are warned. A change
// of the gap setting re-validates the project as a job with a progress bar.
import { useEffect, useState } from 'react';
import type { JobStatus, ProjectInfo } from '../../api/types';
import type { GapSettings } from '../../api/validation-types';
import { describeCrs, type CrsInfo } from '../../domain/coordinate-systems';
import { GAP_MODES, GAP_MODE_TITLES, type GapMode } from '../../domain/validation/rules';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import { JobProgress, useJob } from '../components/job-progress';

const GAP_MODE_HELP: Record<GapMode, string> = {
  off: 'No gap between samples is warned.',
  'inside-runs':
    'A sampled run is a stretch of samples whose gaps are no longer than the run break; only gaps inside a run are warned (a missing sample or lost core). Longer gaps, and the hole above the first sample and below the last, are left alone: only the mineralised part is usually sampled.',
  all: 'Every gap between two samples of a hole is warned.',
};

function CoordinateSystemForm({ info, onSaved }: { info: ProjectInfo; onSaved: () => void }) {
  const [text, setText] = useState(info.settings.coordinate_system ?? '');
  const [known, setKnown] = useState<CrsInfo[]>([]);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  useEffect(() => {
    api['project.coordinateSystems']({}).then(setKnown, () => setKnown([]));
  }, []);
  const save = () => {
    setMessage(null);
    api['project.update']({ coordinate_system: text.trim() === '' ? null : text }).then(
      (updated) => {
        setText(updated.settings.coordinate_system ?? '');
        setMessage({ error: false, text: `Saved: ${describeCrs(updated.settings.coordinate_system)}.` });
        onSaved();
      },
      (failure: unknown) => setMessage({ error: true, text: describeError(failure) }),
    );
  };
  return (
    <form
      className="settings-group"
      aria-label="Coordinate system"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <h2>Coordinate system</h2>
      <p className="hint">
        The EPSG code of the system the collars' eastings and northings are in, such as EPSG:32609 (WGS 84 /
        UTM zone 9N). Leave it empty for a local mine grid. drillbench does not reproject; it warns collars
        far outside the project's holes, or written in degrees in a projected system.
      </p>
      <label>
        EPSG code{' '}
        <input
          aria-label="EPSG code"
          list="common-crs"
          value={text}
          size={16}
          placeholder="EPSG:32609"
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <datalist id="common-crs">
        {known.map((crs) => (
          <option key={crs.code} value={crs.code}>
            {crs.name}
          </option>
        ))}
      </datalist>{' '}
      <button type="submit">Save coordinate system</button>
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={message.error ? 'error-text' : 'hint'}>
          {' '}
          {message.text}
        </span>
      )}
    </form>
  );
}

function GapSettingsForm({ onRevalidated }: { onRevalidated: () => void }) {
  const [settings, setSettings] = useState<GapSettings | null>(null);
  const [mode, setMode] = useState<GapMode>('inside-runs');
  const [runBreak, setRunBreak] = useState('');
  const [job, setJob] = useState<JobStatus | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  useEffect(() => {
    api['validation.gapSettings']({}).then(
      (loaded) => {
        setSettings(loaded);
        setMode(loaded.mode);
        setRunBreak(String(loaded.runBreak));
      },
      (failure: unknown) => setMessage({ error: true, text: describeError(failure) }),
    );
  }, []);
  const status = useJob(job, (finished) => {
    setJob(null);
    if (finished.state === 'done') {
      setMessage({ error: false, text: 'Saved; the project was re-validated.' });
      onRevalidated();
    } else setMessage({ error: true, text: finished.error?.message ?? `Re-validation ${finished.state}.` });
  });
  if (!settings) return message ? <p role="alert">{message.text}</p> : null;
  const save = () => {
    setMessage(null);
    const length = Number(runBreak);
    api['validation.setGapSettings']({ mode, ...(mode === 'inside-runs' ? { runBreak: length } : {}) }).then(
      (result) => {
        setSettings(result.settings);
        if (result.job) setJob(result.job);
        else setMessage({ error: false, text: 'Nothing changed.' });
      },
      (failure: unknown) => setMessage({ error: true, text: describeError(failure) }),
    );
  };
  return (
    <form
      className="settings-group"
      aria-label="Gap warnings"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <h2>Gap warnings between samples</h2>
      <label>
        Warn gaps{' '}
        <select
          aria-label="Gap warnings"
          value={mode}
          onChange={(event) => setMode(event.target.value as GapMode)}
        >
          {GAP_MODES.map((choice) => (
            <option key={choice} value={choice}>
              {GAP_MODE_TITLES[choice]}
              {choice === settings.defaultMode ? ' (default)' : ''}
            </option>
          ))}
        </select>
      </label>{' '}
      {mode === 'inside-runs' && (
        <label>
          Run break{' '}
          <input
            aria-label="Run break"
            type="number"
            min="0"
            step="any"
            value={runBreak}
            size={6}
            onChange={(event) => setRunBreak(event.target.value)}
          />{' '}
          {settings.lengthUnit} (default {settings.defaultRunBreak})
        </label>
      )}
      <p className="hint">
        {GAP_MODE_HELP[mode]} Lithology gaps are always warned: logging covers the whole hole.
      </p>
      <button type="submit" disabled={job !== null}>
        Save and re-validate
      </button>
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={message.error ? 'error-text' : 'hint'}>
          {' '}
          {message.text}
        </span>
      )}
      <JobProgress status={status} label="Re-validation" />
    </form>
  );
}

export function ProjectSettingsView({
  info,
  onChanged,
}: {
  info: ProjectInfo | null;
  onChanged: () => void;
}) {
  return (
    <section className="project-settings-view" aria-label="Project settings">
      <header className="view-header">
        <h1>Project settings</h1>
        {info && (
          <p>
            {info.settings.name}: lengths in {info.settings.length_unit === 'm' ? 'metres' : 'feet'}, dips{' '}
            {info.settings.dip_convention}.
          </p>
        )}
      </header>
      {info && <CoordinateSystemForm info={info} onSaved={onChanged} />}
      <GapSettingsForm onRevalidated={onChanged} />
    </section>
  );
}
