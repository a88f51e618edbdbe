/**
 * Reads one file of a `kind: population` source: folkmängd per region and year as SCB's Statistik-
 * databasen and Kolada export it (cp1252 or UTF-8, `;`, `,` or tab, thousands with spaces). Two layouts:
 *
 * - long, one row per (region, year): `region;år;folkmängd` (also `kommun`, `year`, `befolkning`,
 *   `population`, `invånare`), optionally with `område` for an area's own figure;
 * - wide, one row per region and one column per year, as SCB's table export: `"region","2017","2018"`
 *   (a header cell ending in a four-digit year, e.g. `2017` or `Folkmängd 2017`, is a year column).
 *
 * `region` is SCB's "<kommunkod> <namn>" (`"2182 Söderhamn"`), a code or a name; `columns` may rename
 * `region`, `area`, `year`, `population` and `sex`. Rules after the structural ones (blank, "Totalt" row,
 * column count, encoding): `missing_field:region` → another region (riket, a län, another kommun) is
 * ignored as `other_kommun` → a row for one sex (a `kön` column other than Totalt/T) as `other_group` → `unknown_area:<name>` → `bad_date` (year) → `..` (SCB's "missing") is
 * ignored as `missing_value`, an empty cell is `missing_field:population` → `bad_number:population`
 * (not a positive whole number) → the same area and year again: ignored `duplicate` when the figure is
 * the same, else rejected `duplicate_id` (the first row applies, as for survey results).
 */
import type { Config } from "../../config/load-config.ts";
import { normaliseLabel } from "../../config/normalise-label.ts";
import { buildAreaResolver } from "../area-resolver.ts";
import type { PopulationRecord } from "../../model/extra-records.ts";
import { headerKey } from "../text/parse-swedish-csv.ts";
import { parseNonNegativeInteger } from "../../core/parse-number.ts";
import type { QuarantineWriter } from "../quarantine.ts";
import { quote, readTableRows, type RowDecision, type TableFile } from "../text/read-table-rows.ts";
import type { RejectReason } from "../../model/reason-codes.ts";
import type { FileReport } from "../../model/records.ts";
import { eachFile } from "../each-file.ts";
import { sourceKeyPath, type SourceFormat } from "./source-format.ts";

type PopulationSource = Extract<Config["sources"][number], { kind: "population" }>;
const ROLES = ["region", "area", "year", "population", "sex"] as const;
type Role = (typeof ROLES)[number];

/** Header names each role is known by in SCB's and Kolada's exports (compared as headerKey). */
const HEADERS: Record<Role, readonly string[]> = {
  region: ["region", "kommun", "kommunkod"],
  area: ["område", "omrade", "area", "delområde"],
  year: ["år", "ar", "year", "period"],
  population: ["folkmängd", "folkmangd", "befolkning", "population", "invånare", "antal invånare", "värde", "varde", "value"],
  // SCB's and Kolada's tables by sex: only the row for both sexes is the population.
  sex: ["kön", "kon", "sex", "gender"],
};
/** The sex column's values that mean "both sexes" (SCB "totalt", Kolada "T"). */
export const BOTH_SEXES = new Set(["totalt", "t", "alla", "båda könen", "totalt båda könen", "total", ""]);
const YEAR = /^\d{4}$/;
const YEAR_COLUMN = /(?:^|\D)(\d{4})$/;
const REGION = /^(\d{4})(?:\s+(.*))?$/;
/** What SCB and Kolada write for a figure that does not exist. */
const MISSING = new Set(["..", "…", "-"]);
const WHOLE_KOMMUN = new Set(["hela kommunen", "kommun", "totalt"]);

export interface ReadPopulationOptions {
  config: Config;
  source: PopulationSource;
  file: TableFile;
  /** Receives accepted figures; also the record of (area, year) seen, for duplicates across files. */
  records: PopulationRecord[];
  quarantine?: QuarantineWriter | null;
}

export async function readPopulation(opts: ReadPopulationOptions): Promise<FileReport> {
  const { config, source, file, records } = opts;
  const keyPath = sourceKeyPath(config, source);
  const areas = buildAreaResolver(config.areas, "reject");
  const kommunName = normaliseLabel(config.kommun.name).replace(/ kommun$/, "");
  const seen = new Map(records.map((r) => [`${r.area}\t${r.year}`, r.population]));
  const col: Record<Role, number> = { region: -1, area: -1, year: -1, population: -1, sex: -1 };
  let yearColumns: Array<{ index: number; year: number }> = [];

  const onHeader = (keys: readonly string[]) => {
    for (const role of ROLES) {
      const renamed = source.columns?.[role];
      const names = renamed === undefined ? HEADERS[role] : [renamed];
      col[role] = keys.findIndex((k) => names.some((n) => headerKey(n) === k));
    }
    // Wide layout only without a year column: a long table's "2017" header would be a label, not a year.
    if (col.year < 0) {
      yearColumns = keys.flatMap((k, index) => {
        const m = index === col.region || index === col.area || index === col.sex ? null : YEAR_COLUMN.exec(k);
        return m === null ? [] : [{ index, year: Number(m[1]) }];
      });
    }
  };

  const isOwnKommun = (text: string): boolean => {
    const m = REGION.exec(text);
    if (m !== null) return m[1] === config.kommun.code;
    return normaliseLabel(text).replace(/ kommun$/, "") === kommunName;
  };

  const decide = (row: { line: number; cells: readonly string[] }): RowDecision => {
    const cell = (i: number) => (i < 0 ? "" : (row.cells[i] ?? "").trim());
    const reject = (reason: RejectReason, month: string | null, message: string): RowDecision => ({ outcome: "rejected", reason, month, message });
    if (col.region < 0 && col.area < 0) {
      return reject("missing_field:region", null, `Filen har ingen kolumn region (eller område): lägg till den eller ange rubriken under ${keyPath}.columns.region.`);
    }
    if (col.year < 0 && yearColumns.length === 0) {
      return reject("missing_field:year", null, `Filen har varken en kolumn år eller kolumner per år (t.ex. "2024"): ange rubriken under ${keyPath}.columns.year.`);
    }
    const regionText = cell(col.region);
    if (col.region >= 0 && regionText === "") return reject("missing_field:region", null, "Fältet region är tomt: fyll i kommunkod eller kommunnamn.");
    // Riket, länen and the other kommuner of a national table are expected, not errors.
    if (col.region >= 0 && !isOwnKommun(regionText)) return { outcome: "ignored", reason: "other_kommun", month: null };
    if (!BOTH_SEXES.has(normaliseLabel(cell(col.sex)))) return { outcome: "ignored", reason: "other_group", month: null };

    const areaText = cell(col.area);
    let area = "kommun";
    if (areaText !== "" && !WHOLE_KOMMUN.has(normaliseLabel(areaText))) {
      const resolved = areas.resolve(areaText);
      if (typeof resolved !== "string") return reject(resolved.reject, null, `Okänt område ${quote(areaText)}: lägg till namnet som alias under areas.`);
      area = resolved;
    }

    const figures: Array<{ year: number; text: string }> = [];
    if (col.year >= 0) {
      const yearText = cell(col.year);
      if (!YEAR.test(yearText)) return reject("bad_date", null, `Året ${quote(yearText)} kan inte tolkas: använd YYYY.`);
      figures.push({ year: Number(yearText), text: cell(col.population) });
      if (col.population < 0) {
        return reject("missing_field:population", null, `Filen har ingen kolumn folkmängd: ange rubriken under ${keyPath}.columns.population.`);
      }
    } else {
      for (const c of yearColumns) figures.push({ year: c.year, text: cell(c.index) });
    }

    const accepted: PopulationRecord[] = [];
    let duplicates = 0;
    for (const f of figures) {
      const month = `${f.year}-12`;
      if (MISSING.has(f.text)) continue;
      if (f.text === "") {
        // In a wide table an empty year is a year the region did not exist yet; in a long row it is the only figure.
        if (col.year < 0) continue;
        return reject("missing_field:population", month, "Folkmängden är tom: fyll i den, eller skriv .. om den saknas.");
      }
      const n = parseNonNegativeInteger(f.text);
      if (n === null || n === 0) return reject("bad_number:population", month, `Folkmängden ${quote(f.text)} för ${f.year} är inte ett positivt heltal.`);
      const key = `${area}\t${f.year}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        if (earlier !== n) return reject("duplicate_id", month, `Folkmängden för ${area} år ${f.year} finns redan tidigare i källan (${earlier}): den första raden gäller.`);
        duplicates++;
        continue;
      }
      accepted.push({ area, year: f.year, population: n });
    }
    const lastMonth = figures.length === 0 ? null : `${Math.max(...figures.map((f) => f.year))}-12`;
    if (accepted.length === 0) return { outcome: "ignored", reason: duplicates > 0 ? "duplicate" : "missing_value", month: lastMonth };
    for (const r of accepted) {
      seen.set(`${r.area}\t${r.year}`, r.population);
      records.push(r);
    }
    return { outcome: "accepted", month: lastMonth };
  };

  return readTableRows<Role>({
    file, columns: [], required: [], rename: source.columns, keyPath, quarantine: opts.quarantine, onHeader, decide,
  });
}

/** `kind: population`: folkmängd per region and year. */
export const populationFormat: SourceFormat<PopulationSource> = {
  reads: (source): source is PopulationSource => source.kind === "population",
  async ingest(run) {
    const { config, source } = run;
    const records: PopulationRecord[] = [];
    const files = await eachFile(run, (file, quarantine) => readPopulation({ config, source, file, records, quarantine }));
    (run.result.population ??= []).push({ sourceId: source.id, files, records });
  },
};
