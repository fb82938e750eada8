// Every hole's trace for the plan map and sections, computed where the data is: collars and surveys read
// in two scans, each hole desurveyed by minimum curvature and thinned to a drawing tolerance. Holes that
// cannot be drawn are listed with the reason; holes drawn with less than a survey are named too.
import type { TraceSet } from '../../api/section-types';
import { buildHolePath, DesurveyError } from '../../domain/desurvey/minimum-curvature';
import { HoleTracesBuilder, traceOfPath } from '../../domain/sections/hole-traces';
import type { Database } from '../../storage/project-db';
import type { ProjectSettings } from '../../domain/model';
import { readTraceInputs, traceDataVersion } from '../../storage/trace-inputs';

/** Millimetres are plenty for drawing and keep the numbers short on the wire. */
const round = (value: number) => Math.round(value * 1000) / 1000;

export function traceSet(db: Database, settings: ProjectSettings, tolerance: number): TraceSet {
  const inputs = readTraceInputs(db, settings.dip_convention);
  const builder = new HoleTracesBuilder();
  const result: Omit<TraceSet, 'traces'> = {
    lengthUnit: settings.length_unit,
    coordinateSystem: settings.coordinate_system,
    holeCount: inputs.length,
    tolerance,
    straight: [],
    collarOnly: [],
    missing: [],
  };
  for (const hole of inputs) {
    const { holeId } = hole;
    if (hole.easting === null || hole.northing === null) {
      result.missing.push({ holeId, reason: 'no collar easting and northing' });
      continue;
    }
    if (hole.elevation === null) {
      result.missing.push({ holeId, reason: 'no collar elevation' });
      continue;
    }
    try {
      const path = buildHolePath(holeId, hole.collar, hole.surveys);
      const lastSurvey = hole.surveys.at(-1)?.depth ?? 0;
      const end = hole.collar.eoh ?? Math.max(hole.deepest ?? 0, lastSurvey);
      const trace = traceOfPath(path, end, tolerance);
      builder.add(holeId, { xyz: trace.xyz.map(round), depth: trace.depth.map(round) });
      if (hole.surveys.length === 0) result.straight.push(holeId);
      if (!(end > 0)) result.collarOnly.push(holeId);
    } catch (error) {
      if (!(error instanceof DesurveyError)) throw error;
      // The message starts with the hole ID; the list shows it beside the reason already.
      const reason = error.message.replace(new RegExp(`^Hole ${escape(holeId)}:? ?`), '').replace(/\.$/, '');
      result.missing.push({ holeId, reason });
    }
  }
  return { ...result, traces: builder.finish() };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const cache = new WeakMap<Database, { key: string; set: TraceSet }>();

/** The trace set, kept per connection until the project's data changes (plan and section share it). */
export function cachedTraceSet(db: Database, settings: ProjectSettings, tolerance: number): TraceSet {
  const key = JSON.stringify([
    traceDataVersion(db),
    tolerance,
    settings.dip_convention,
    settings.length_unit,
  ]);
  const kept = cache.get(db);
  if (kept && kept.key === key) return kept.set;
  const set = traceSet(db, settings, tolerance);
  cache.set(db, { key, set });
  return set;
}
