/**
 * `npm run golden:update`: rewrites test/golden/sample/ from a fresh run of the sample kommun (two
 * months, fixed --generated-at; test/helpers/golden.ts says what is kept and how). Run it when a change
 * to the output is intended, then read `git diff --stat test/golden/` and the diff itself before
 * committing: the golden test exists so that no change to a published file goes unseen.
 */
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../test/helpers/run-cli.ts";
import { compareWithGolden, GOLDEN_DIR, listFiles, runGoldenSample, writeGolden } from "../test/helpers/golden.ts";

const run = runGoldenSample();
try {
  const before = existsSync(path.join(GOLDEN_DIR, "stdout.txt")) ? compareWithGolden(run) : null;
  writeGolden(run);
  const where = path.relative(PROJECT_ROOT, GOLDEN_DIR);
  if (before === null) console.log(`${where}: written (${listFiles(run.out).length} files of output)`);
  else if (before.length === 0) console.log(`${where}: unchanged`);
  else {
    console.log(`${where}: ${before.length} difference(s) written:`);
    for (const p of before) console.log(`  ${p.split("\n")[0] ?? p}`);
  }
} finally {
  rmSync(path.dirname(run.out), { recursive: true, force: true });
}
