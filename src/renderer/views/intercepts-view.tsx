// The Intercepts view: parameters (or a saved preset), Run with a progress bar and Cancel while the
// calculation runs in a worker, then the run's results, report and exports. The form and the last run
// are remembered while the user looks at a hole's samples and comes back.
import { useCallback, useEffect, useState } from 'react';
import type { InterceptParams } from '../../api/compositing-schemas';
import type { InterceptReport, RunInfo, RunPage } from '../../api/compositing-types';
import type { LengthUnit } from '../../domain/model';
import { api } from '../api/api-client';
import { describeError } from '../components/error-text';
import {
  checkForm,
  defaultForm,
  formFromParams,
  type FormErrors,
  type InterceptForm,
} from './intercepts-form';
import { useJob } from './intercepts-job';
import { InterceptParameters } from './intercepts-parameters';
import { InterceptResults, type StripLogTarget } from './intercepts-results';
import { followRun, RunBar } from './run-bar';
import { EarlierRuns, useRunHistory } from './run-summary';

interface Shown {
  run: RunInfo;
  page: RunPage;
  report: InterceptReport;
}

/** What the view shows, kept while another view is open. */
let remembered: { form: InterceptForm; preset: string | null; runId: number | null } | null = null;

const FIELD_OF_PARAM: Record<string, keyof InterceptForm> = {
  grade: 'grade',
  gradeUnit: 'gradeUnit',
  cutoff: 'cutoff',
  minLength: 'minLength',
  maxDilution: 'maxDilution',
  holes: 'holes',
  analytes: 'analytes',
};

export function InterceptsView({
  lengthUnit,
  onOpenHole,
  onOpenStripLog,
}: {
  lengthUnit: LengthUnit;
  onOpenHole: (holeId: string) => void;
  /** Opens the hole's view with this run's strip log at the intercept's depths. */
  onOpenStripLog?: (target: StripLogTarget) => void;
}) {
  const [analytes, setAnalytes] = useState<string[]>([]);
  const [units, setUnits] = useState<Record<string, string>>({});
  const [form, setForm] = useState<InterceptForm>(remembered?.form ?? defaultForm([]));
  const [errors, setErrors] = useState<FormErrors>({});
  const [preset, setPreset] = useState<string | null>(remembered?.preset ?? null);
  const [message, setMessage] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const job = useJob();
  const history = useRunHistory('intercepts', setMessage);

  const openRun = useCallback((id: number) => {
    Promise.all([api['runs.get']({ id, limit: 5000 }), api['runs.report']({ id })]).then(
      ([page, report]) => setShown({ run: page.run, page, report }),
      (error: unknown) => setMessage(describeError(error)),
    );
  }, []);

  useEffect(() => {
    api['analytes.list']({}).then(
      (list) => {
        const codes = list.map((a) => a.code);
        setAnalytes(codes);
        setUnits(Object.fromEntries(list.map((a) => [a.code, a.unit])));
        setForm((current) => (current.grade === '' ? defaultForm(codes) : current));
      },
      (error: unknown) => setMessage(describeError(error)),
    );
    if (remembered?.runId) openRun(remembered.runId);
  }, [openRun]);

  useEffect(() => {
    remembered = { form, preset, runId: shown?.run.id ?? remembered?.runId ?? null };
  }, [form, preset, shown]);

  const change = (next: InterceptForm) => {
    setForm(next);
    // Edited parameters are no longer the preset's; the run then records no preset name.
    setPreset(null);
    if (Object.keys(errors).length > 0) setErrors(checkForm(next, analytes, units).errors ?? {});
  };

  const run = () => {
    const checked = checkForm(form, analytes, units);
    if (!checked.params) {
      setErrors(checked.errors);
      setMessage('Some parameters need fixing; see the messages under the fields.');
      return;
    }
    setErrors({});
    followRun(job, () => api['intercepts.start']({ preset: preset ?? undefined, params: checked.params }), {
      done: (info) => {
        openRun(info.id);
        history.refresh();
      },
      message: setMessage,
      fields: (details) => {
        const fieldErrors: FormErrors = {};
        for (const detail of details) {
          const field = FIELD_OF_PARAM[detail.where.replace(/^params\./, '')];
          if (field) fieldErrors[field] = detail.message;
        }
        setErrors(fieldErrors);
      },
    });
  };

  const reopen = (info: RunInfo) => {
    setForm(formFromParams(info.params as InterceptParams));
    setPreset(info.preset);
    openRun(info.id);
  };

  return (
    <section className="intercepts-view" aria-label="Intercepts">
      <header className="view-header">
        <h1>Significant intercepts</h1>
        <EarlierRuns
          runs={history.runs}
          describe={(r) => (r.params as InterceptParams).grade}
          onOpen={reopen}
        />
      </header>
      <form
        className="intercepts-form"
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <InterceptParameters
          form={form}
          errors={errors}
          analytes={analytes}
          units={units}
          lengthUnit={lengthUnit}
          onChange={change}
          onErrors={setErrors}
          preset={preset}
          onPresetLoaded={setPreset}
          disabled={job.running}
        />
        <RunBar job={job} preset={preset} />
      </form>
      {message && (
        <div role="alert" className="run-message">
          {message}
        </div>
      )}
      {shown && (
        <InterceptResults
          key={shown.run.id}
          {...shown}
          onOpenHole={onOpenHole}
          onOpenStripLog={onOpenStripLog}
        />
      )}
    </section>
  );
}
