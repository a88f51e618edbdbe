/**
 * The Swedish summary of a group run (group-run.ts): every kommun's own summary (months written,
 * skipped or failed, and each source file's rows read / accepted / ignored / rejected) for a group of
 * up to 12 kommuner; for a larger group (a län, the country) one line per kommun, since each kommun's
 * run.json holds its counts; then which kommuner failed and where the comparison is.
 */
import path from "node:path";
import type { GroupRunResult } from "../app/group-run.ts";
import { formatDuration } from "../app/progress.ts";
import { formatRunSummary } from "./summary.ts";

/** Above this many kommuner the summary gives one line per kommun. */
export const FULL_SUMMARY_MAX = 12;

export function formatGroupSummary(r: GroupRunResult, cwd: string, onlyData: boolean): string {
  const rel = (p: string) => path.relative(cwd, p) || ".";
  const full = r.kommuner.length <= FULL_SUMMARY_MAX;
  const out: string[] = [`${r.group.group.title}`, `${r.kommuner.length} kommuner på ${formatDuration(r.seconds)} → ${rel(r.outDir)}`, ""];
  for (const k of r.kommuner) {
    if (k.result === null) {
      out.push(`${k.name}: misslyckades: ${k.error}`);
    } else if (full) {
      out.push(formatRunSummary({ config: k.result.config, outDir: k.result.outDir, cwd, ingest: k.result.ingest, months: k.result.months, onlyData }).trimEnd());
    } else {
      const months = k.result.months.map((m) => `${m.month} ${m.status === "written" ? `skriven (revision ${m.revision})` : m.status === "skipped" ? "oförändrad" : `misslyckades: ${m.error?.split("\n")[0]}`}`);
      out.push(`${k.name}: ${months.join(", ")}`);
    }
    if (full) out.push("");
  }
  if (!full) out.push("", `Radräkningen per källfil står i varje kommuns run.json (<kommun>/<månad>/run.json).`);
  const failed = r.kommuner.filter((k) => k.exitCode !== 0);
  out.push(
    failed.length === 0
      ? "Alla kommuner klara."
      : `Misslyckades (${failed.length} av ${r.kommuner.length}): ${failed.map((k) => `${k.name} (slutkod ${k.exitCode})`).join(", ")}. De andra kommunerna är skrivna.`,
  );
  if (r.comparisonMonths.length > 0) {
    const latest = r.comparisonMonths[0]!;
    out.push(
      onlyData
        ? `Jämförelsens siffror: ${rel(path.join(r.outDir, "jamforelse", latest, "jamforelse.csv"))}`
        : `Jämförelsen: ${rel(path.join(r.outDir, "jamforelse", latest, "index.html"))} · alla kommuner och månader: ${rel(path.join(r.outDir, "index.html"))}`,
    );
  }
  return `${out.join("\n")}\n`;
}

/** `<kommun>/<month>` of every failed month, and `<kommun>` of every kommun that failed before its months. */
export function failedLabels(r: GroupRunResult): string[] {
  return r.kommuner.flatMap((k) => (k.result === null ? (k.exitCode === 0 ? [] : [k.id]) : k.result.months.filter((m) => m.status === "failed").map((m) => `${k.id}/${m.month}`)));
}
