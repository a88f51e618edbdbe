/**
 * The golden-output test (issue 17, STYLE.md "Tests"): the sample kommun built for two months through the
 * real CLI at a fixed --generated-at must equal test/golden/sample/ byte for byte: every HTML, JSON and
 * CSV file, the archive, feed, manifest and stylesheet as text, the charts by sha256, and the summary on
 * stdout. It never rewrites the golden files; `npm run golden:update` does, deliberately.
 */
import path from "node:path";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareWithGolden, goldenFailureMessage, listFiles, runGoldenSample, type GoldenRun } from "../helpers/golden.ts";

describe("the sample kommun's output for 2026-09 and 2026-10", () => {
  let run: GoldenRun;
  beforeAll(() => {
    run = runGoldenSample();
  });
  afterAll(() => rmSync(path.dirname(run.out), { recursive: true, force: true }));

  it("holds both months, the archive, the feed and the manifest", () => {
    const files = listFiles(run.out);
    for (const f of ["2026-09/index.html", "2026-10/indicators.json", "index.html", "feed.xml", "manifest.json"]) {
      expect(files).toContain(f);
    }
  });

  it("is byte for byte the golden output", () => {
    const problems = compareWithGolden(run);
    if (problems.length > 0) expect.fail(goldenFailureMessage(problems));
  });
});
