/**
 * Reads one file of a `kind: field-reports` source (spec/inputs.md "Field reports"): one row per shift
 * or activity. Rules in the spec's order after the structural ones (read-table-rows.ts):
 * `missing_field` → `bad_date` → `future_date` → `bad_number` → `unknown_role` → `unknown_activity`
 * (only where the source maps activities); an unknown area keeps the row under `okant` (field sources
 * have no `unknown_area: reject`). `notes` is never read: the raw row reaches only the quarantine,
 * which scrubs every cell.
 */
import type { Config } from "../../config/load-config.ts";
import { buildAreaResolver } from "../area-resolver.ts";
import { activityResolver, roleMap } from "../text/default-label-maps.ts";
import { FieldAccumulator } from "../field-accumulator.ts";
import { parseNonNegativeInteger, parseNumber } from "../../core/parse-number.ts";
import { parseLocalTimestamp } from "../../core/parse-time.ts";
import type { QuarantineWriter } from "../quarantine.ts";
import { quote, readTableRows, reasonLabel, type RowDecision, type TableFile } from "../text/read-table-rows.ts";
import type { RejectReason } from "../../model/reason-codes.ts";
import type { FileReport } from "../../model/records.ts";
import { eachFile } from "../each-file.ts";
import { sourceKeyPath, type SourceFormat } from "./source-format.ts";

type FieldSource = Extract<Config["sources"][number], { kind: "field-reports" }>;

export const FIELD_COLUMNS = ["date", "start", "end", "hours", "area", "role", "activity", "notes"] as const;
type Column = (typeof FIELD_COLUMNS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^(\d{1,2})[:.](\d{2})$/;

/** `HH:mm` (or `H.mm`) → minutes after midnight; `24:00` is the end of the day. Null when malformed. */
export function parseClock(text: string): number | null {
  const m = CLOCK.exec(text);
  if (m === null) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

/**
 * Wall-clock shift length in hours: an end before the start is the next day (spec: hours = end − start
 * in wall-clock time, so a DST night counts as its clock says).
 */
export function shiftHours(startMin: number, endMin: number): number {
  const minutes = endMin >= startMin ? endMin - startMin : endMin + 24 * 60 - startMin;
  return minutes / 60;
}

export interface ReadFieldReportsOptions {
  config: Config;
  source: FieldSource;
  file: TableFile;
  now: number;
  sink: FieldAccumulator;
  quarantine?: QuarantineWriter | null;
}

export interface FieldFileResult {
  report: FileReport;
  /** Lines of shifts whose start equals their end (0 hours, spec: a warning). */
  zeroShiftLines: number[];
}

export async function readFieldReports(opts: ReadFieldReportsOptions): Promise<FieldFileResult> {
  const { config, source, file, now, sink } = opts;
  const keyPath = sourceKeyPath(config, source);
  const roles = roleMap(source.roles);
  const activity = activityResolver(source.activities);
  const areas = buildAreaResolver(config.areas, "keep");
  const zeroShiftLines: number[] = [];
  let obsColumns: Array<{ index: number; type: string }> = [];

  const decide = (row: { line: number; get(c: Column): string; cells: readonly string[] }): RowDecision => {
    const date = row.get("date");
    const reject = (reason: RejectReason, month: string | null, message: string): RowDecision => ({ outcome: "rejected", reason, month, message });
    const time = DAY.test(date) ? parseLocalTimestamp(date, config.timezone) : null;
    for (const name of ["date", "area", "role"] as const) {
      if (row.get(name) === "") return reject(`missing_field:${name}`, time?.month ?? null, `Fältet ${name} är tomt: fyll i det i källan eller ta bort raden.`);
    }
    const start = row.get("start");
    const end = row.get("end");
    const hoursText = row.get("hours");
    const useClock = start !== "" && end !== "";
    if (!useClock && hoursText === "") {
      const missing = start !== "" ? "end" : end !== "" ? "start" : "hours";
      return reject(`missing_field:${missing}`, time?.month ?? null, "Passets längd saknas: fyll i start och end (HH:mm) eller hours.");
    }
    if (time === null) return reject("bad_date", null, `Datumet ${quote(date)} kan inte tolkas: använd YYYY-MM-DD.`);
    const month = time.month;
    if (time.instant > now) return reject("future_date", month, `Datumet ${quote(date)} ligger efter körningens tidpunkt: kontrollera datumet.`);
    let hours: number;
    if (useClock) {
      const s = parseClock(start);
      const e = parseClock(end);
      if (s === null) return reject("bad_number:start", month, `Starttiden ${quote(start)} kan inte tolkas: använd HH:mm.`);
      if (e === null) return reject("bad_number:end", month, `Sluttiden ${quote(end)} kan inte tolkas: använd HH:mm.`);
      hours = shiftHours(s, e);
      if (s === e) zeroShiftLines.push(row.line);
    } else {
      const h = parseNumber(hoursText);
      if (h === null) return reject("bad_number:hours", month, `Timmarna ${quote(hoursText)} är inte ett tal ≥ 0 (decimalkomma går bra).`);
      hours = h;
    }
    const observations: Record<string, number> = {};
    for (const { index, type } of obsColumns) {
      const text = (row.cells[index] ?? "").trim();
      if (text === "") continue;
      const n = parseNonNegativeInteger(text);
      if (n === null) return reject(`bad_number:obs_${type}`, month, `Värdet ${quote(text)} i obs_${type} är inte ett heltal ≥ 0.`);
      observations[type] = (observations[type] ?? 0) + n;
    }
    const roleLabel = row.get("role");
    const role = roles.lookup(roleLabel);
    if (role.kind !== "mapped") {
      return reject(`unknown_role:${reasonLabel(roleLabel)}`, month, `Okänd roll ${quote(roleLabel)}: lägg till den under ${keyPath}.roles.`);
    }
    const activityLabel = row.get("activity");
    let activityId: string | null = null;
    if (activityLabel !== "") {
      activityId = activity(activityLabel);
      if (activityId === null) {
        return reject(`unknown_activity:${reasonLabel(activityLabel)}`, month, `Okänd aktivitet ${quote(activityLabel)}: lägg till den under ${keyPath}.activities.`);
      }
    }
    const area = areas.resolve(row.get("area"));
    sink.add({ area: typeof area === "string" ? area : "okant", date, month, hours, observations, activity: activityId });
    return { outcome: "accepted", month };
  };

  const report = await readTableRows<Column>({
    file,
    columns: FIELD_COLUMNS,
    required: ["date", "area", "role"],
    rename: source.columns,
    keyPath,
    quarantine: opts.quarantine,
    onHeader: (keys) => {
      obsColumns = keys.flatMap((k, index) => (k.startsWith("obs_") && k.length > 4 ? [{ index, type: k.slice(4) }] : []));
      sink.addObservationTypes(obsColumns.map((c) => c.type));
    },
    decide,
  });
  return { report, zeroShiftLines };
}

/** `kind: field-reports`: the field workers' shift reports; a shift of zero hours is a warning, not an error. */
export const fieldReportsFormat: SourceFormat<FieldSource> = {
  reads: (source): source is FieldSource => source.kind === "field-reports",
  async ingest(run) {
    const { config, source, result } = run;
    const sink = new FieldAccumulator();
    const files = await eachFile(run, async (file, quarantine) => {
      const { report, zeroShiftLines } = await readFieldReports({ config, source, file, now: run.opts.now, sink, quarantine });
      if (zeroShiftLines.length > 0) {
        const lines = zeroShiftLines.slice(0, 10).join(", ") + (zeroShiftLines.length > 10 ? " …" : "");
        result.warnings.push(`${file.path}: ${zeroShiftLines.length} pass har samma start- och sluttid och räknas som 0 timmar (rad ${lines}).`);
      }
      return report;
    });
    sink.files.push(...files);
    (result.field ??= []).push(sink.result(source.id));
  },
};
