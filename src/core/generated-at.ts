/**
 * The run's "now" (spec/cli.md `--generated-at`): the flag, else SOURCE_DATE_EPOCH, else the clock.
 * It is written into every output in the config's time zone with its offset and whole seconds, and is
 * the reference for the default month, `future_date` and coverage, so the same value gives
 * byte-identical outputs on any machine.
 */
import { TZDate } from "@date-fns/tz";
import { LagesbildError } from "./errors.ts";
import type { YearMonth } from "./month.ts";

export interface GeneratedAt {
  /** Epoch milliseconds, whole seconds. */
  instant: number;
  /** `2024-04-02T06:00:00+02:00` in the config's zone. */
  iso: string;
  /** The calendar month containing the instant, in the config's zone. */
  month: YearMonth;
}

const ISO_RE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

export function resolveGeneratedAt(
  flag: string | undefined,
  sourceDateEpoch: string | undefined,
  clockMs: number,
  timezone: string,
): GeneratedAt {
  let instant: number;
  if (flag !== undefined) {
    instant = ISO_RE.test(flag) ? Date.parse(hasOffset(flag) ? flag : localToUtcGuess(flag, timezone)) : Number.NaN;
    if (!Number.isFinite(instant)) {
      throw new LagesbildError("usage", `--generated-at: "${flag}" är inte en tidpunkt i ISO 8601 (t.ex. 2024-04-02T06:00:00+02:00)`);
    }
  } else if (sourceDateEpoch !== undefined && sourceDateEpoch !== "") {
    if (!/^\d+$/.test(sourceDateEpoch)) {
      throw new LagesbildError("usage", `SOURCE_DATE_EPOCH: "${sourceDateEpoch}" är inte ett antal sekunder sedan 1970`);
    }
    instant = Number(sourceDateEpoch) * 1000;
  } else {
    instant = clockMs;
  }
  instant = Math.floor(instant / 1000) * 1000;
  return { instant, iso: formatInZone(instant, timezone), month: monthInZone(instant, timezone) };
}

function hasOffset(s: string): boolean {
  return /(?:Z|[+-]\d{2}:?\d{2})$/.test(s);
}

/** A timestamp without offset means local time in the config's zone (as for input data). */
function localToUtcGuess(s: string, timezone: string): string {
  const [date = "", time = "00:00:00"] = s.split(/[T ]/);
  // The caller matched YYYY-MM-DD first, so the three parts are there; the defaults only satisfy the types.
  const [y = 1970, mo = 1, d = 1] = date.split("-").map(Number);
  const [h = 0, mi = 0, sec = 0] = time.split(":").map(Number);
  const local = new TZDate(y, mo - 1, d, h, mi, Math.floor(sec), timezone);
  return new Date(local.getTime()).toISOString();
}

/** `2024-04-02T06:00:00+02:00`. */
export function formatInZone(instant: number, timezone: string): string {
  const t = new TZDate(instant, timezone);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const offsetMin = -t.getTimezoneOffset();
  const sign = offsetMin >= 0 ? "+" : "-";
  const abs = Math.abs(offsetMin);
  return (
    `${pad(t.getFullYear(), 4)}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}` +
    `T${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

export function monthInZone(instant: number, timezone: string): YearMonth {
  const t = new TZDate(instant, timezone);
  return `${String(t.getFullYear()).padStart(4, "0")}-${String(t.getMonth() + 1).padStart(2, "0")}`;
}
