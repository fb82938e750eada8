// The order QA/QC charts read inserts in: batch by batch (a batch is a lab certificate), certificates in
// their number's order, and within a certificate by sample ID (the tag book's dispatch order). Results
// without a certificate come last, by sample ID, and the chart says so.

type NaturalKey = readonly string[];

function naturalKey(text: string): NaturalKey {
  return text.match(/\d+|\D+/g) ?? [];
}

function compareKeys(left: NaturalKey, right: NaturalKey): number {
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]!;
    const y = right[i]!;
    if (x === y) continue;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    if (numeric) {
      const difference = Number(x) - Number(y);
      if (difference !== 0) return difference < 0 ? -1 : 1;
      // Same number, different zero padding: the shorter text first, for a stable order.
      if (x.length !== y.length) return x.length - y.length;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/** Compares text with digit runs taken as numbers: VAN11000099 < VAN11000100, S-9 < S-10. */
export function naturalCompare(a: string, b: string): number {
  return compareKeys(naturalKey(a), naturalKey(b));
}

export interface Orderable {
  batch: string | null;
  sampleId: string | null;
  rowId: number;
}

/** Sorts in batch order: certificates by number, then sample ID, then row; no certificate last. */
export function inBatchOrder<T extends Orderable>(items: readonly T[]): T[] {
  // Keys are split once per item, not once per comparison: QA/QC may sort 100,000 results.
  const batchKeys = new Map<string, NaturalKey>();
  const keyed = items.map((item) => {
    let batch: NaturalKey | null = null;
    if (item.batch !== null) {
      batch = batchKeys.get(item.batch) ?? naturalKey(item.batch);
      batchKeys.set(item.batch, batch);
    }
    return { item, batch, id: naturalKey(item.sampleId ?? '') };
  });
  keyed.sort((a, b) => {
    if (a.batch !== b.batch) {
      if (a.batch === null) return 1;
      if (b.batch === null) return -1;
      const byBatch = compareKeys(a.batch, b.batch);
      if (byBatch !== 0) return byBatch;
    }
    const byId = compareKeys(a.id, b.id);
    return byId !== 0 ? byId : a.item.rowId - b.item.rowId;
  });
  return keyed.map((entry) => entry.item);
}

export type OrderBasis = 'certificate' | 'sample-id' | 'mixed';

/** What the order rests on: every result's certificate, none (sample IDs only), or some of each. */
export function orderBasis(items: readonly Pick<Orderable, 'batch'>[]): OrderBasis {
  const withBatch = items.filter((item) => item.batch !== null).length;
  if (withBatch === items.length) return 'certificate';
  return withBatch === 0 ? 'sample-id' : 'mixed';
}

/** A sentence for a chart's summary saying what the x axis order rests on. */
export function describeOrder(basis: OrderBasis): string {
  switch (basis) {
    case 'certificate':
      return 'In batch order: certificates by number, samples by ID within each.';
    case 'sample-id':
      return 'No certificate numbers on these results: in sample ID (dispatch) order, without batches.';
    case 'mixed':
      return 'In batch order (certificates by number, samples by ID); results without a certificate number follow, by sample ID.';
  }
}
