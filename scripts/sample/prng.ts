/**
 * Deterministic randomness for the sample generator. No Math.random and no clock: the committed sample
 * must be reproducible byte for byte from the code alone (test/unit/scripts/sample-data.test.ts checks it).
 */

export type Rng = () => number;

/** FNV-1a over UTF-16 code units: turns a stream name ("polis|2024-03|v0") into a 32-bit seed. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for synthetic data; uniform in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One independent stream per name, so months and sources do not shift each other's draws. */
export function streamFor(name: string): Rng {
  return mulberry32(hashSeed(name));
}

/**
 * Poisson(lambda). Knuth's product method is exact but underflows for large lambda (e^-lambda), so a
 * large mean is split into chunks of at most 20 and the draws summed (a sum of Poissons is Poisson).
 * Cost is O(lambda) uniforms, the same order as writing the rows it stands for.
 */
export function poisson(rng: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  let total = 0;
  let rest = lambda;
  while (rest > 0) {
    const chunk = Math.min(rest, 20);
    rest -= chunk;
    const limit = Math.exp(-chunk);
    let k = 0;
    let p = rng();
    while (p > limit) {
      k++;
      p *= rng();
    }
    total += k;
  }
  return total;
}

/** An integer in [0, n). */
export function intBelow(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** An index chosen with probability proportional to `weights[i]`. */
export function pickWeighted(rng: Rng, weights: ReadonlyArray<number>): number {
  let sum = 0;
  for (const w of weights) sum += w;
  let r = rng() * sum;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

export function pick<T>(rng: Rng, items: ReadonlyArray<T>): T {
  const item = items[intBelow(rng, items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}
