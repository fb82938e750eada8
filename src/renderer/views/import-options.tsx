// The choices that hold for the whole import: the files' unit and dip sign (with the hints the data
// gives), below-detection handling (negative numbers, missing-value codes, the file's own text codes),
// and whether to remember the mappings and refuse everything if one row is refused.
import { CODE_FLAGS, type CodeFlag } from '../../domain/assay-values';
import type { AssayFlag, DipConvention, LengthUnit } from '../../domain/model';
import type { WizardFile, WizardOptions } from './import-model';
import { MissingCodesSetting } from './missing-codes-setting';

const FLAG_WORDS: Record<AssayFlag, string> = {
  value: 'a number',
  bdl: 'below detection',
  odl: 'over the upper limit',
  ns: 'not sampled',
  is: 'insufficient sample',
  missing: 'missing',
  invalid: 'unknown (stored, flagged by validation)',
};

export function ImportOptions({
  files,
  options,
  projectUnit,
  projectDips,
  onChange,
}: {
  files: readonly WizardFile[];
  options: WizardOptions;
  projectUnit: LengthUnit;
  projectDips: DipConvention;
  onChange: (options: WizardOptions) => void;
}) {
  const previews = files.filter((file) => file.preview && file.kind !== 'certificate').map((file) => file);
  const unitHints = previews.flatMap((file) =>
    file.preview!.hints.lengthUnit ? [{ name: file.name, hint: file.preview!.hints.lengthUnit }] : [],
  );
  const dipHints = previews.flatMap((file) =>
    file.preview!.hints.dipConvention && file.preview!.hints.dipConvention.dips > 0
      ? [{ name: file.name, hint: file.preview!.hints.dipConvention }]
      : [],
  );
  const columns = previews.flatMap((file) => file.preview!.assayColumns.map((stats) => ({ file, stats })));
  const negatives = columns.reduce((sum, { stats }) => sum + stats.negatives, 0);
  const texts = new Map<string, { count: number; flag: AssayFlag; columns: string[] }>();
  for (const { stats } of columns) {
    for (const text of stats.texts) {
      const key = text.text.toUpperCase();
      const entry = texts.get(key) ?? { count: 0, flag: text.flag, columns: [] };
      entry.count += text.count;
      if (!entry.columns.includes(stats.header)) entry.columns.push(stats.header);
      texts.set(key, entry);
    }
  }
  const set = (change: Partial<WizardOptions>, touched?: keyof WizardOptions['touched']) =>
    onChange({
      ...options,
      ...change,
      touched: touched ? { ...options.touched, [touched]: true } : options.touched,
    });
  return (
    <section className="import-options" aria-label="Import options">
      <h2>Units, dips and below-detection codes</h2>
      <div className="option-row">
        <label>
          Depths and coordinates in the files are in{' '}
          <select
            aria-label="Length unit of the files"
            value={options.lengthUnit}
            onChange={(event) => set({ lengthUnit: event.target.value as LengthUnit }, 'lengthUnit')}
          >
            <option value="m">metres</option>
            <option value="ft">feet</option>
          </select>
        </label>
        <span className="hint">
          The project is in {projectUnit === 'm' ? 'metres' : 'feet'}
          {options.lengthUnit !== projectUnit ? '; values will be converted' : ''}.
        </span>
        <ul className="hints" aria-label="Unit hints">
          {unitHints.map(({ name, hint }) => (
            <li key={name}>
              {name}: {hint.unit ? `looks like ${hint.unit === 'm' ? 'metres' : 'feet'}` : 'no clear unit'} -{' '}
              {hint.reasons.join('; ')}
            </li>
          ))}
        </ul>
      </div>
      <div className="option-row">
        <label>
          Dips in the files are{' '}
          <select
            aria-label="Dip convention of the files"
            value={options.dipConvention ?? ''}
            aria-invalid={options.dipConvention === null}
            onChange={(event) => set({ dipConvention: event.target.value as DipConvention }, 'dipConvention')}
          >
            {options.dipConvention === null && (
              <option value="" disabled>
                choose: the holes disagree
              </option>
            )}
            <option value="negative-down">negative down (-90 straight down)</option>
            <option value="positive-down">positive down (90 straight down)</option>
          </select>
        </label>
        <span className="hint">
          The project stores dips {projectDips === 'negative-down' ? 'negative' : 'positive'} down
          {options.dipConvention !== null && options.dipConvention !== projectDips
            ? '; signs will be flipped'
            : ''}
          .{' '}
          {options.dipConvention === null &&
            'Each hole counts once (its collar dip with its surveys); too many point each way to tell which sign is down, so choose it.'}
        </span>
        <ul className="hints" aria-label="Dip hints">
          {dipHints.map(({ name, hint }) => (
            <li key={name}>
              {name}: {hint.reason}
            </li>
          ))}
        </ul>
      </div>
      <div className="option-row">
        <label>
          <input
            type="checkbox"
            checked={options.negativeIsBelowDetection}
            onChange={(event) =>
              set({ negativeIsBelowDetection: event.target.checked }, 'negativeIsBelowDetection')
            }
          />{' '}
          A negative result is a below-detection code (-0.01 means &lt;0.01)
        </label>
        <span className="hint">
          {negatives > 0
            ? `${negatives} negative results in the first rows.`
            : 'No negative results in the first rows.'}{' '}
          Otherwise a negative result is stored as unreadable and flagged.
        </span>
      </div>
      <MissingCodesSetting />
      {texts.size > 0 && (
        <table className="codes-table" aria-label="Result codes">
          <thead>
            <tr>
              <th>Text in the results</th>
              <th>Count (first rows)</th>
              <th>Columns</th>
              <th>Means</th>
            </tr>
          </thead>
          <tbody>
            {[...texts].map(([key, entry]) => {
              const own = options.resultCodes[key];
              const numeric = /^[<>]/.test(key);
              return (
                <tr key={key}>
                  <td>{key}</td>
                  <td>{entry.count}</td>
                  <td>{entry.columns.join(', ')}</td>
                  <td>
                    {numeric ? (
                      FLAG_WORDS[entry.flag]
                    ) : (
                      <select
                        aria-label={`Meaning of ${key}`}
                        value={own ?? (entry.flag === 'invalid' ? '' : entry.flag)}
                        onChange={(event) => {
                          const codes = { ...options.resultCodes };
                          if (event.target.value === '') delete codes[key];
                          else codes[key] = event.target.value as CodeFlag;
                          set({ resultCodes: codes });
                        }}
                      >
                        <option value="">{FLAG_WORDS.invalid}</option>
                        {CODE_FLAGS.map((flag) => (
                          <option key={flag} value={flag}>
                            {FLAG_WORDS[flag]}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="option-row">
        <label>
          <input
            type="checkbox"
            checked={options.rememberMapping}
            onChange={(event) => set({ rememberMapping: event.target.checked })}
          />{' '}
          Remember these column mappings for files with the same columns
        </label>
        <label>
          <input
            type="checkbox"
            checked={options.allOrNothing}
            onChange={(event) => set({ allOrNothing: event.target.checked })}
          />{' '}
          Import nothing if any row is refused
        </label>
      </div>
    </section>
  );
}
