// A small seeded pseudo-random generator for the demo project. The domain is pure, so Math.random is out;
// every draw comes from a stream derived from the user's seed and a label, which keeps one hole's data
// unchanged when another part of the generator starts drawing more numbers.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  pick<T>(items: readonly T[]): T;
}

/** FNV-1a over the seed and labels: a stable 32-bit stream id for (seed, 'hole', 'EUG-11-038', ...). */
export function streamSeed(seed: number, ...labels: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  const text = [seed, ...labels].join('\u0000');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** mulberry32: tiny, fast and good enough for demo data (not for anything statistical or secret). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('demo generator: pick from an empty list');
      return items[Math.floor(items.length * next())] as T;
    },
  };
}

/** A generator for one labelled stream of the seed. */
export function rngFor(seed: number, ...labels: readonly (string | number)[]): Rng {
  return createRng(streamSeed(seed, ...labels));
}
