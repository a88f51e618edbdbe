/**
 * Reads one file of a `kind: reference` source: rates for other geographies as Kolada and Brå export
 * them to Excel (cp1252 or UTF-8, `;`, decimal comma, `..` for a missing figure, a "Totalt" row). Two
 * layouts:
 *
 * - long, one row per (region, period, label): `region;period;kategori;värde`, optionally `periodtyp`
 *   (År, Kvartal, Månad) stating the period type per row;
 * - wide, one row per region and one column per label and period, as Brå's tables and Kolada's
 *   exports: `Region;Våldsbrott 2015;Våldsbrott 2014;…;Totalt 2015` (a header cell ending in a period).
 *
 * A period is `2024` (a year), `2024K3`, `2024 Q3`, `2024-Q3` (a quarter) or `2024-03`, `2024M03` (a
 * month); a row's `periodtyp` or the source's `period` must agree with it. Rules after the structural
 * ones (blank, "Totalt" row, column count, encoding): `missing_field:region` → a region not listed under
 * `regions` is ignored as `other_region` → a row for one sex (a `kön` column other than T/Totalt) as
 * `other_group` → a label the source does not map is ignored as `other_category`
 * (a Kolada export holds many KPIs) → `bad_period` → `..`, `.`, `-` ignored as `missing_value` →
 * `bad_number:value` → the same region, period and category again: ignored `duplicate` with the same
 * figure, else rejected `duplicate_id` (the first applies).
 */
import type { Config } from "../../config/load-config.ts";
import { normaliseLabel } from "../../config/normalise-label.ts";
import type { ReferenceRecord } from "../../model/extra-records.ts";
import { headerKey } from "../text/parse-swedish-csv.ts";
import { parseNumber } from "../../core/parse-number.ts";
import { BOTH_SEXES } from "./read-population.ts";
import type { QuarantineWriter } from "../quarantine.ts";
import { quote, readTableRows, reasonLabel, type RowDecision, type TableFile } from "../text/read-table-rows.ts";
import type { RejectReason } from "../../model/reason-codes.ts";
import type { FileReport } from "../../model/records.ts";
import { eachFile } from "../each-file.ts";
import { sourceKeyPath, type SourceFormat } from "./source-format.ts";
import { group } from "../../core/checked.ts";

type ReferenceSource = Extract<Config["sources"][number], { kind: "reference" }>;
const ROLES = ["region", "period", "category", "value", "period_type", "sex"] as const;
type Role = (typeof ROLES)[number];
type PeriodType = "year" | "quarter" | "month";

const HEADERS: Record<Role, readonly string[]> = {
  region: ["region", "område", "kommun", "län"],
  period: ["period", "år", "tid"],
  category: ["category", "kategori", "nyckeltal", "brottskategori", "brott"],
  value: ["value", "värde", "varde"],
  period_type: ["period_type", "periodtyp"],
  sex: ["kön", "kon", "sex", "gender"],
};
const PERIOD_TYPES: Record<string, PeriodType> = {
  år: "year", ar: "year", year: "year", helår: "year",
  kvartal: "quarter", quarter: "quarter",
  månad: "month", manad: "month", month: "month",
};
const MISSING = new Set(["..", ".", "-", "…"]);
const REGION_CODE = /^(\d{2,4})(?:\s+(.*))?$/;

/** `2024` → year, `2024K3`/`2024 Q3`/`2024-Q3` → quarter `2024-Q3`, `2024-03`/`2024M03` → month; else null. */
export function parsePeriod(text: string): { type: PeriodType; period: string; end: string } | null {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) return { type: "year", period: group(m, 1), end: `${m[1]}-12` };
  m = /^(\d{4})\s*[-–]?\s*(?:K|Q|kv\.?\s*)([1-4])$/i.exec(t);
  if (m) return { type: "quarter", period: `${m[1]}-Q${m[2]}`, end: `${m[1]}-${String(Number(m[2]) * 3).padStart(2, "0")}` };
  m = /^(\d{4})\s*[-M]\s*(0[1-9]|1[0-2])$/i.exec(t);
  if (m) return { type: "month", period: `${m[1]}-${m[2]}`, end: `${m[1]}-${m[2]}` };
  return null;
}

/** A region of the table compared with a `regions` entry: by code when both have one ("2182", "2182 Söderhamn"), else by name. */
function regionMatcher(regions: readonly string[]): (text: string) => string | null {
  const split = (s: string) => {
    const m = REGION_CODE.exec(s.trim());
    return m === null ? { code: null, name: normaliseLabel(s) } : { code: group(m, 1), name: normaliseLabel(m[2] ?? "") };
  };
  const wanted = regions.map((r) => ({ entry: r, ...split(r) }));
  return (text) => {
    const got = split(text);
    const hit = wanted.find((w) => (w.code !== null && got.code !== null ? w.code === got.code : w.name === got.name));
    return hit?.entry ?? null;
  };
}

export interface ReadReferenceOptions {
  config: Config;
  source: ReferenceSource;
  file: TableFile;
  /** Receives accepted rates; also the record of keys seen, for duplicates across the source's files. */
  records: ReferenceRecord[];
  quarantine?: QuarantineWriter | null;
}

export async function readReference(opts: ReadReferenceOptions): Promise<FileReport> {
  const { config, source, file, records } = opts;
  const keyPath = sourceKeyPath(config, source);
  const regionOf = regionMatcher(source.regions);
  // Compared as header keys (no spaces): a wide header "Övriga brott 2015" is only known as `övrigabrott2015`.
  const categories = new Map(Object.entries(source.categories).map(([label, id]) => [headerKey(label), id]));
  const seen = new Map(records.map((r) => [`${r.region}\t${r.period}\t${r.category}`, r.per_100k]));
  const col: Record<Role, number> = { region: -1, period: -1, category: -1, value: -1, period_type: -1, sex: -1 };
  /** Wide layout: the columns whose header ends in a period, with the label before it. */
  let wide: Array<{ index: number; label: string; period: string }> = [];

  const onHeader = (keys: readonly string[]) => {
    for (const role of ROLES) {
      const renamed = source.columns?.[role];
      const names = renamed === undefined ? HEADERS[role] : [renamed];
      col[role] = keys.findIndex((k) => names.some((n) => headerKey(n) === k));
    }
    if (col.period < 0 || col.category < 0 || col.value < 0) wide = wideColumns(keys, col.region).filter((w) => w.index !== col.sex);
  };

  const decide = (row: { line: number; cells: readonly string[] }): RowDecision => {
    const reject = (reason: RejectReason, month: string | null, message: string): RowDecision => ({ outcome: "rejected", reason, month, message });
    const cell = (i: number) => (i < 0 ? "" : (row.cells[i] ?? "").trim());
    if (col.region < 0) return reject("missing_field:region", null, `Filen har ingen kolumn region: ange rubriken under ${keyPath}.columns.region.`);
    const regionText = cell(col.region);
    if (regionText === "") return reject("missing_field:region", null, "Fältet region är tomt: fyll i regionens namn eller kod.");
    const region = regionOf(regionText);
    if (region === null) return { outcome: "ignored", reason: "other_region", month: null };
    // Kolada's tables by sex: the "T" (totalt) row is the rate for everyone; K and M are not references.
    if (!BOTH_SEXES.has(normaliseLabel(cell(col.sex)))) return { outcome: "ignored", reason: "other_group", month: null };

    const figures: Array<{ label: string; periodText: string; typeText: string; value: string }> = [];
    if (col.period >= 0 && col.category >= 0 && col.value >= 0) {
      figures.push({ label: cell(col.category), periodText: cell(col.period), typeText: cell(col.period_type), value: cell(col.value) });
    } else if (wide.length > 0) {
      for (const w of wide) figures.push({ label: w.label, periodText: w.period, typeText: "", value: cell(w.index) });
    } else {
      return reject("missing_field:period", null, `Filen har varken kolumnerna period, kategori och värde eller kolumner som "Totalt 2024": se ${keyPath}.columns.`);
    }

    const accepted: ReferenceRecord[] = [];
    let duplicates = 0;
    let mappedAny = false;
    for (const f of figures) {
      const category = categories.get(headerKey(f.label));
      if (category === undefined) continue;
      mappedAny = true;
      const period = parsePeriod(f.periodText);
      if (period === null) return reject("bad_period", null, `Perioden ${quote(f.periodText)} kan inte tolkas: skriv 2024, 2024K3 eller 2024-03.`);
      const stated = f.typeText === "" ? source.period : PERIOD_TYPES[normaliseLabel(f.typeText)];
      if (f.typeText !== "" && stated === undefined) return reject("bad_period", period.end, `Periodtypen ${quote(f.typeText)} är okänd: skriv År, Kvartal eller Månad.`);
      if (stated !== undefined && stated !== period.type) {
        return reject("bad_period", period.end, `Perioden ${quote(f.periodText)} är inte ${stated === "year" ? "ett år" : stated === "quarter" ? "ett kvartal" : "en månad"}, som periodtypen säger.`);
      }
      if (MISSING.has(f.value) || f.value === "") continue;
      const value = parseNumber(f.value);
      if (value === null) return reject("bad_number:value", period.end, `Värdet ${quote(f.value)} är inte ett tal ≥ 0 (decimalkomma går bra).`);
      // Per 10 000 → per 100 000; toFixed(9) drops the binary tail of × 10 (12,47 · 10 = 124.70000000000002).
      const per100k = source.unit === "per_10k" ? Number((value * 10).toFixed(9)) : value;
      const key = `${region}\t${period.period}\t${category}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        if (earlier !== per100k) return reject("duplicate_id", period.end, `${region} ${period.period} ${reasonLabel(f.label)} finns redan tidigare i källan (${earlier}): den första raden gäller.`);
        duplicates++;
        continue;
      }
      accepted.push({ region, period: period.period, end: period.end, category, per_100k: per100k });
    }
    if (!mappedAny) return { outcome: "ignored", reason: "other_category", month: null };
    const month = accepted.map((r) => r.end).sort().at(-1) ?? null;
    if (accepted.length === 0) return { outcome: "ignored", reason: duplicates > 0 ? "duplicate" : "missing_value", month };
    for (const r of accepted) {
      seen.set(`${r.region}\t${r.period}\t${r.category}`, r.per_100k);
      records.push(r);
    }
    return { outcome: "accepted", month };
  };

  return readTableRows<Role>({ file, columns: [], required: [], rename: source.columns, keyPath, quarantine: opts.quarantine, onHeader, decide });
}

/**
 * The wide layout's columns from the header keys (headerKey: lower case, spaces removed): a key ending
 * in a period is a (label, period) column, e.g. `våldsbrott2015` → ("våldsbrott", "2015"), `totalt2024k3`
 * → ("totalt", "2024k3"). Labels are compared normalised and without spaces, so "Övriga brott" in the
 * config matches `övrigabrott`.
 */
function wideColumns(keys: readonly string[], regionIndex: number): Array<{ index: number; label: string; period: string }> {
  return keys.flatMap((k, index) => {
    if (index === regionIndex) return [];
    const m = /^(.*?)(\d{4}(?:[-–]?(?:k|q|kv\.?)[1-4]|[-m](?:0[1-9]|1[0-2]))?)$/.exec(k);
    if (m === null) return [];
    const label = group(m, 1);
    const period = group(m, 2);
    if (label === "" || parsePeriod(period) === null) return [];
    return [{ index, label, period }];
  });
}

/** `kind: reference`: rates for other geographies (Kolada, Brå). */
export const referenceFormat: SourceFormat<ReferenceSource> = {
  reads: (source): source is ReferenceSource => source.kind === "reference",
  async ingest(run) {
    const { config, source } = run;
    const records: ReferenceRecord[] = [];
    const files = await eachFile(run, (file, quarantine) => readReference({ config, source, file, records, quarantine }));
    (run.result.reference ??= []).push({ sourceId: source.id, files, records });
  },
};
