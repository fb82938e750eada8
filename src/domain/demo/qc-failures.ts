// The demo's QA/QC: the standards table (certified value and SD of each reference material it inserts)
// and a few failures of the kinds a real programme has, so the QA/QC view has something to find. Drawn
// from their own seeded stream after the sample stream is built, so regular samples (and the release's
// intercepts) do not change. The failures, for seed 2011 and any other:
//   - a CDN-ME-4 pulp logged as CDN-ME-1 (a mislabelled standard): Zn and Pb far beyond 3 SD;
//   - two CDN-ME-4 results in a row reading Zn 2.2-2.8 SD high (a lab drift): two beyond 2 SD;
//   - a blank right after a massive-sulphide sample with 0.12-0.30 % Zn (carry-over in the crusher);
//   - a few field duplicates further from their original than the rest (coarse sphalerite and galena in
//     quarter core): Zn up to 28 % apart, Pb up to 60 % apart, so the ranked HARD plot has a tail.
import type { StandardValue } from '../qaqc/qaqc-model';
import { rngFor } from './prng';
import { labText, STANDARDS, type DemoSample } from './sample-stream';

/** SD of each material in hundredths of a percent: about the spread the generator draws with. */
const SD_HUNDREDTHS: Record<string, { zn: number; pb: number }> = {
  'CDN-ME-1': { zn: 10, pb: 3 },
  'CDN-ME-4': { zn: 20, pb: 7 },
};

const SOURCE = 'Demo figures: illustrative, not the published certificate of the material';

/** The standards table the demo ships with, in the analytes' unit (%). */
export function demoStandardsTable(): StandardValue[] {
  return STANDARDS.flatMap((standard) => {
    const sd = SD_HUNDREDTHS[standard.code]!;
    return [
      {
        code: standard.code,
        analyte: 'Zn',
        certifiedValue: standard.zn / 100,
        sd: sd.zn / 100,
        unit: '%' as const,
        source: SOURCE,
      },
      {
        code: standard.code,
        analyte: 'Pb',
        certifiedValue: standard.pb / 100,
        sd: sd.pb / 100,
        unit: '%' as const,
        source: SOURCE,
      },
    ];
  });
}

function withGrades(sample: DemoSample, zn: number, pb: number | null): DemoSample {
  return {
    ...sample,
    assays: sample.assays.map((assay) => {
      if (assay.analyte === 'Zn') return { ...assay, lab_text: labText(zn) };
      if (assay.analyte === 'Pb' && pb !== null) return { ...assay, lab_text: labText(pb) };
      return assay;
    }),
  };
}

const hundredths = (sample: DemoSample, analyte: string) =>
  Math.round(Number(sample.assays.find((a) => a.analyte === analyte)?.lab_text.replace('<', '') ?? 0) * 100);

/** Returns the sample stream with the failures above written into a few QA/QC inserts. */
export function addQcFailures(seed: number, samples: readonly DemoSample[]): DemoSample[] {
  const rng = rngFor(seed, 'qc-failures');
  const out = [...samples];
  const me4 = STANDARDS.find((s) => s.code === 'CDN-ME-4')!;
  const sd4 = SD_HUNDREDTHS['CDN-ME-4']!;
  const indexesOf = (code: string) =>
    out.flatMap((sample, index) =>
      sample.sample_type === 'standard' && sample.standard_code === code ? [index] : [],
    );

  // The mislabelled pulp: in the second half of the programme, when the standards shelf was restocked.
  const me1 = indexesOf('CDN-ME-1');
  const late = me1.slice(Math.floor(me1.length / 2));
  if (late.length > 0) {
    const at = late[rng.int(0, late.length - 1)]!;
    out[at] = withGrades(
      out[at]!,
      Math.round(me4.zn + sd4.zn * rng.normal() * 0.5),
      Math.round(me4.pb + sd4.pb * rng.normal() * 0.5),
    );
  }

  // The drift: two CDN-ME-4 results in a row, both high by 2.2 to 2.8 SD in Zn (Pb unaffected).
  const me4Indexes = indexesOf('CDN-ME-4');
  if (me4Indexes.length >= 2) {
    const first = rng.int(0, me4Indexes.length - 2);
    for (const at of [me4Indexes[first]!, me4Indexes[first + 1]!]) {
      out[at] = withGrades(out[at]!, me4.zn + Math.round(sd4.zn * rng.uniform(2.2, 2.8)), null);
    }
  }

  // Carry-over: a blank crushed right after a sample of 10 % Zn or more.
  const candidates = out.flatMap((sample, index) => {
    const previous = out[index - 1];
    return sample.sample_type === 'blank' &&
      previous?.sample_type === 'regular' &&
      hundredths(previous, 'Zn') >= 1000
      ? [index]
      : [];
  });
  if (candidates.length > 0) {
    const at = candidates[rng.int(0, candidates.length - 1)]!;
    out[at] = withGrades(out[at]!, rng.int(12, 30), rng.int(1, 4));
  }
  // The nugget effect: about one duplicate in ten, moved away from its original by a random factor.
  const originals = new Map(out.map((sample) => [sample.sample_id, sample]));
  out.forEach((sample, index) => {
    if (sample.sample_type !== 'duplicate' || rng.next() >= 0.1) return;
    const original = originals.get(sample.parent_sample_id ?? '');
    if (!original) return;
    const away = (grade: number, most: number) => {
      const factor = 1 + rng.uniform(most / 3, most);
      return Math.round(rng.next() < 0.5 ? grade * factor : grade / factor);
    };
    out[index] = withGrades(
      sample,
      away(hundredths(original, 'Zn'), 0.28),
      away(hundredths(original, 'Pb'), 0.6),
    );
  });
  return out;
}
