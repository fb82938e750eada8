// The Desurvey view: every hole's 3-D path by minimum curvature from the app. An optional station step
// and holes, Run with progress and Cancel while the job runs in a worker, then the stations (Hole,
// Depth, Easting, Northing, Elevation) in a grid with exports; earlier runs reopen from the header.
import { useEffect, useState } from 'react';
import { desurveyParamsSchema, type DesurveyParams } from '../../api/compositing-schemas';
import type { RunInfo } from '../../api/compositing-types';
import type { LengthUnit } from '../../domain/model';
import { api } from '../api/api-client';
import { useJob } from './intercepts-job';
import { followRun, RunBar } from './run-bar';
import {
  Field,
  issuesByField,
  numberText,
  typedList,
  typedNumber,
  type FieldErrors,
} from './run-form-fields';
import { RunResults, useShownRun } from './run-results';
import { EarlierRuns, useRunHistory } from './run-summary';

interface DesurveyForm {
  step: string;
  holes: string;
}
type DesurveyErrors = FieldErrors<DesurveyForm>;

const FIELD_OF: Readonly<Record<string, keyof DesurveyForm>> = { step: 'step', holes: 'holes' };

let remembered: { form: DesurveyForm; runId: number | null } | null = null;

function checkDesurveyForm(
  form: DesurveyForm,
): { params: DesurveyParams; errors: null } | { params: null; errors: DesurveyErrors } {
  const holes = typedList(form.holes);
  const parsed = desurveyParamsSchema.safeParse({
    step: typedNumber(form.step),
    holes: holes.length > 0 ? holes : null,
  });
  return parsed.success
    ? { params: parsed.data, errors: null }
    : { params: null, errors: issuesByField(parsed.error.issues, FIELD_OF, 'step') };
}

function describeRun(run: RunInfo): string {
  const params = run.params as DesurveyParams;
  return params.step === null ? 'stations only' : `every ${params.step} ${run.lengthUnit}`;
}

export function DesurveyView({
  lengthUnit,
  onOpenHole,
}: {
  lengthUnit: LengthUnit;
  onOpenHole: (holeId: string) => void;
}) {
  const [form, setForm] = useState<DesurveyForm>(remembered?.form ?? { step: '', holes: '' });
  const [errors, setErrors] = useState<DesurveyErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const job = useJob();
  const history = useRunHistory('desurvey', setMessage);
  const shown = useShownRun(setMessage);
  const openRun = shown.open;

  useEffect(() => {
    if (remembered?.runId) openRun(remembered.runId);
  }, [openRun]);
  useEffect(() => {
    remembered = { form, runId: shown.page?.run.id ?? remembered?.runId ?? null };
  }, [form, shown.page]);

  const change = (name: keyof DesurveyForm, value: string) => {
    const next = { ...form, [name]: value };
    setForm(next);
    if (Object.keys(errors).length > 0) setErrors(checkDesurveyForm(next).errors ?? {});
  };

  const run = () => {
    const checked = checkDesurveyForm(form);
    if (!checked.params) {
      setErrors(checked.errors);
      setMessage('Some parameters need fixing; see the messages under the fields.');
      return;
    }
    setErrors({});
    followRun(job, () => api['desurvey.start']({ params: checked.params }), {
      done: (info) => {
        openRun(info.id);
        history.refresh();
      },
      message: setMessage,
      fields: (details) => {
        const fieldErrors: DesurveyErrors = {};
        for (const detail of details) {
          const name = FIELD_OF[detail.where.replace(/^params\./, '')];
          if (name) fieldErrors[name] = detail.message;
        }
        setErrors(fieldErrors);
      },
    });
  };

  const reopen = (info: RunInfo) => {
    const params = info.params as DesurveyParams;
    setForm({ step: numberText(params.step), holes: (params.holes ?? []).join(', ') });
    setErrors({});
    openRun(info.id);
  };

  return (
    <section className="run-view desurvey-view" aria-label="Desurvey">
      <header className="view-header">
        <h1>Desurvey</h1>
        <EarlierRuns runs={history.runs} describe={describeRun} onOpen={reopen} />
      </header>
      <p className="hint">
        The position of each hole by minimum curvature: at the collar, every survey, the end of hole and, with
        a step, every step down the hole.
      </p>
      <form
        className="run-form"
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <fieldset className="run-parameters" disabled={job.running}>
          <div className="field-row">
            <Field
              idPrefix="desurvey"
              label="Station every"
              name="step"
              form={form}
              errors={errors}
              onChange={change}
              unit={lengthUnit}
              hint="surveys only"
            />
            <Field
              idPrefix="desurvey"
              label="Holes"
              name="holes"
              form={form}
              errors={errors}
              onChange={change}
              hint="every hole"
              wide
            />
          </div>
        </fieldset>
        <RunBar job={job} />
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
          noun="station"
          gridLabel="Desurvey stations"
          onOpenHole={onOpenHole}
          hint="Click a row to open that hole's surveys."
        />
      )}
    </section>
  );
}
