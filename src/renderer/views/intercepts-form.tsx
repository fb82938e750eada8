// The parameter form of the Intercepts view: every field of an intercept run as text the user types,
// checked with the same schema the API uses (and the grade expression against the project's analytes),
// so a bad value is named under its field before anything runs.
import { interceptParamsSchema, type InterceptParams } from '../../api/compositing-schemas';
import {
  GradeExpressionError,
  parseGradeExpression,
  type GradeExpression,
} from '../../domain/compositing/grade-expression';
import { expressionUnit, GradeUnitError } from '../../domain/compositing/grade-units';
import type { AnalyteUnit } from '../../domain/model';
import {
  issuesByField,
  numberText as text,
  typedList as list,
  typedNumber as number,
  unknownAnalyteMessage,
  type FieldErrors,
} from './run-form-fields';

/** The form as typed: numbers stay text until checked, so a half-typed "0." is not lost. */
export interface InterceptForm {
  grade: string;
  /** Empty: the unit the expression's analytes share. */
  gradeUnit: '' | AnalyteUnit;
  cutoff: string;
  minLength: string;
  maxDilution: string;
  minGrade: string;
  minGradeLength: string;
  weighting: 'length' | 'density';
  defaultDensity: string;
  bdl: 'half' | 'dl' | 'zero' | 'missing';
  unsampled: 'zero' | 'break';
  caps: string;
  including: boolean;
  includingCutoff: string;
  includingMinLength: string;
  includingMaxDilution: string;
  plane: boolean;
  planeDip: string;
  planeDipDirection: string;
  holes: string;
  analytes: string;
}

export type FormErrors = FieldErrors<InterceptForm>;

/** A start for a project with these analytes: the first one as the grade, typical lengths, no cutoff yet. */
export function defaultForm(analytes: readonly string[]): InterceptForm {
  return {
    grade: analytes[0] ?? '',
    gradeUnit: '',
    cutoff: '',
    minLength: '1',
    maxDilution: '2',
    minGrade: '',
    minGradeLength: '',
    weighting: 'length',
    defaultDensity: '',
    bdl: 'half',
    unsampled: 'zero',
    caps: '',
    including: false,
    includingCutoff: '',
    includingMinLength: '',
    includingMaxDilution: '0',
    plane: false,
    planeDip: '',
    planeDipDirection: '',
    holes: '',
    analytes: '',
  };
}

/** Fills the form from saved parameters (a preset or a run). */
export function formFromParams(params: InterceptParams): InterceptForm {
  return {
    grade: params.grade,
    // Runs and presets saved before grade units have none: the analytes' own unit.
    gradeUnit: params.gradeUnit ?? '',
    cutoff: text(params.cutoff),
    minLength: text(params.minLength),
    maxDilution: text(params.maxDilution),
    minGrade: text(params.minGrade),
    minGradeLength: text(params.minGradeLength),
    weighting: params.weighting,
    defaultDensity: text(params.defaultDensity),
    bdl: params.bdl,
    unsampled: params.unsampled,
    caps: Object.entries(params.caps)
      .map(([code, cap]) => `${code}=${cap}`)
      .join(', '),
    including: params.including !== null,
    includingCutoff: text(params.including?.cutoff),
    includingMinLength: text(params.including?.minLength),
    includingMaxDilution: text(params.including?.maxDilution),
    plane: params.plane !== null,
    planeDip: text(params.plane?.dip),
    planeDipDirection: text(params.plane?.dipDirection),
    holes: (params.holes ?? []).join(', '),
    analytes: (params.analytes ?? []).join(', '),
  };
}

const FIELD_OF: Record<string, keyof InterceptForm> = {
  grade: 'grade',
  gradeUnit: 'gradeUnit',
  cutoff: 'cutoff',
  minLength: 'minLength',
  maxDilution: 'maxDilution',
  minGrade: 'minGrade',
  minGradeLength: 'minGradeLength',
  defaultDensity: 'defaultDensity',
  caps: 'caps',
  'including.cutoff': 'includingCutoff',
  'including.minLength': 'includingMinLength',
  'including.maxDilution': 'includingMaxDilution',
  'plane.dip': 'planeDip',
  'plane.dipDirection': 'planeDipDirection',
  holes: 'holes',
  analytes: 'analytes',
};

/**
 * The form as parameters, or the message under each field that is wrong. With the analytes' units, a
 * grade unit that the expression's analytes cannot meet in is named under Grade unit before any run.
 */
export function checkForm(
  form: InterceptForm,
  analytes: readonly string[],
  units: Readonly<Record<string, string>> = {},
): { params: InterceptParams; errors: null } | { params: null; errors: FormErrors } {
  const errors: FormErrors = {};
  const caps: Record<string, number | string> = {};
  for (const item of list(form.caps)) {
    const [code, value] = item.split('=');
    if (!code || value === undefined)
      errors.caps = `Write caps as ANALYTE=GRADE, e.g. Zn=30 (not "${item}").`;
    else caps[code] = number(value) ?? '';
  }
  const candidate = {
    grade: form.grade,
    gradeUnit: form.gradeUnit === '' ? null : form.gradeUnit,
    cutoff: number(form.cutoff) ?? undefined,
    minLength: number(form.minLength) ?? undefined,
    maxDilution: number(form.maxDilution) ?? undefined,
    minGrade: number(form.minGrade),
    minGradeLength: number(form.minGradeLength),
    weighting: form.weighting,
    defaultDensity: number(form.defaultDensity),
    bdl: form.bdl,
    unsampled: form.unsampled,
    caps,
    including: form.including
      ? {
          cutoff: number(form.includingCutoff) ?? undefined,
          minLength: number(form.includingMinLength) ?? undefined,
          maxDilution: number(form.includingMaxDilution) ?? undefined,
        }
      : null,
    plane: form.plane
      ? { dip: number(form.planeDip) ?? undefined, dipDirection: number(form.planeDipDirection) ?? undefined }
      : null,
    holes: list(form.holes).length > 0 ? list(form.holes) : null,
    analytes: list(form.analytes).length > 0 ? list(form.analytes) : null,
  };
  const parsed = interceptParamsSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const [field, message] of Object.entries(issuesByField(parsed.error.issues, FIELD_OF, 'grade')))
      errors[field as keyof InterceptForm] ??= message;
  }
  let expression: GradeExpression | null = null;
  if (form.grade.trim() !== '' && analytes.length > 0) {
    try {
      expression = parseGradeExpression(form.grade, analytes);
    } catch (error) {
      if (error instanceof GradeExpressionError) errors.grade ??= error.message;
      else throw error;
    }
  }
  if (expression && expression.analytes.every((code) => units[code] !== undefined)) {
    try {
      expressionUnit(
        expression.text,
        expression.analytes.map((code) => ({ code, unit: units[code]! })),
        form.gradeUnit === '' ? null : form.gradeUnit,
      );
    } catch (error) {
      if (error instanceof GradeUnitError) errors.gradeUnit ??= error.message;
      else throw error;
    }
  }
  const unknown = unknownAnalyteMessage(form.analytes, analytes);
  if (unknown) errors.analytes ??= unknown;
  if (Object.keys(errors).length > 0 || !parsed.success) return { params: null, errors };
  return { params: parsed.data, errors: null };
}
