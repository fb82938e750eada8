// The parameter form of the Composites view: every field of a fixed-length composite run as typed,
// checked with the schema the API uses (and the analytes against the project's), so a bad value is named
// under its field before anything runs.
import { compositeParamsSchema, type CompositeParams } from '../../api/compositing-schemas';
import {
  issuesByField,
  numberText,
  typedList,
  typedNumber,
  unknownAnalyteMessage,
  type FieldErrors,
} from './run-form-fields';

export interface CompositeForm {
  length: string;
  anchor: CompositeParams['anchor'];
  residual: CompositeParams['residual'];
  missing: CompositeParams['missing'];
  bdl: CompositeParams['bdl'];
  weighting: CompositeParams['weighting'];
  defaultDensity: string;
  domains: boolean;
  analytes: string;
  holes: string;
}

export type CompositeErrors = FieldErrors<CompositeForm>;

/** The API's defaults, with the length left for the user to give. */
export function defaultCompositeForm(): CompositeForm {
  return {
    length: '',
    anchor: 'collar',
    residual: 'drop-short',
    missing: 'exclude',
    bdl: 'half',
    weighting: 'length',
    defaultDensity: '',
    domains: false,
    analytes: '',
    holes: '',
  };
}

/** Fills the form from saved parameters (a preset or a run). */
export function compositeFormFromParams(params: CompositeParams): CompositeForm {
  return {
    length: numberText(params.length),
    anchor: params.anchor,
    residual: params.residual,
    missing: params.missing,
    bdl: params.bdl,
    weighting: params.weighting,
    defaultDensity: numberText(params.defaultDensity),
    domains: params.domains,
    analytes: (params.analytes ?? []).join(', '),
    holes: (params.holes ?? []).join(', '),
  };
}

/** Where the API's parameter names land in the form (its issue paths and error details). */
export const COMPOSITE_FIELD_OF: Readonly<Record<string, keyof CompositeForm>> = {
  length: 'length',
  anchor: 'anchor',
  residual: 'residual',
  missing: 'missing',
  bdl: 'bdl',
  weighting: 'weighting',
  defaultDensity: 'defaultDensity',
  domains: 'domains',
  analytes: 'analytes',
  holes: 'holes',
};

/** The form as parameters, or the message under each field that is wrong. */
export function checkCompositeForm(
  form: CompositeForm,
  analytes: readonly string[],
): { params: CompositeParams; errors: null } | { params: null; errors: CompositeErrors } {
  const listed = (text: string) => (typedList(text).length > 0 ? typedList(text) : null);
  const parsed = compositeParamsSchema.safeParse({
    length: typedNumber(form.length) ?? undefined,
    anchor: form.anchor,
    residual: form.residual,
    missing: form.missing,
    bdl: form.bdl,
    weighting: form.weighting,
    defaultDensity: form.weighting === 'density' ? typedNumber(form.defaultDensity) : null,
    domains: form.domains,
    analytes: listed(form.analytes),
    holes: listed(form.holes),
  });
  const errors: CompositeErrors = parsed.success
    ? {}
    : issuesByField(parsed.error.issues, COMPOSITE_FIELD_OF, 'length');
  const unknown = unknownAnalyteMessage(form.analytes, analytes);
  if (unknown) errors.analytes ??= unknown;
  if (!parsed.success || Object.keys(errors).length > 0) return { params: null, errors };
  return { params: parsed.data, errors: null };
}
