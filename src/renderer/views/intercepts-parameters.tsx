// The left panel of the Intercepts view: saved presets (load, save, delete) and every parameter of the
// calculation, grouped as a geologist reads them, with the project's length unit on lengths.
import type { InterceptParams } from '../../api/compositing-schemas';
import { ANALYTE_UNITS, type LengthUnit } from '../../domain/model';
import { checkForm, formFromParams, type FormErrors, type InterceptForm } from './intercepts-form';
import { PresetBar } from './preset-bar';
import { BELOW_DETECTION_CHOICES, Choice, DENSITY_UNIT, Field, WEIGHTING_CHOICES } from './run-form-fields';

interface Props {
  form: InterceptForm;
  errors: FormErrors;
  analytes: readonly string[];
  /** Unit of each analyte, by code. */
  units: Readonly<Record<string, string>>;
  lengthUnit: LengthUnit;
  onChange: (form: InterceptForm) => void;
  onErrors: (errors: FormErrors) => void;
  /** The preset the fields hold, or null once they were edited. */
  preset: string | null;
  /** A preset was loaded into the fields, or the fields saved as one. */
  onPresetLoaded: (name: string | null) => void;
  disabled: boolean;
}

export function InterceptParameters(props: Props) {
  const { form, errors, lengthUnit: lu } = props;

  const set = (name: keyof InterceptForm, value: string | boolean) =>
    props.onChange({ ...form, [name]: value });
  const field = (
    name: keyof InterceptForm,
    label: string,
    extra: { unit?: string; hint?: string; wide?: boolean } = {},
  ) => (
    <Field
      idPrefix="intercepts"
      label={label}
      name={name}
      form={form}
      errors={errors}
      onChange={set}
      {...extra}
    />
  );
  const checkedParams = () => {
    const checked = checkForm(form, props.analytes, props.units);
    if (!checked.params) props.onErrors(checked.errors);
    return checked.params;
  };

  return (
    <fieldset className="intercept-parameters" disabled={props.disabled}>
      <PresetBar<InterceptParams>
        kind="intercepts"
        current={props.preset}
        checkedParams={checkedParams}
        onLoad={(name, params) => {
          props.onChange(formFromParams(params as InterceptParams));
          props.onErrors({});
          props.onPresetLoaded(name);
        }}
        onSaved={props.onPresetLoaded}
      />

      <h2>Grade and cutoff</h2>
      <div className="field-row">
        {field('grade', 'Grade expression', { hint: 'Zn + Pb, Cu + 0.62 * Au', wide: true })}
        <Choice
          id="intercepts-gradeUnit"
          label="Grade unit"
          value={form.gradeUnit}
          options={[['', "the analytes' unit"], ...ANALYTE_UNITS.map((unit) => [unit, unit] as const)]}
          onChange={(value) => set('gradeUnit', value)}
          error={errors.gradeUnit}
        />
        {field('cutoff', 'Cutoff grade', { hint: 'e.g. 5', unit: form.gradeUnit || undefined })}
        {field('minLength', 'Minimum length', { unit: lu })}
        {field('maxDilution', 'Max. internal dilution', { unit: lu })}
        {field('minGrade', 'Minimum intercept grade', { hint: 'the cutoff' })}
        {field('minGradeLength', 'Minimum grade x length', { hint: 'none' })}
      </div>
      <h2>Averaging</h2>
      <div className="field-row">
        <Choice
          label="Weighting"
          value={form.weighting}
          options={WEIGHTING_CHOICES}
          onChange={(value) => set('weighting', value)}
        />
        {form.weighting === 'density' &&
          field('defaultDensity', 'Default density', { unit: DENSITY_UNIT, hint: 'refuse holes' })}
        <Choice
          label="Below detection counts as"
          value={form.bdl}
          options={BELOW_DETECTION_CHOICES}
          onChange={(value) => set('bdl', value)}
        />
        <Choice
          label="Unsampled core inside"
          value={form.unsampled}
          options={[
            ['zero', 'counts at zero grade'],
            ['break', 'ends the intercept'],
          ]}
          onChange={(value) => set('unsampled', value)}
        />
        {field('caps', 'Caps (top-cuts)', { hint: 'Zn=30, Pb=15', wide: true })}
      </div>
      <h2>
        <label>
          <input
            type="checkbox"
            checked={form.including}
            onChange={(event) => set('including', event.target.checked)}
          />{' '}
          Including intervals
        </label>
      </h2>
      {form.including && (
        <div className="field-row">
          {field('includingCutoff', 'Including cutoff')}
          {field('includingMinLength', 'Minimum length', { unit: lu })}
          {field('includingMaxDilution', 'Max. internal dilution', { unit: lu })}
        </div>
      )}
      <h2>
        <label>
          <input
            type="checkbox"
            checked={form.plane}
            onChange={(event) => set('plane', event.target.checked)}
          />{' '}
          True thickness on a plane
        </label>
      </h2>
      {form.plane && (
        <div className="field-row">
          {field('planeDip', 'Plane dip', { unit: '°' })}
          {field('planeDipDirection', 'Dip direction', { unit: '° azimuth' })}
        </div>
      )}
      <h2>Holes and analytes</h2>
      <div className="field-row">
        {field('holes', 'Holes', { hint: 'every hole', wide: true })}
        {field('analytes', 'Reported analytes', { hint: "the expression's", wide: true })}
      </div>
    </fieldset>
  );
}
