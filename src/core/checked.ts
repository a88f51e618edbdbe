/**
 * Lookups that the code around them has proven cannot miss (an index below the array's length, a key
 * put in the map a line before, a regex group that the pattern always captures), written so the compiler
 * knows it too. Where the proof is wrong, they throw an internal error naming what was missing, instead
 * of letting `undefined` run on as a number or a string (what a `!` would do). Small enough for V8 to
 * inline in hot loops.
 */

/** A broken promise of the code itself (never bad input): the CLI reports it as an internal error (exit 70). */
export class InvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvariantError";
  }
}

/** `xs[i]`, which must exist: `at(row, 0)`. Negative `i` is not counted from the end (use `last`). */
export function at<T>(xs: ArrayLike<T>, i: number): T {
  const v = xs[i];
  if (v === undefined) throw new InvariantError(`index ${i} outside 0..${xs.length - 1}`);
  return v;
}

/** The last element of a list that cannot be empty. */
export function last<T>(xs: ArrayLike<T>): T {
  return at(xs, xs.length - 1);
}

/** `map.get(key)`, which must be there: `mustGet(firstSeen, id, "first seen")`. */
export function mustGet<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new InvariantError(`${what}: no entry for ${String(key)}`);
  return v;
}

/** Capture group `n` of a match whose pattern always captures it (a group outside any `?` or `|`). */
export function group(m: RegExpExecArray | RegExpMatchArray, n: number): string {
  const v = m[n];
  // Not the matched text: it can be a source row's cell, which an error message must not carry.
  if (v === undefined) throw new InvariantError(`group ${n} of a ${m.length - 1}-group match did not capture`);
  return v;
}

/** A value that the state around it guarantees (a figure whose state is "value" has its count). */
export function present<T>(v: T | null | undefined, what: string): T {
  if (v === null || v === undefined) throw new InvariantError(`${what} is missing`);
  return v;
}

/** `xs[i] += n` for an index that must be in range (a typed array silently drops a write outside it). */
export function addAt(xs: Float64Array | Int32Array | Uint32Array, i: number, n: number): void {
  const v = xs[i];
  if (v === undefined) throw new InvariantError(`index ${i} outside 0..${xs.length - 1}`);
  xs[i] = v + n;
}
