/**
 * `npm run bench:trend` (issue 15): the trend test's calibration by simulation, the old 12-month test and
 * the seasonal test side by side, and the overdispersion of the real police events where they are present.
 * Figures, not pass/fail; `test/unit/aggregate/trend-calibration.test.ts` asserts the false-alarm bound.
 *
 *   npm run bench:trend                    # 200 kommuner a scenario
 *   TREND_KOMMUNER=50 npm run bench:trend  # a quick look
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { detection, falseAlarms, type SimulationOptions } from "./bench/trend-simulation.ts";
import { measureDispersion } from "./bench/dispersion.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const kommuner = Number(process.env.TREND_KOMMUNER ?? 200);
const base: Omit<SimulationOptions, "seed" | "planted"> = {
  areas: 8,
  categories: 8,
  dispersion: 1.25,
  start: "2020-01",
  months: 72,
  reportMonths: 24,
};
const pct = (a: number, b: number) => (b === 0 ? "–" : `${((100 * a) / b).toFixed(1)} %`);

console.log(`Trendtestets kalibrering: ${kommuner} simulerade kommuner à ${base.areas} områden × ${base.categories} kategorier,`);
console.log(`sommartopp ±30 %, basnivå 2–40 händelser per cell och månad, ${base.reportMonths} rapportmånader var;`);
console.log(`D = varians/medel (1 = Poisson). Upptäckt: förändringen planteras i en områdescell, D = ${base.dispersion}.\n`);

// D = 1 is Poisson; 1.25 and 1.6 are the median and the 90th percentile of the real police events' monthly
// series per kommun and type after season and year (dispersion.ts, printed below).
for (const dispersion of [1, 1.25, 1.6]) {
  const t0 = performance.now();
  const f = falseAlarms({ ...base, dispersion }, kommuner, 1000);
  console.log(
    `Falsklarm (inget ändrat), D = ${dispersion}: nytt test ${pct(f.newAlarms, f.tested)}, gamla 12-månaderstestet ${pct(f.oldAlarms, f.tested)}` +
      ` av ${f.tested} prövade celler (mål för det nya: ≤ 2 %)  [${((performance.now() - t0) / 1000).toFixed(1)} s]`,
  );
}
console.log("");
const scenarios = [
  { name: "fördubbling, cell ≥ 5/mån", factor: 2, minRate: 5 },
  { name: "+50 %, cell ≥ 5/mån", factor: 1.5, minRate: 5 },
  { name: "halvering (steg ned), cell ≥ 5/mån", factor: 0.5, minRate: 5 },
  { name: "fördubbling, cell ≥ 15/mån", factor: 2, minRate: 15 },
];
for (const s of scenarios) {
  const d = detection(base, s.factor, s.minRate, kommuner, 5000);
  console.log(
    `${s.name}: upptäckt inom 3 månader – nytt ${pct(d.newDetected, d.trials)} (fördröjning ${d.newDelay.toFixed(2)} mån), ` +
      `gamla ${pct(d.oldDetected, d.trials)} (${d.oldDelay.toFixed(2)} mån)${s.factor === 2 && s.minRate === 5 ? "  (mål: ≥ 80 %)" : ""}`,
  );
}

const real = path.resolve(root, "../shared/realdata/polisen-events");
if (existsSync(real)) {
  console.log("\nÖverspridning i polisens riktiga händelser (varians/medel efter säsong och år, Pearson):");
  for (const line of measureDispersion(real)) console.log(`  ${line}`);
} else {
  console.log(`\n(hoppar över överspridningen: ${real} saknas)`);
}
