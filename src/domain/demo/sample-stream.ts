// The project's sample stream as the core shack shipped it: regular half-core samples in drilling order,
// with blanks, standards and field duplicates inserted about one in twenty each, numbered from one tag
// book (seven digits, leading zero) and reported on Acme certificates batch by batch.
import type { SampleType } from '../model';
import type { HolePlan } from './hole-plans';
import type { GradedSample } from './interval-grades';
import { rngFor, type Rng } from './prng';

export const LAB = 'Acme Analytical Laboratories (Vancouver)';
export const ASSAY_METHOD = 'G7AR';
const FIRST_TAG = 712_001;
const BATCH_SIZE = 80;

/**
 * Reference materials inserted as standards. The expected values are illustrative figures for the demo's
 * QC charts, not the published certificate values of any material.
 */
export const STANDARDS: readonly { code: string; zn: number; pb: number }[] = [
  { code: 'CDN-ME-1', zn: 645, pb: 127 },
  { code: 'CDN-ME-4', zn: 1512, pb: 318 },
];

export interface DemoAssay {
  analyte: string;
  lab_text: string;
  method: string | null;
  lab: string | null;
  certificate: string | null;
}

export interface DemoSample {
  hole_id: string;
  depth_from: number | null;
  depth_to: number | null;
  sample_id: string;
  sample_type: SampleType;
  parent_sample_id: string | null;
  standard_code: string | null;
  density: number | null;
  comments: string | null;
  assays: DemoAssay[];
}

/** Lab text for a result in hundredths of a percent: two decimals, or below the 0.01 % detection limit. */
export function labText(hundredths: number): string {
  return hundredths <= 0 ? '<0.01' : (hundredths / 100).toFixed(2);
}

/** Dry bulk density from grade: host rock near 2.8, massive sulphide (with pyrrhotite) toward 4.2. */
function densityOf(rng: Rng, sample: GradedSample): number {
  const grade = (sample.zn + sample.pb) / 100;
  const value = 2.78 + 0.048 * grade + 0.04 * rng.normal();
  return Math.round(Math.min(4.35, Math.max(2.62, value)) * 100) / 100;
}

function around(rng: Rng, value: number, relative: number): number {
  return Math.max(0, Math.round(value * (1 + relative * rng.normal()) + rng.normal()));
}

export function buildSampleStream(seed: number, plans: readonly HolePlan[]): DemoSample[] {
  const rng = rngFor(seed, 'sample-stream');
  const out: DemoSample[] = [];
  let tag = FIRST_TAG;
  let regularCount = 0;
  let duplicateDue = false;
  let certificate = '';
  let inBatch = BATCH_SIZE;
  const serials = { '10': 5871, '11': 112 };
  const push = (
    plan: HolePlan,
    type: SampleType,
    grades: { zn: number; pb: number },
    extra: Partial<DemoSample>,
  ): DemoSample => {
    const sample: DemoSample = {
      hole_id: plan.holeId,
      depth_from: null,
      depth_to: null,
      sample_id: String(tag++).padStart(7, '0'),
      sample_type: type,
      parent_sample_id: null,
      standard_code: null,
      density: null,
      comments: null,
      assays: (['Zn', 'Pb'] as const).map((analyte) => ({
        analyte,
        lab_text: labText(analyte === 'Zn' ? grades.zn : grades.pb),
        method: ASSAY_METHOD,
        lab: LAB,
        certificate,
      })),
      ...extra,
    };
    out.push(sample);
    inBatch++;
    return sample;
  };
  for (const plan of plans) {
    // A shipment closes at a hole boundary once it holds a batch's worth of tags.
    if (inBatch >= BATCH_SIZE) {
      const year = plan.holeId.slice(4, 6) === '10' ? '10' : '11';
      serials[year] += rng.int(3, 40);
      certificate = `VAN${year}${String(serials[year]).padStart(6, '0')}`;
      inBatch = 0;
    }
    const protectedRange = (s: GradedSample) => plan.intercepts.some((r) => s.from < r.to && s.to > r.from);
    for (const planned of plan.samples) {
      const regular = push(plan, 'regular', planned, {
        depth_from: planned.from / 10,
        depth_to: planned.to / 10,
        density: densityOf(rng, planned),
      });
      regularCount++;
      if (regularCount % 20 === 0) duplicateDue = true;
      // Duplicates come from outside the release's intercepts, so those hold only regular samples.
      if (duplicateDue && !protectedRange(planned)) {
        duplicateDue = false;
        push(
          plan,
          'duplicate',
          { zn: around(rng, planned.zn, 0.06), pb: around(rng, planned.pb, 0.06) },
          {
            depth_from: planned.from / 10,
            depth_to: planned.to / 10,
            parent_sample_id: regular.sample_id,
            comments: 'Field duplicate (quarter core)',
          },
        );
      }
      if (regularCount % 20 === 7) {
        const blank = { zn: rng.next() < 0.7 ? 0 : rng.int(1, 2), pb: rng.next() < 0.85 ? 0 : 1 };
        push(plan, 'blank', blank, { comments: 'Coarse marble blank' });
      }
      if (regularCount % 20 === 14) {
        const standard = STANDARDS[Math.floor(regularCount / 20) % STANDARDS.length]!;
        const grades = { zn: around(rng, standard.zn, 0.015), pb: around(rng, standard.pb, 0.02) };
        push(plan, 'standard', grades, {
          standard_code: standard.code,
          comments: `Standard ${standard.code}`,
        });
      }
    }
  }
  return out;
}
