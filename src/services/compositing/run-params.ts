// Turns a start request (a saved preset, parameters, or a preset with some parameters overridden) into
// complete, checked parameters. Explicit parameters win over the preset's; every default is filled in
// so the saved run states exactly what was computed.
import type { z } from 'zod';
import {
  compositeParamsSchema,
  desurveyParamsSchema,
  interceptParamsSchema,
  type CompositeParams,
  type DesurveyParams,
  type InterceptParams,
} from '../../api/compositing-schemas';
import { findPreset, listPresets, type PresetKind } from '../../storage/presets-store';
import type { Database } from '../../storage/project-db';
import { RunParamsError } from './run-support';

export interface StartRequest {
  preset?: string | undefined;
  params?: Record<string, unknown> | undefined;
}

export interface Resolved<P> {
  params: P;
  preset: string | null;
}

function describe(error: z.ZodError): { where: string; message: string }[] {
  return error.issues.map((issue) => ({
    where: issue.path.length > 0 ? issue.path.join('.') : '(parameters)',
    message: issue.message,
  }));
}

function presetParams(db: Database, kind: PresetKind, name: string): Record<string, unknown> {
  const preset = findPreset(db, kind, name);
  if (!preset) {
    const names = listPresets(db, kind).map((p) => p.name);
    throw new RunParamsError(
      `There is no ${kind} preset named "${name}"; ${names.length > 0 ? `saved presets: ${names.join(', ')}` : 'none is saved yet'}.`,
      [{ where: 'preset', message: `No ${kind} preset named "${name}".` }],
    );
  }
  const params = preset.params;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new RunParamsError(`The preset "${name}" holds no parameters; save it again.`);
  }
  return params as Record<string, unknown>;
}

function resolve<S extends z.ZodType>(
  schema: S,
  kind: PresetKind | null,
  db: Database,
  request: StartRequest,
): Resolved<z.output<S>> {
  const base = request.preset && kind ? presetParams(db, kind, request.preset) : {};
  // Overrides given as undefined (an empty form field) leave the preset's value.
  const overrides = Object.fromEntries(
    Object.entries(request.params ?? {}).filter(([, value]) => value !== undefined),
  );
  const parsed = schema.safeParse({ ...base, ...overrides });
  if (!parsed.success) {
    const details = describe(parsed.error);
    const source = request.preset
      ? ` (preset "${request.preset}"${request.params ? ' with your changes' : ''})`
      : '';
    throw new RunParamsError(
      `The parameters${source} are not valid: ${details.map((d) => `${d.where}: ${d.message}`).join('; ')}`,
      details,
    );
  }
  return { params: parsed.data, preset: request.preset ?? null };
}

export function resolveInterceptParams(db: Database, request: StartRequest): Resolved<InterceptParams> {
  return resolve(interceptParamsSchema, 'intercepts', db, request);
}

export function resolveCompositeParams(db: Database, request: StartRequest): Resolved<CompositeParams> {
  return resolve(compositeParamsSchema, 'composites', db, request);
}

export function resolveDesurveyParams(db: Database, request: StartRequest): Resolved<DesurveyParams> {
  return resolve(desurveyParamsSchema, null, db, request);
}
