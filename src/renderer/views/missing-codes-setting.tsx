// The project's missing-value codes, where imports meet them: the built-in -99, -999, -9999 and the
// project's own, editable and saved in the project (the same setting as drillbench settings).
import { useEffect, useState } from 'react';
import { MISSING_SENTINELS } from '../../domain/assay-values';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';

const KEY = 'assays.missing_sentinels';

export function MissingCodesSetting() {
  const [saved, setSaved] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    api['settings.list']({}).then(
      (settings) => {
        if (!live) return;
        const value = settings.find((setting) => setting.key === KEY)?.value ?? '';
        setSaved(value);
        setText(value.replace(/,/g, ', '));
      },
      (error: unknown) => live && setMessage({ error: true, text: describeError(error) }),
    );
    return () => {
      live = false;
    };
  }, []);

  const save = () => {
    setMessage(null);
    api['settings.set']({ key: KEY, value: text }).then(
      (change) => {
        setSaved(change.value);
        setText(change.value.replace(/,/g, ', '));
        setMessage({ error: false, text: change.effect });
      },
      (error: unknown) => setMessage({ error: true, text: describeError(error) }),
    );
  };

  return (
    <div className="option-row">
      <label>
        Numbers that mean no result: {MISSING_SENTINELS.join(', ')} and{' '}
        <input
          aria-label="Project's own missing-value codes"
          value={text}
          placeholder="e.g. -1, -99.9"
          size={16}
          onChange={(event) => setText(event.target.value)}
        />
      </label>{' '}
      <button type="button" disabled={saved === null || text.replace(/\s/g, '') === saved} onClick={save}>
        Save codes
      </button>
      <span className="hint">
        Read as missing, never as below detection; saved in the project and applied to results already stored.
      </span>
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={message.error ? 'error-text' : 'hint'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
