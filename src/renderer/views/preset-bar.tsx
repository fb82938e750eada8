// Saved presets of a run form (intercepts, composites): choosing one loads it into the fields at once;
// the form can be saved under a name, and a preset deleted. Reload brings a preset's values back after
// the fields were edited.
import { useCallback, useEffect, useState } from 'react';
import type { PresetInfo } from '../../api/compositing-types';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';

type PresetKind = PresetInfo['kind'];

interface Props<P> {
  kind: PresetKind;
  /** The preset the fields hold now, or null once they were edited (or nothing was loaded). */
  current: string | null;
  /** The form's parameters for saving, or null when a field is wrong (the form marks it). */
  checkedParams: () => P | null;
  /** Fills the fields from a preset. */
  onLoad: (name: string, params: unknown) => void;
  /** The fields were saved as this preset. */
  onSaved: (name: string) => void;
}

export function PresetBar<P>({ kind, current, checkedParams, onLoad, onSaved }: Props<P>) {
  const [presets, setPresets] = useState<PresetInfo[]>([]);
  const [selected, setSelected] = useState(current ?? '');
  const [saveName, setSaveName] = useState(current ?? '');
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback(() => {
    api['presets.list']({ kind }).then(setPresets, (error: unknown) => setMessage(describeError(error)));
  }, [kind]);
  useEffect(refresh, [refresh]);

  const load = (name: string) => {
    const preset = presets.find((p) => p.name === name);
    if (!preset) return;
    onLoad(preset.name, preset.params);
    setSaveName(preset.name);
    setMessage(`Loaded preset ${preset.name}.`);
  };
  const choose = (name: string) => {
    setSelected(name);
    if (name) load(name);
    else setMessage(null);
  };
  const save = () => {
    const params = checkedParams();
    if (params === null) {
      setMessage('Fix the marked fields before saving.');
      return;
    }
    const name = saveName.trim();
    if (name === '') {
      setMessage('Give the preset a name to save it under.');
      return;
    }
    // The API checks the parameters against the kind's schema (presetSaveSchema).
    api['presets.save']({ kind, name, params } as Parameters<(typeof api)['presets.save']>[0]).then(
      (saved) => {
        setMessage(`Saved preset ${saved.name}.`);
        setSelected(saved.name);
        onSaved(saved.name);
        refresh();
      },
      (error: unknown) => setMessage(describeError(error)),
    );
  };
  const remove = () => {
    if (!selected || !window.confirm(`Delete the preset ${selected}?`)) return;
    api['presets.delete']({ kind, name: selected }).then(
      () => {
        setMessage(`Deleted preset ${selected}.`);
        setSelected('');
        refresh();
      },
      (error: unknown) => setMessage(describeError(error)),
    );
  };

  return (
    <div className="preset-bar">
      <label>
        Preset{' '}
        <select aria-label="Saved presets" value={selected} onChange={(event) => choose(event.target.value)}>
          <option value="">{presets.length === 0 ? '(none saved)' : 'choose a preset...'}</option>
          {presets.map((preset) => (
            <option key={preset.name} value={preset.name} title={preset.description ?? undefined}>
              {preset.name}
            </option>
          ))}
        </select>
      </label>
      {selected && selected !== current && (
        <button
          type="button"
          onClick={() => load(selected)}
          title="Put the preset's values back in the fields"
        >
          Reload
        </button>
      )}
      <button type="button" onClick={remove} disabled={!selected}>
        Delete
      </button>
      <input
        aria-label="Preset name"
        placeholder="name to save as"
        value={saveName}
        onChange={(event) => setSaveName(event.target.value)}
      />
      <button type="button" onClick={save}>
        Save preset
      </button>
      {message && <span className="preset-message">{message}</span>}
    </div>
  );
}
