/**
 * Overdispersion of real monthly counts (issue 15): for each (county or kommun, event type) series of
 * monthly counts, a Poisson log-linear model with year and calendar-month effects (the season) is fitted
 * by iterative proportional fitting over the months present, and the Pearson dispersion
 * φ̂ = Σ (y − μ)²/μ / (n − (years + 12 − 1)) is reported: 1 is Poisson, above 1 is extra variation.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

interface PolisenEvent {
  datetime: string;
  name: string;
  type: string;
}

/** IPF fit of a year × month table with missing cells; returns the Pearson dispersion. */
export function pearsonDispersion(table: Map<string, number>): number | null {
  const cells = [...table.entries()].map(([k, y]) => ({ year: k.slice(0, 4), month: k.slice(5, 7), y }));
  const years = [...new Set(cells.map((c) => c.year))];
  const months = [...new Set(cells.map((c) => c.month))];
  const df = cells.length - (years.length + months.length - 1);
  if (df <= 0) return null;
  const row = new Map(years.map((y) => [y, 1]));
  const col = new Map(months.map((m) => [m, 1]));
  for (let iter = 0; iter < 200; iter++) {
    for (const y of years) {
      const obs = cells.filter((c) => c.year === y).reduce((s, c) => s + c.y, 0);
      const fit = cells.filter((c) => c.year === y).reduce((s, c) => s + (row.get(y) ?? 1) * (col.get(c.month) ?? 1), 0);
      row.set(y, fit > 0 ? ((row.get(y) ?? 1) * obs) / fit : 0);
    }
    for (const m of months) {
      const obs = cells.filter((c) => c.month === m).reduce((s, c) => s + c.y, 0);
      const fit = cells.filter((c) => c.month === m).reduce((s, c) => s + (row.get(c.year) ?? 1) * (col.get(m) ?? 1), 0);
      col.set(m, fit > 0 ? ((col.get(m) ?? 1) * obs) / fit : 0);
    }
  }
  let chi = 0;
  for (const c of cells) {
    const mu = (row.get(c.year) ?? 0) * (col.get(c.month) ?? 0);
    if (mu > 0) chi += (c.y - mu) ** 2 / mu;
  }
  return chi / df;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s.length % 2 ? (s[(s.length - 1) / 2] ?? 0) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
};

/** Lines of figures for the county files in `dir`: per county and per large kommun, by event type. */
export function measureDispersion(dir: string): string[] {
  const out: string[] = [];
  for (const file of ["stockholms_lan_events.json", "vasternorrland_lan_events.json", "gavleborg_lan_events.json"]) {
    const events = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as PolisenEvent[];
    // Whole months only: the archive runs 2023-04 … 2026-07 (the first and last months are partial).
    const inRange = events.filter((e) => e.datetime >= "2023-04" && e.datetime < "2026-08" && !e.type.startsWith("Sammanfattning"));
    const byKey = new Map<string, Map<string, number>>();
    const add = (key: string, month: string) => {
      const t = byKey.get(key) ?? new Map<string, number>();
      t.set(month, (t.get(month) ?? 0) + 1);
      byKey.set(key, t);
    };
    for (const e of inRange) {
      const month = e.datetime.slice(0, 7);
      const kommun = e.name.split(",").at(-1)?.trim() ?? "";
      add(`län\t${e.type}`, month);
      add(`${kommun}\t${e.type}`, month);
    }
    const lan: Array<{ type: string; mean: number; phi: number }> = [];
    const kommun: number[] = [];
    for (const [key, table] of byKey) {
      // Every month of the span counts, with 0 where the type had no event.
      for (let y = 2023; y <= 2026; y++) {
        for (let m = 1; m <= 12; m++) {
          const ym = `${y}-${String(m).padStart(2, "0")}`;
          if (ym >= "2023-04" && ym <= "2026-07" && !table.has(ym)) table.set(ym, 0);
        }
      }
      const total = [...table.values()].reduce((s, v) => s + v, 0);
      const mean = total / table.size;
      if (mean < 2) continue;
      const phi = pearsonDispersion(table);
      if (phi === null) continue;
      if (key.startsWith("län\t")) lan.push({ type: key.slice(4), mean, phi });
      else kommun.push(phi);
    }
    lan.sort((a, b) => b.mean - a.mean);
    out.push(
      `${file.replace("_events.json", "")}: länet, ${lan.length} händelsetyper med ≥ 2/mån: median φ̂ = ${median(lan.map((l) => l.phi)).toFixed(2)}; ` +
        lan.slice(0, 4).map((l) => `${l.type} (${l.mean.toFixed(0)}/mån) ${l.phi.toFixed(2)}`).join(", "),
    );
    if (kommun.length > 0) out.push(`  per kommun och typ (${kommun.length} serier med ≥ 2/mån): median φ̂ = ${median(kommun).toFixed(2)}, 90:e percentilen ${(([...kommun].sort((a, b) => a - b)[Math.floor(kommun.length * 0.9)]) ?? Number.NaN).toFixed(2)}`);
  }
  return out;
}
