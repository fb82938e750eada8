// The demo project: Ruddock Creek's Lower E zone underground programme of 2010-2011, rebuilt from the
// seed news release as plain rows for the storage writer. Deterministic for a given seed; the fifteen
// holes of the release's table reproduce it under the 'lower-e-zone-2011' intercept preset.
import type { AnalyteUnit, HoleRow } from '../model';
import { drillingDates } from './drilling-calendar';
import { planHoles } from './hole-plans';
import { copyParams, DEMO_PRESETS, type InterceptPreset } from './intercept-preset';
import { LITHOLOGY_CODES, logHole } from './lithology-log';
import type { StandardValue } from '../qaqc/qaqc-model';
import { addQcFailures, demoStandardsTable } from './qc-failures';
import { buildSampleStream, type DemoSample } from './sample-stream';
import { planSurveys } from './survey-path';

export type { DemoAssay, DemoSample } from './sample-stream';
export type { InterceptPreset, InterceptPresetParams } from './intercept-preset';
export { DEMO_PRESETS, LOWER_E_ZONE_PARAMS } from './intercept-preset';
export { PRINTED_SUM_NOTES, SEED_HOLES, SEED_TABLE, seedRowKey, type SeedRow } from './seed-table';

export const DEMO_SEED = 2011;
export const DEMO_PROGRAM = '2011 Lower E Zone underground';

export interface DemoProject {
  settings: { name: string; coordinate_system: string; length_unit: 'm'; dip_convention: 'negative-down' };
  lookups: { list: string; code: string; description: string }[];
  analytes: {
    code: string;
    unit: AnalyteUnit;
    detection_limit: number | null;
    upper_limit: number | null;
    decimals: number;
    description: string | null;
  }[];
  holes: Omit<HoleRow, 'id'>[];
  surveys: { hole_id: string; depth: number; azimuth: number; dip: number; method: string | null }[];
  samples: DemoSample[];
  lithology: {
    hole_id: string;
    depth_from: number;
    depth_to: number;
    code: string;
    description: string | null;
  }[];
  presets: InterceptPreset[];
  /** The QA/QC standards table: certified value and SD of each inserted reference material. */
  standards: StandardValue[];
}

const LOOKUPS: DemoProject['lookups'] = [
  ...LITHOLOGY_CODES.map((l) => ({ list: 'lithology', ...l })),
  { list: 'hole_type', code: 'DD', description: 'Diamond drill hole (NQ core)' },
  { list: 'hole_type', code: 'RC', description: 'Reverse circulation' },
  {
    list: 'survey_method',
    code: 'COLLAR',
    description: 'Collar set-up by total station (front and back sights)',
  },
  { list: 'survey_method', code: 'REFLEX', description: 'Reflex EZ-Shot single-shot' },
];

// No upper limit is stated: the demo has no over-limit results, and the release does not give the method's.
const ANALYTES: DemoProject['analytes'] = [
  {
    code: 'Zn',
    unit: '%',
    detection_limit: 0.01,
    upper_limit: null,
    decimals: 2,
    description: 'Zinc, aqua regia, ICP-ES',
  },
  {
    code: 'Pb',
    unit: '%',
    detection_limit: 0.01,
    upper_limit: null,
    decimals: 2,
    description: 'Lead, aqua regia, ICP-ES',
  },
];

export function buildDemoProject(seed: number = DEMO_SEED): DemoProject {
  const plans = planHoles(seed);
  const dates = drillingDates(
    plans.map((p) => ({ holeId: p.holeId, eoh: p.eoh / 10, station: p.station.code })),
  );
  const holes = plans.map((plan, i): Omit<HoleRow, 'id'> => ({
    hole_id: plan.holeId,
    easting: plan.easting,
    northing: plan.northing,
    elevation: plan.elevation,
    azimuth: plan.azimuth,
    dip: plan.dip,
    eoh: plan.eoh / 10,
    hole_type: 'DD',
    station: plan.station.code,
    program: DEMO_PROGRAM,
    started_on: dates[i]!.started_on,
    completed_on: dates[i]!.completed_on,
    comments: plan.comments,
  }));
  const surveys = plans.flatMap((plan) =>
    planSurveys(plan.controls, plan.eoh, plan.surveySpacing).map((s) => ({
      hole_id: plan.holeId,
      depth: s.depth / 10,
      azimuth: s.azimuth,
      dip: s.dip,
      method: s.method,
    })),
  );
  const lithology = plans.flatMap((plan) =>
    logHole(seed, plan).map((unit) => ({
      hole_id: plan.holeId,
      depth_from: unit.from / 10,
      depth_to: unit.to / 10,
      code: unit.code,
      description: unit.description,
    })),
  );
  return {
    settings: {
      name: 'Ruddock Creek - Lower E Zone (demo)',
      coordinate_system: 'NAD83 / UTM zone 11N (EPSG:26911)',
      length_unit: 'm',
      dip_convention: 'negative-down',
    },
    lookups: LOOKUPS.map((l) => ({ ...l })),
    analytes: ANALYTES.map((a) => ({ ...a })),
    holes,
    surveys,
    samples: addQcFailures(seed, buildSampleStream(seed, plans)),
    lithology,
    presets: DEMO_PRESETS.map((p) => ({ ...p, params: copyParams(p.params) })),
    standards: demoStandardsTable(),
  };
}
