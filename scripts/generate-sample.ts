/**
 * Generates Exempelkommun's fictional incident data (see data/README.md).
 *
 *   npm run generate-sample                       # the committed sample in data/incidents/
 *   node --import tsx scripts/generate-sample.ts --out /tmp/bench --rows 1000000   # benchmark data
 *
 * Deterministic: the same arguments give byte-identical files. Exits 1 when the latest month's story
 * does not hold under an independent trend test, or when a month's rejected share would exceed 1 %.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { addMonths } from "../src/core/month.ts";
import { generateSample, type GenerateResult } from "./sample/generate.ts";
import { LATEST_MONTH } from "./sample/model.ts";
import { STORY, cellValue } from "./sample/story.ts";
import { generateExtras } from "./sample/extras.ts";

const USAGE = "usage: generate-sample [--out DIR] [--rows N]   (DIR gets incidents/; default: data/)";

function parseArgs(argv: ReadonlyArray<string>): { outDir: string; rows?: number } {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  let outDir = path.join(projectRoot, "data");
  let rows: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === "--out" && value) {
      outDir = path.resolve(value);
      i++;
    } else if (arg === "--rows" && value && /^[1-9]\d*$/.test(value)) {
      rows = Number(value);
      i++;
    } else {
      console.error(`${arg === "--help" ? "" : `unknown or incomplete argument: ${arg}\n`}${USAGE}`);
      process.exit(arg === "--help" ? 0 : 2);
    }
  }
  return rows === undefined ? { outDir } : { outDir, rows };
}

const fmtP = (p: number) => (p < 0.0001 ? p.toExponential(2) : p.toFixed(4));

/** Prints files and the verification; returns whether the sample is fit to publish as the demo. */
function report(result: GenerateResult): boolean {
  for (const f of result.files) console.log(`  ${path.relative(process.cwd(), f.path)}  ${f.rows} rows  ${f.bytes} bytes`);
  if (result.scale !== 1) {
    console.log(`scaled the police source ×${result.scale.toFixed(3)}: the trend-test story is not verified for benchmark data`);
    return true;
  }
  const { latest, history } = result;
  console.log(`\nTrend test ${LATEST_MONTH} (independent check: x | x + S ~ Bin(n, 1/13), one-sided p < 0.025), variant ${latest.variant}:`);
  const shown = new Set<string>();
  const show = (area: string, category: string, expected: string) => {
    const c = latest.checks.find((k) => k.area === area && k.category === category);
    if (!c) return;
    shown.add(`${area}/${category}`);
    const lastYear = cellValue(history.get(addMonths(LATEST_MONTH, -12)), area, category);
    console.log(
      `  ${category} / ${area}: x = ${c.x}, S = ${c.s} (baseline ${(c.s / 12).toFixed(2)}/month), ` +
        `same month last year ${lastYear}; p_up = ${fmtP(c.pUp)}, p_down = ${fmtP(c.pDown)} → ${c.verdict} (expected: ${expected})`,
    );
  };
  for (const s of STORY) {
    show(s.area, s.category, s.expect);
    show("kommun", s.category, "any");
  }
  const others = latest.checks.filter((c) => !shown.has(`${c.area}/${c.category}`));
  const notNormal = others.filter((c) => c.verdict !== "normal").map((c) => `${c.category}/${c.area}: ${c.verdict}`);
  console.log(`  other cells: ${others.length - notNormal.length} of ${others.length} normal${notNormal.length ? ` (${notNormal.join(", ")})` : ""}`);
  const share = result.worstRejectedShare;
  const shareOk = share.share <= 0.01;
  console.log(
    `\nPolice rejected share, undated rejects counted in every month: worst ${share.month} = ${share.share.toFixed(4)} ` +
      `(limit 0.01) ${shareOk ? "OK" : "TOO HIGH"}`,
  );
  console.log(latest.ok ? "Story verified." : "Story NOT verified: no variant gave the planned verdicts.");
  return latest.ok && shareOk;
}

const options = parseArgs(process.argv.slice(2));
console.log(`Exempelkommun – fiktiva siffror → ${path.join(options.outDir, "incidents")}`);
const ok = report(generateSample(options));
// Survey, field reports and åtgärdsplan (scripts/sample/extras.ts): the sample only, not benchmark data.
if (options.rows === undefined) for (const f of generateExtras(options.outDir)) console.log(`  ${path.relative(process.cwd(), f)}`);
process.exit(ok ? 0 : 1);
