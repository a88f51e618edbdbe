/**
 * The Swedish text an analyst reads after `run` and `validate`: per source file the rows read /
 * accepted / ignored / rejected, the reasons, unknown labels with the config key to add them under, and
 * problems as `file:line: reason (what to do)`. `run` and `validate` share this wording.
 */
import path from "node:path";
import { loadCategoriesFragment, unusedFragmentCategories } from "../config/categories-from.ts";
import type { Config } from "../config/load-config.ts";
import { allSourceFiles, type FileReport, type IngestResult, type Problem } from "../model/records.ts";
import type { MonthOutcome } from "../app/run.ts";

const IGNORE_WORDS: Record<string, string> = {
  ignore_list: "på ignore-listan",
  other_kommun: "annan kommun",
  summary_event: "sammanfattning av flera händelser",
  duplicate: "upprepad: samma rad i senare fil, eller samma polishändelse publicerad igen",
  superseded: "ersatt av ändrad rad i senare fil",
  blank: "tom rad",
  total_row: "summarad",
  suppressed_at_source: "värdet dolt i källan (för få svar): visas som uppgift saknas",
  missing_value: "värdet saknas i tabellen (..)",
  other_region: "region som inte visas (regions)",
  other_category: "nyckeltal eller grupp som inte mappas (categories)",
  other_group: "rad för bara kvinnor eller män (kön)",
};

/** Swedish words for the rejection reason codes an analyst meets most (the code stays: it is what run.json holds). */
const REJECT_WORDS: Record<string, string> = {
  bad_date: "datumet kan inte tolkas",
  future_date: "datum efter körningens tidpunkt",
  unknown_category: "okänd kategori",
  unknown_area: "okänt område",
  missing_field: "fält saknas eller är tomt",
  bad_number: "talet kan inte tolkas",
  column_count: "fel antal kolumner",
  duplicate_id: "samma id två gånger i filen",
  bad_encoding: "tecken som inte kan avkodas",
  bad_period: "perioden kan inte tolkas eller stämmer inte med periodtypen",
};

export function n(x: number): string {
  return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

function reasonList(byReason: Record<string, number>, words: Record<string, string> = {}): string {
  return Object.entries(byReason)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([r, c]) => {
      // `unknown_category:Vapenbrott` is explained by its code's words.
      const w = words[r] ?? words[r.split(":")[0]!];
      return `${w ? `${r} (${w})` : r} ${n(c)}`;
    })
    .join(", ");
}

/**
 * `file:line: reason (what is wrong and what to do)`, exactly the form of spec/cli.md, which other tools
 * may parse; the message carries the advice. Its closing full stop is dropped inside the parentheses.
 */
/** `1 skriven`, `2 skrivna`. */
function plural(k: number, one: string, many: string): string {
  return `${k} ${k === 1 ? one : many}`;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line ?? "-"}: ${p.reason} (${p.message.replace(/\.\s*$/, "")})`;
}

/** Sums one reason map over files: the source-level "why were rows ignored/rejected". */
export function sumReasons(files: ReadonlyArray<FileReport>, key: "ignored_by_reason" | "rejected_by_reason"): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of files) for (const [r, c] of Object.entries(f.tally[key])) out[r] = (out[r] ?? 0) + c;
  return out;
}

/** Unknown area names (rejected under `unknown_area: reject`) with their counts, most frequent first. */
export function unknownAreas(files: ReadonlyArray<FileReport>): Array<[string, number]> {
  const reasons = sumReasons(files, "rejected_by_reason");
  return Object.entries(reasons)
    .filter(([r]) => r.startsWith("unknown_area:"))
    .map(([r, c]): [string, number] => [r.slice("unknown_area:".length), c])
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
}

/** The categories a source's `categories_from` maps to that the config leaves out (their types are ignored). */
export function leftOutFragmentCategories(config: Config, sourceIndex: number): { file: string; ids: string[] } | null {
  const source = config.sources[sourceIndex];
  if (source?.kind !== "incidents" || source.categories_from === undefined) return null;
  const { fragment } = loadCategoriesFragment(path.resolve(config.configDir, source.categories_from), "");
  return fragment === null ? null : { file: source.categories_from, ids: unusedFragmentCategories(fragment, config) };
}

/** Unknown category labels of a set of files, with their counts, most frequent first. */
export function unknownLabels(files: ReadonlyArray<FileReport>): Array<[string, number]> {
  const out = new Map<string, number>();
  for (const f of files) {
    for (const [reason, c] of Object.entries(f.tally.rejected_by_reason)) {
      if (reason.startsWith("unknown_category:")) {
        const label = reason.slice("unknown_category:".length);
        out.set(label, (out.get(label) ?? 0) + c);
      }
    }
  }
  return [...out].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
}

export function describeSources(config: Config, ingest: IngestResult, opts: { problemsPerFile: number }): string[] {
  const lines: string[] = [];
  for (const data of allSourceFiles(ingest)) {
    const index = config.sources.findIndex((s) => s.id === data.sourceId);
    const source = config.sources[index];
    lines.push(`Källa ${data.sourceId} (${source?.kind ?? "?"}${source && "format" in source ? `, ${source.format}` : ""}):`);
    for (const f of data.files) {
      const t = f.tally;
      lines.push(`  ${f.path}: ${n(t.read)} lästa, ${n(t.accepted)} godkända, ${n(t.ignored)} ignorerade, ${n(t.rejected)} avvisade`);
      if (t.ignored > 0) lines.push(`    ignorerade: ${reasonList(t.ignored_by_reason, IGNORE_WORDS)}`);
      if (t.rejected > 0) lines.push(`    avvisade: ${reasonList(t.rejected_by_reason, REJECT_WORDS)}`);
      const c = f.coordinates;
      if (c) lines.push(`    placerade med koordinater: ${n(c.in_area)} i ett område, ${n(c.outside)} utanför alla områden (okänt område)`);
      const shown = f.problems.slice(0, opts.problemsPerFile);
      for (const p of shown) lines.push(`    ${formatProblem(p)}`);
      const more = f.problems.length - shown.length + f.problems_truncated;
      // validate (problemsPerFile 0) lists every problem grouped below; only run points to it.
      if (more > 0 && opts.problemsPerFile > 0) lines.push(`    … och ${n(more)} problem till (kör lagesbild validate för alla)`);
    }
    if (data.files.length > 1) {
      const ignored = sumReasons(data.files, "ignored_by_reason");
      const rejected = sumReasons(data.files, "rejected_by_reason");
      if (Object.keys(ignored).length > 0) lines.push(`  ignorerade i källan: ${reasonList(ignored, IGNORE_WORDS)}`);
      if (Object.keys(rejected).length > 0) lines.push(`  avvisade i källan: ${reasonList(rejected, REJECT_WORDS)}`);
    }
    for (const [label, c] of unknownLabels(data.files)) {
      lines.push(
        `  okänd etikett "${label}": ${n(c)} ${c === 1 ? "rad" : "rader"} – lägg till raden \`"${label}": <kategori-id>\` under sources[${index}].categories ` +
          `(eller "${label}" under sources[${index}].ignore om den medvetet ska lämnas utanför)`,
      );
    }
    for (const [name, c] of unknownAreas(data.files)) {
      lines.push(`  okänt område "${name}": ${n(c)} ${c === 1 ? "rad" : "rader"} – lägg till "${name}" under areas[…].aliases för rätt område, eller sätt sources[${index}].unknown_area: keep`);
    }
    const leftOut = leftOutFragmentCategories(config, index);
    if (leftOut !== null && leftOut.ids.length > 0) {
      lines.push(
        `  ${leftOut.file} mappar också till ${leftOut.ids.join(", ")}, som inte finns under categories: ` +
          "de typerna räknas som ignorerade (ignore_list). Lägg till kategorin under categories för att ta med dem.",
      );
    }
  }
  for (const w of ingest.warnings) lines.push(`Varning: ${w}`);
  return lines;
}

const STATUS_WORDS = { written: "skriven", skipped: "oförändrad, hoppades över", failed: "misslyckades" } as const;

export function formatRunSummary(input: {
  config: Config;
  outDir: string;
  cwd: string;
  ingest: IngestResult;
  months: ReadonlyArray<MonthOutcome>;
  /** `--only data`: no page, archive, feed or serie.csv was written, so none is pointed at. */
  onlyData?: boolean;
}): string {
  const { config, months } = input;
  const rel = (p: string) => path.relative(input.cwd, p) || ".";
  const count = (s: keyof typeof STATUS_WORDS) => months.filter((m) => m.status === s).length;
  const lines = [
    `${config.output.title ?? `Lägesbild för ${config.kommun.name}`}`,
    `Månader: ${plural(count("written"), "skriven", "skrivna")}, ${plural(count("skipped"), "oförändrad", "oförändrade")}, ${plural(count("failed"), "misslyckad", "misslyckade")}`,
  ];
  for (const m of months) {
    const page = input.onlyData ? path.join(input.outDir, m.month, "indicators.csv") : path.join(input.outDir, m.month, "index.html");
    const where = m.status === "written" ? ` (revision ${m.revision}) → ${rel(page)}` : "";
    lines.push(`  ${m.month}: ${STATUS_WORDS[m.status]}${where}${m.error ? `: ${m.error}` : ""}`);
  }
  lines.push(
    input.onlyData
      ? "Bara data (--only data): indicators.json, indicators.csv och run.json. Ingen rapportsida, inga diagram; arkivet, flödet och serie.csv är inte uppdaterade."
      : `Arkivet: ${rel(path.join(input.outDir, "index.html"))} · alla månader som CSV: ${rel(path.join(input.outDir, "serie.csv"))}`,
  );
  lines.push(...describeSources(config, input.ingest, { problemsPerFile: 5 }));
  const rejected = allSourceFiles(input.ingest).some((s) => s.files.some((f) => f.tally.rejected > 0));
  if (rejected) {
    lines.push(`Avvisade rader (med radens innehåll, rensat från personuppgifter) finns i ${rel(path.resolve(config.configDir, config.quarantine_dir))} – publiceras aldrig.`);
  }
  return `${lines.join("\n")}\n`;
}
