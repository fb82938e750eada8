// The search at the heart of significant intercepts: find runs of at-or-above-cutoff samples along a hole
// and join neighbouring runs across short internal waste, in a fixed order, in O(n log n) with no garbage.
//
// The merge rule. A hole is a row of elements (samples and unsampled gaps). A run is a maximal row of
// consecutive samples at or above cutoff with no gap between them. Two neighbouring runs may be joined
// across the waste between them (below-cutoff samples and unsampled material, contiguous) when that waste
// is no longer than the maximum internal dilution D (and holds nothing unsampled when unsampled = break),
// and only if the joined interval's weighted grade, waste at its grade and unsampled at zero, is at least
// the minimum grade. Candidate joins are taken shortest waste first (least dilution first); equal waste
// lengths go shallowest first. A join refused for grade is looked at again each time one of its two sides
// grows, since a richer neighbour can lift it. When no join is left, each group of joined runs is one
// candidate, kept if it meets the minimum grade, length and grade x length. Keys depend only on depths, so
// the result does not change when a sample is split into equal-grade parts, and every intercept starts
// and ends on samples at or above cutoff.
import { gradeFloor, reachesGrade } from './grade-comparison';
import type { PassPlan } from './intercept-settings';

export const ELEMENT_SAMPLE = 0;
/** A sample whose expression has no usable value: unsampled material. */
export const ELEMENT_UNSAMPLED = 1;
export const ELEMENT_GAP = 2;

const EPSILON = 1e-9;

/** True when a length reaches `min`, allowing for rounding noise in sums of depths (grades: ./grade-comparison). */
export function atLeast(value: number, min: number): boolean {
  return value >= min - EPSILON * Math.max(1, Math.abs(min));
}

/** Scratch arrays reused from hole to hole, grown when a hole needs more. */
export class InterceptWorkspace {
  elements = 0;
  from = new Float64Array(0);
  to = new Float64Array(0);
  weight = new Float64Array(0);
  /** Expression grade; 0 for unsampled elements, which count at zero when they count at all. */
  grade = new Float64Array(0);
  kind = new Uint8Array(0);
  sample = new Int32Array(0);
  /** Prefix sums over elements [0, k): weight, grade x weight, number of unsampled elements. */
  preWeight = new Float64Array(1);
  preGradeWeight = new Float64Array(1);
  preUnsampled = new Int32Array(1);
  runStart = new Int32Array(0);
  runEnd = new Int32Array(0);
  partner = new Int32Array(0);
  linkWaste = new Float64Array(0);
  linkUsable = new Uint8Array(0);
  linkJoined = new Uint8Array(0);
  heap = new Int32Array(0);
  heapSize = 0;
  /** Expression inputs of one sample. */
  slots = new Float64Array(0);

  /** Makes room for `elements` elements. */
  reserve(elements: number, slots: number): void {
    if (this.slots.length < slots) this.slots = new Float64Array(slots);
    if (this.from.length >= elements) return;
    const n = Math.max(elements, this.from.length * 2, 64);
    this.from = new Float64Array(n);
    this.to = new Float64Array(n);
    this.weight = new Float64Array(n);
    this.grade = new Float64Array(n);
    this.kind = new Uint8Array(n);
    this.sample = new Int32Array(n);
    this.preWeight = new Float64Array(n + 1);
    this.preGradeWeight = new Float64Array(n + 1);
    this.preUnsampled = new Int32Array(n + 1);
    this.runStart = new Int32Array(n);
    this.runEnd = new Int32Array(n);
    this.partner = new Int32Array(n);
    this.linkWaste = new Float64Array(n);
    this.linkUsable = new Uint8Array(n);
    this.linkJoined = new Uint8Array(n);
    this.heap = new Int32Array(3 * n);
  }

  /** Fills the prefix sums once the elements are in place. */
  sumUp(): void {
    for (let k = 0; k < this.elements; k++) {
      const w = this.weight[k]!;
      this.preWeight[k + 1] = this.preWeight[k]! + w;
      this.preGradeWeight[k + 1] = this.preGradeWeight[k]! + w * this.grade[k]!;
      this.preUnsampled[k + 1] = this.preUnsampled[k]! + (this.kind[k] === ELEMENT_SAMPLE ? 0 : 1);
    }
  }

  /** Weighted grade of elements first..last (inclusive). */
  gradeOf(first: number, last: number): number {
    const w = this.preWeight[last + 1]! - this.preWeight[first]!;
    return (this.preGradeWeight[last + 1]! - this.preGradeWeight[first]!) / w;
  }

  private before(a: number, b: number): boolean {
    const wa = this.linkWaste[a]!;
    const wb = this.linkWaste[b]!;
    return wa < wb || (wa === wb && a < b);
  }

  push(link: number): void {
    let i = this.heapSize++;
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(link, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = link;
  }

  pop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap[--this.heapSize]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.heapSize) break;
      if (child + 1 < this.heapSize && this.before(heap[child + 1]!, heap[child]!)) child++;
      if (!this.before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

/**
 * Finds the intervals of elements first..last meeting `pass`, and appends each as a pair (first element,
 * last element) to `out`, in depth order.
 */
export function findIntervals(
  ws: InterceptWorkspace,
  first: number,
  last: number,
  pass: PassPlan,
  breakOnUnsampled: boolean,
  out: number[],
): void {
  const { runStart, runEnd, partner, linkWaste, linkUsable, linkJoined } = ws;
  let runs = 0;
  const oreFrom = gradeFloor(pass.cutoff);
  for (let k = first; k <= last; k++) {
    const ore = ws.kind[k] === ELEMENT_SAMPLE && ws.grade[k]! >= oreFrom;
    if (!ore) continue;
    if (runs > 0 && runEnd[runs - 1] === k - 1) runEnd[runs - 1] = k;
    else {
      runStart[runs] = k;
      runEnd[runs] = k;
      runs++;
    }
  }
  if (runs === 0) return;
  const dilution = pass.maxDilution + EPSILON * Math.max(1, pass.maxDilution);
  ws.heapSize = 0;
  for (let r = 0; r < runs; r++) {
    partner[r] = r;
    if (r + 1 === runs) break;
    const wasteFirst = runEnd[r]! + 1;
    const wasteLast = runStart[r + 1]! - 1;
    const waste = ws.from[runStart[r + 1]!]! - ws.to[runEnd[r]!]!;
    const unsampled = ws.preUnsampled[wasteLast + 1]! - ws.preUnsampled[wasteFirst]!;
    linkWaste[r] = waste;
    linkJoined[r] = 0;
    linkUsable[r] = waste <= dilution && !(breakOnUnsampled && unsampled > 0) ? 1 : 0;
    if (linkUsable[r]) ws.push(r);
  }
  while (ws.heapSize > 0) {
    const link = ws.pop();
    if (linkJoined[link]) continue;
    // Link `link` joins run `link` (right end of its group) to run `link + 1` (left end of its group).
    const a = partner[link]!;
    const b = partner[link + 1]!;
    if (!reachesGrade(ws.gradeOf(runStart[a]!, runEnd[b]!), pass.minGrade)) continue;
    linkJoined[link] = 1;
    partner[a] = b;
    partner[b] = a;
    if (a > 0 && linkUsable[a - 1] && !linkJoined[a - 1]) ws.push(a - 1);
    if (b + 1 < runs && linkUsable[b] && !linkJoined[b]) ws.push(b);
  }
  for (let a = 0; a < runs;) {
    const b = partner[a]!;
    const s = runStart[a]!;
    const e = runEnd[b]!;
    const length = ws.to[e]! - ws.from[s]!;
    const grade = ws.gradeOf(s, e);
    const keep =
      atLeast(length, pass.minLength) &&
      reachesGrade(grade, pass.minGrade) &&
      (pass.minGradeLength === null || reachesGrade(grade * length, pass.minGradeLength));
    if (keep) out.push(s, e);
    a = b + 1;
  }
}
