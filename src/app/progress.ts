/**
 * Progress of a range (spec/cli.md: "month n of N, elapsed" on a TTY and as log lines otherwise):
 * one log line per month, carrying the figures as fields for JSON logs and as a Swedish sentence for
 * the pretty (terminal) format. The estimate of the time left is the mean time of the months done so
 * far times the months left; skipped months are fast, so it errs on the long side early in a range.
 */

export interface ProgressPoint {
  month: string;
  n: number;
  of: number;
  elapsed_s: number;
  /** Estimated seconds left; null before the first month is done. */
  remaining_s: number | null;
}

/** "45 s", "3 min 5 s", "1 h 2 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 > 0 ? ` ${s % 60} s` : ""}`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h${m % 60 > 0 ? ` ${m % 60} min` : ""}`;
}

/**
 * The progress before building month `n` (1-based) of `of`, `elapsedMs` after the range started.
 * @example progressPoint("2024-03", 3, 10, 4000) // { n: 3, of: 10, elapsed_s: 4, remaining_s: 16, … }
 */
export function progressPoint(month: string, n: number, of: number, elapsedMs: number): ProgressPoint {
  const done = n - 1;
  const remaining = done > 0 ? (elapsedMs / done) * (of - done) : null;
  return {
    month,
    n,
    of,
    elapsed_s: Math.round(elapsedMs / 1000),
    remaining_s: remaining === null ? null : Math.round(remaining / 1000),
  };
}

/** "Månad 3 av 10: 2024-03 (4 s hittills, cirka 16 s kvar)". */
export function progressMessage(p: ProgressPoint): string {
  const left = p.remaining_s === null ? "" : `, cirka ${formatDuration(p.remaining_s)} kvar`;
  return `Månad ${p.n} av ${p.of}: ${p.month} (${formatDuration(p.elapsed_s)} hittills${left})`;
}
