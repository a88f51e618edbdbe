/**
 * Range progress (month n of N, elapsed, estimate) and the config hash that decides, with the
 * indicators hash and the version, whether a month is rebuilt (spec/outputs.md skip rule).
 */
import { describe, expect, it } from "vitest";
import { formatDuration, progressMessage, progressPoint } from "../../../src/app/progress.ts";
import { parseConfig } from "../../../src/config/load-config.ts";
import { publishedConfigHash } from "../../../src/publish/config-hash.ts";
import { SAMPLE_CONFIG_YAML, sampleConfig } from "../../helpers/sample-indicators.ts";

describe("range progress", () => {
  it("has no estimate before the first month is done", () => {
    expect(progressPoint("2024-01", 1, 36, 0)).toEqual({ month: "2024-01", n: 1, of: 36, elapsed_s: 0, remaining_s: null });
  });

  it("estimates the time left from the mean time of the months done", () => {
    // 2 months done in 4 s → 2 s each; months 3..10 left = 8 → 16 s.
    expect(progressPoint("2024-03", 3, 10, 4000).remaining_s).toBe(16);
  });

  it("says it in Swedish", () => {
    // 64 s for 2 months = 32 s each; 8 months left → 256 s = 4 min 16 s.
    expect(progressMessage(progressPoint("2024-03", 3, 10, 64_000))).toBe("Månad 3 av 10: 2024-03 (1 min 4 s hittills, cirka 4 min 16 s kvar)");
  });

  it.each([
    [45, "45 s"],
    [60, "1 min"],
    [185, "3 min 5 s"],
    [3720, "1 h 2 min"],
  ])("formats %i s as %s", (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });
});

describe("the config hash", () => {
  const base = publishedConfigHash(sampleConfig());
  const withYaml = (edit: (yaml: string) => string) => publishedConfigHash(sampleConfig(edit(SAMPLE_CONFIG_YAML)));

  it.each([
    ["quarantine_dir", (y: string) => `${y}\nquarantine_dir: ../elsewhere/rejected\n`],
    ["cache_dir", (y: string) => `${y}\ncache_dir: /var/tmp/cache\n`],
    ["max_rejected_share", (y: string) => `${y}\nmax_rejected_share: 0.2\n`],
    ["output.dir", (y: string) => y.replace("output:\n", "output:\n  dir: /srv/www/lagesbild\n")],
    ["a source's path", (y: string) => y.replace("path: ../data/incidents/*.csv", "path: ../exports/polis-*.csv")],
  ])("ignores %s, which changes no published file", (_key, edit) => {
    expect(withYaml(edit)).toBe(base);
  });

  it.each([
    ["the report title", (y: string) => y.replace("fiktiva siffror", "påhittade siffror")],
    ["reference data", (y: string) => y.replace("1650.2", "1650.3")],
    ["the suppression limit", (y: string) => y.replace("min_count: 3", "min_count: 5")],
    ["a category mapping", (y: string) => y.replace("Misshandel: misshandel", "Misshandel: misshandel, Misshandel grov: misshandel")],
  ])("changes with %s", (_key, edit) => {
    expect(withYaml(edit)).not.toBe(base);
  });

  it("does not depend on the order of keys in the file", () => {
    const reordered = SAMPLE_CONFIG_YAML.replace('kommun: { name: Exempelkommun, code: "9999" }\npopulation: 25850', 'population: 25850\nkommun: { code: "9999", name: Exempelkommun }');
    expect(reordered).not.toBe(SAMPLE_CONFIG_YAML);
    expect(publishedConfigHash(sampleConfig(reordered))).toBe(base);
  });

  it("does not depend on where the project lies on disk", () => {
    expect(publishedConfigHash(parseConfig(SAMPLE_CONFIG_YAML, "/srv/other/place/config/lagesbild.yaml"))).toBe(base);
  });
});
