// Assay columns in another unit than the project stores their analyte in (forrestania's Pb_ppm into a
// project with Pb in %): each is named, with a choice to convert it to the project's unit (the lab's text
// is kept) or leave the column out. The import waits until every one has a choice.
import { conversionWords, type UnitClash } from '../../domain/import/analyte-units';
import type { WizardOptions } from './import-model';

/** The words beside the Dry run button while clashes have no choice yet; null when all are settled. */
export function unsettledClashes(clashes: readonly UnitClash[], options: WizardOptions): string | null {
  const open = clashes.filter((clash) => options.unitChoices[clash.code] === undefined);
  if (open.length === 0) return null;
  const columns = open.map((clash) => `${clash.header} (${clash.file}, ${clash.fileUnit})`).join(', ');
  const codes = [...new Set(open.map((clash) => `${clash.code} in ${clash.projectUnit}`))].join(', ');
  return `${columns}: the project stores ${codes}. Choose Convert or Leave out for each under "Units that differ from the project".`;
}

export function ImportUnitClashes({
  clashes,
  options,
  onChange,
}: {
  clashes: readonly UnitClash[];
  options: WizardOptions;
  onChange: (options: WizardOptions) => void;
}) {
  if (clashes.length === 0) return null;
  const choose = (code: string, choice: 'convert' | 'leave-out' | '') => {
    const unitChoices = { ...options.unitChoices };
    if (choice === '') delete unitChoices[code];
    else unitChoices[code] = choice;
    onChange({ ...options, unitChoices });
  };
  return (
    <section className="unit-clashes" aria-label="Units that differ from the project">
      <h2>Units that differ from the project</h2>
      <p className="hint">
        These assay columns give an analyte in another unit than the project stores it in. Convert them to the
        project's unit (the number used in calculations is converted; the lab's text is kept as written and
        its unit recorded), or leave the column out. Or map the column to another analyte code above.
      </p>
      <table className="codes-table">
        <thead>
          <tr>
            <th>Column</th>
            <th>File</th>
            <th>File gives</th>
            <th>Project stores</th>
            <th>What to do</th>
          </tr>
        </thead>
        <tbody>
          {clashes.map((clash) => (
            <tr key={`${clash.file}-${clash.header}`}>
              <td>{clash.header}</td>
              <td>{clash.file}</td>
              <td>
                {clash.code} in {clash.fileUnit}
              </td>
              <td>
                {clash.code} in {clash.projectUnit}
              </td>
              <td>
                <select
                  aria-label={`What to do with ${clash.header}`}
                  value={options.unitChoices[clash.code] ?? ''}
                  onChange={(event) => choose(clash.code, event.target.value as 'convert' | 'leave-out' | '')}
                >
                  <option value="">Choose...</option>
                  <option value="convert">
                    Convert {clash.fileUnit} to {clash.projectUnit} (
                    {conversionWords(clash.fileUnit, clash.projectUnit)})
                  </option>
                  <option value="leave-out">Leave the column out</option>
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() =>
          onChange({
            ...options,
            unitChoices: {
              ...options.unitChoices,
              ...Object.fromEntries(clashes.map((clash) => [clash.code, 'convert' as const])),
            },
          })
        }
      >
        Convert all to the project's units
      </button>
    </section>
  );
}
