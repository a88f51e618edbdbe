/**
 * The group's comparison (src/app/write-group-files.ts) reads each kommun's published indicators.json:
 * a kommun with no file for the month did not publish it and shows as a row with no figures; a file
 * that is there but is not JSON (cut short by a full disk, edited by hand) or not the schema is no
 * "not published": the run stops as for a damaged month folder in the archive (a publish error, exit 1
 * at the CLI) naming the file, and writes no comparison from it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeGroupFiles } from "../../../src/app/write-group-files.ts";
import type { GroupKommun, GroupSettings } from "../../../src/config/load-group-config.ts";
import { LagesbildError } from "../../../src/core/errors.ts";
import { SAMPLE_CONFIG_YAML, SAMPLE_MONTH, sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Two kommuner in a fresh group folder: Exempelkommun (9999), which published the sample month, and Grannby (9998). */
function group() {
  const outDir = mkdtempSync(path.join(tmpdir(), "lagesbild-group-"));
  dirs.push(outDir);
  const settings: GroupSettings = { name: "Testgruppen", title: "Lägesbild för Testgruppen", configPath: path.join(outDir, "grupp.yaml"), configDir: outDir, projectRoot: outDir, timezone: "Europe/Stockholm" };
  const kommuner: GroupKommun[] = [
    { id: "exempel", config: sampleConfig(), sharedSources: 0 },
    { id: "grannby", config: sampleConfig(SAMPLE_CONFIG_YAML.replace('{ name: Exempelkommun, code: "9999" }', '{ name: Grannby, code: "9998" }')), sharedSources: 0 },
  ];
  const month = (id: string) => path.join(outDir, id, SAMPLE_MONTH);
  mkdirSync(month("exempel"), { recursive: true });
  writeFileSync(path.join(month("exempel"), "indicators.json"), JSON.stringify(sampleIndicators()));
  const write = () => writeGroupFiles({ group: settings, kommuner, outDir, months: [SAMPLE_MONTH], onlyData: true, generatedAt: "2024-04-02T06:00:00+02:00" });
  return { outDir, month, write };
}

/** The error the group's files stop with: a publish error (exit 1), and no comparison written. */
function publishError(g: ReturnType<typeof group>): LagesbildError {
  let thrown: unknown = null;
  try {
    g.write();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(LagesbildError);
  expect((thrown as LagesbildError).exitCode).toBe(1);
  expect(existsSync(path.join(g.outDir, "jamforelse"))).toBe(false);
  return thrown as LagesbildError;
}

describe("the group's comparison of its kommuner's published months", () => {
  it("shows a kommun with no indicators.json for the month as not published: its row has no figures", () => {
    const g = group();
    expect(g.write()).toEqual([SAMPLE_MONTH]);
    const csv = readFileSync(path.join(g.outDir, "jamforelse", SAMPLE_MONTH, "jamforelse.csv"), "utf8").replace(/^\ufeff/, "").trimEnd().split("\r\n");
    const grannby = csv.filter((l) => l.startsWith("9998;"));
    // One row, with the kommun's name and month but every figure empty (folkmangd onwards).
    expect(grannby).toHaveLength(1);
    expect(grannby[0]?.split(";").slice(1, 4)).toEqual(["Grannby", expect.any(String), SAMPLE_MONTH]);
    expect(grannby[0]?.split(";").slice(4).every((cell) => cell === "")).toBe(true);
    // The kommun that published has figures: its population is the sample config's 25 850.
    expect(csv.find((l) => l.startsWith("9999;"))?.split(";")[4]).toBe("25850");
  });

  it.each([
    ["not JSON (cut short)", '{"schema":"lagesbild.indicators/v1","month":"2024-03","entries":['],
    ["JSON of another kind", JSON.stringify({ schema: "lagesbild.indicators/v0", month: SAMPLE_MONTH })],
  ])("stops with a publish error naming a published indicators.json that is %s, and writes no comparison", (_kind, content) => {
    const g = group();
    mkdirSync(g.month("grannby"), { recursive: true });
    const file = path.join(g.month("grannby"), "indicators.json");
    writeFileSync(file, content);
    expect(publishError(g).message).toContain(file);
  });

  it("stops with a publish error naming an indicators.json that is a folder, why it cannot be read and the month to rebuild", () => {
    const g = group();
    const file = path.join(g.month("grannby"), "indicators.json");
    mkdirSync(file, { recursive: true });
    const { message } = publishError(g);
    expect(message).toContain(`${file} kan inte läsas (är en mapp, inte en vanlig fil)`);
    expect(message).toContain(`--month ${SAMPLE_MONTH} --force`);
  });
});
