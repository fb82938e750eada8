// The Composites view: fixed-length downhole composites from the app. Parameters (or a saved preset),
// Run with progress and Cancel while the job runs in a worker, then the run's composites in a grid with
// exports and a Strip log button per composite; earlier runs reopen from the header. The form and the
// run on screen are remembered while another view is open.
import { useEffect, useState } from 'react';
import type { CompositeParams } from '../../api/compositing-schemas';
import type { RunInfo } from '../../api/compositing-types';
import type { LengthUnit } from '../../domain/model';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import {
  checkCompositeForm,
  COMPOSITE_FIELD_OF,
  compositeFormFromParams,
  defaultCompositeForm,
  type CompositeErrors,
  type CompositeForm,
} from './composites-form';
import { useJob } from './intercepts-job';
import { PresetBar } from './preset-bar';
import { followRun, RunBar } from './run-bar';
import { BELOW_DETECTION_CHOICES, Choice, DENSITY_UNIT, Field, WEIGHTING_CHOICES } from './run-form-fields';
import { RunResults, useShownRun, type RunStripLogTarget } from './run-results';
import { EarlierRuns, useRunHistory } from './run-summary';

let remembered: { form: CompositeForm; preset: string | null; runId: number | null } | null = null;

/** "2 m composites" for the list of earlier runs. */
function describeRun(run: RunInfo): string {
  const params = run.params as CompositeParams;
  return `${params.length} ${run.lengthUnit} composites${params.domains ? ' by lithology' : ''}`;
}

export function CompositesView({
  lengthUnit,
  onOpenHole,
  onOpenStripLog,
  onOpenSection,
}: {
  lengthUnit: LengthUnit;
  onOpenHole: (holeId: string) => void;
  onOpenStripLog: (target: RunStripLogTarget) => void;
  onOpenSection: () => void;
}) {
  const [analytes, setAnalytes] = useState<string[]>([]);
  const [form, setForm] = useState<CompositeForm>(remembered?.form ?? defaultCompositeForm());
  const [errors, setErrors] = useState<CompositeErrors>({});
  const [preset, setPreset] = useState<string | null>(remembered?.preset ?? null);
  const [message, setMessage] = useState<string | null>(null);
  const job = useJob();
  const history = useRunHistory('composites', setMessage);
  const shown = useShownRun(setMessage);
  const openRun = shown.open;

  useEffect(() => {
    api['analytes.list']({}).then(
      (list) => setAnalytes(list.map((a) => a.code)),
      (error: unknown) => setMessage(describeError(error)),
    );
    if (remembered?.runId) openRun(remembered.runId);
  }, [openRun]);
  useEffect(() => {
    remembered = { form, preset, runId: shown.page?.run.id ?? remembered?.runId ?? null };
  }, [form, preset, shown.page]);

  const change = (next: CompositeForm) => {
    setForm(next);
    setPreset(null);
    if (Object.keys(errors).length > 0) setErrors(checkCompositeForm(next, analytes).errors ?? {});
  };
  const set = <K extends keyof CompositeForm>(name: K, value: CompositeForm[K]) =>
    change({ ...form, [name]: value });
  const field = (
    name: keyof CompositeForm & string,
    label: string,
    extra: { unit?: string; hint?: string; wide?: boolean } = {},
  ) => (
    <Field
      idPrefix="composites"
      label={label}
      name={name}
      form={form}
      errors={errors}
      onChange={(key, value) => set(key, value as never)}
      {...extra}
    />
  );
  const checkedParams = () => {
    const checked = checkCompositeForm(form, analytes);
    if (!checked.params) setErrors(checked.errors);
    return checked.params;
  };

  const run = () => {
    const checked = checkCompositeForm(form, analytes);
    if (!checked.params) {
      setErrors(checked.errors);
      setMessage('Some parameters need fixing; see the messages under the fields.');
      return;
    }
    setErrors({});
    followRun(job, () => api['composites.start']({ preset: preset ?? undefined, params: checked.params }), {
      done: (info) => {
        openRun(info.id);
        history.refresh();
      },
      message: setMessage,
      fields: (details) => {
        const fieldErrors: CompositeErrors = {};
        for (const detail of details) {
          const name = COMPOSITE_FIELD_OF[detail.where.replace(/^params\./, '').split('.')[0] ?? ''];
          if (name) fieldErrors[name] = detail.message;
        }
        setErrors(fieldErrors);
      },
    });
  };

  const reopen = (info: RunInfo) => {
    setForm(compositeFormFromParams(info.params as CompositeParams));
    setPreset(info.preset);
    setErrors({});
    openRun(info.id);
  };

  return (
    <section className="run-view composites-view" aria-label="Composites">
      <header className="view-header">
        <h1>Fixed-length composites</h1>
        <EarlierRuns runs={history.runs} describe={describeRun} onOpen={reopen} />
      </header>
      <form
        className="run-form"
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <fieldset className="run-parameters" disabled={job.running}>
          <PresetBar<CompositeParams>
            kind="composites"
            current={preset}
            checkedParams={checkedParams}
            onLoad={(name, params) => {
              setForm(compositeFormFromParams(params as CompositeParams));
              setErrors({});
              setPreset(name);
            }}
            onSaved={setPreset}
          />
          <h2>Composites</h2>
          <div className="field-row">
            {field('length', 'Composite length', { unit: lengthUnit, hint: 'e.g. 2' })}
            <Choice
              label="Start at"
              value={form.anchor}
              options={[
                ['collar', 'the collar (depth 0)'],
                ['first-sample', 'the first sample'],
              ]}
              onChange={(value) => set('anchor', value)}
            />
            <Choice
              label="Last short piece"
              value={form.residual}
              options={[
                ['drop-short', 'dropped when under half a length'],
                ['keep', 'kept'],
                ['merge', 'joined to the piece above'],
              ]}
              onChange={(value) => set('residual', value)}
            />
            <div className="field check">
              <label>
                <input
                  type="checkbox"
                  checked={form.domains}
                  onChange={(event) => set('domains', event.target.checked)}
                />{' '}
                Restart at lithology boundaries
              </label>
            </div>
          </div>
          <h2>Averaging</h2>
          <div className="field-row">
            <Choice
              label="Missing grades"
              value={form.missing}
              options={[
                ['exclude', 'left out of the length'],
                ['zero', 'count as zero'],
              ]}
              onChange={(value) => set('missing', value)}
            />
            <Choice
              label="Below detection counts as"
              value={form.bdl}
              options={BELOW_DETECTION_CHOICES}
              onChange={(value) => set('bdl', value)}
            />
            <Choice
              label="Weighting"
              value={form.weighting}
              options={WEIGHTING_CHOICES}
              onChange={(value) => set('weighting', value)}
            />
            {form.weighting === 'density' &&
              field('defaultDensity', 'Default density', { unit: DENSITY_UNIT, hint: 'refuse holes' })}
          </div>
          <h2>Holes and analytes</h2>
          <div className="field-row">
            {field('analytes', 'Analytes', { hint: 'every analyte', wide: true })}
            {field('holes', 'Holes', { hint: 'every hole', wide: true })}
          </div>
        </fieldset>
        <RunBar job={job} preset={preset} />
      </form>
      {message && (
        <div role="alert" className="run-message">
          {message}
        </div>
      )}
      {shown.page && (
        <RunResults
          key={shown.page.run.id}
          page={shown.page}
          noun="composite"
          gridLabel="Composite rows"
          onOpenHole={onOpenHole}
          onOpenStripLog={onOpenStripLog}
          onOpenSection={onOpenSection}
          hint="Click a row to open that hole's samples; Strip log opens the hole with these composites drawn over its assays."
        />
      )}
    </section>
  );
}
