/**
 * spec/cli.md "Measures": every incident source says what it counts. A kommun log must never be called
 * police-reported by default (measure required for csv and aggregated-csv), police event notices are
 * only ever `polisens-handelser`, and a category fed by two measures is an error — each naming its key
 * path, and exit 2 from the real command line.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { categoryMeasures, measuresUsed } from "../../../src/config/category-measures.ts";
import { parseConfig } from "../../../src/config/load-config.ts";
import { runCli } from "../../helpers/run-cli.ts";

const HEAD = `
kommun: { name: Söderhamn, code: "2182" }
areas:
  - { id: centrum, name: Centrum }
categories:
  - { id: skadegorelse, name: Skadegörelse, group: egendom }
  - { id: klotter, name: Klotter, group: egendom }
  - { id: misshandel, name: Misshandel, group: brott-mot-person }
sources:
`;

const POLIS = (measure: string | null) => `
  - id: polis
    kind: incidents
    format: csv
${measure === null ? "" : `    measure: ${measure}\n`}    path: ../data/polis-*.csv
    categories: { Skadegörelse: skadegorelse }
`;
const KOMMUN = (measure: string | null, categories = "{ Klotter: klotter }") => `
  - id: kommunlogg
    kind: incidents
    format: aggregated-csv
${measure === null ? "" : `    measure: ${measure}\n`}    path: ../data/kommun-*.csv
    categories: ${categories}
`;
const EVENTS = (measure: string | null) => `
  - id: handelser
    kind: incidents
    format: polisen-events
${measure === null ? "" : `    measure: ${measure}\n`}    path: ../data/events.json
    categories: { Misshandel: misshandel }
`;

function errorOf(yaml: string): string {
  try {
    parseConfig(yaml, "/tmp/x/config/lagesbild.yaml");
  } catch (e) {
    return (e as Error).message;
  }
  return "(no error)";
}

describe("sources[].measure", () => {
  it("is required for csv, naming the key path and the three values", () => {
    const message = errorOf(`${HEAD}${POLIS(null)}${KOMMUN("handelser")}${EVENTS(null)}`);
    expect(message).toContain("sources[0].measure: saknas");
    expect(message).toContain("brott (polisanmälda brott)");
    expect(message).toContain("handelser (händelser rapporterade av kommunen och andra aktörer)");
    // Only the csv source lacks it: the aggregated table has one and polisen-events has a default.
    expect(message).not.toContain("sources[1].measure");
    expect(message).not.toContain("sources[2].measure");
  });

  it("is required for aggregated-csv", () => {
    expect(errorOf(`${HEAD}${POLIS("brott")}${KOMMUN(null)}${EVENTS(null)}`)).toContain("sources[1].measure: saknas");
  });

  it("may only be polisens-handelser for polisen-events: notices are not reported crimes", () => {
    const message = errorOf(`${HEAD}${POLIS("brott")}${KOMMUN("handelser")}${EVENTS("brott")}`);
    expect(message).toContain("sources[2].measure:");
    expect(message).toContain("bara polisens-handelser är tillåtet");
    expect(errorOf(`${HEAD}${POLIS("brott")}${KOMMUN("handelser")}${EVENTS("polisens-handelser")}`)).toBe("(no error)");
  });

  it("rejects a value outside the three", () => {
    expect(errorOf(`${HEAD}${POLIS("anmalda")}${KOMMUN("handelser")}${EVENTS(null)}`)).toContain(
      "sources[0].measure: förväntade brott, polisens-handelser eller handelser",
    );
  });

  it("forbids a category fed by sources of two measures, naming the label and both sources", () => {
    // The kommun log also maps its Skadegörelse to the police's category: one count would add both.
    const message = errorOf(`${HEAD}${POLIS("brott")}${KOMMUN("handelser", "{ Klotter: klotter, Skadegörelse: skadegorelse }")}${EVENTS(null)}`);
    expect(message).toContain("sources[1].categories.Skadegörelse: kategorin skadegorelse får redan brott från källan polis och kan inte också få handelser");
    expect(message.match(/kategorin skadegorelse/g)).toHaveLength(1);
  });

  it("allows two sources of the same measure in one category", () => {
    expect(errorOf(`${HEAD}${POLIS("brott")}${KOMMUN("brott", "{ Klotter: klotter, Skadegörelse: skadegorelse }")}${EVENTS(null)}`)).toBe("(no error)");
  });

  it("gives each category its source's measure, polisen-events defaulting to polisens-handelser, in the fixed order", () => {
    const config = parseConfig(`${HEAD}${EVENTS(null)}${KOMMUN("handelser")}${POLIS("brott")}`, "/tmp/x/config/lagesbild.yaml");
    expect(Object.fromEntries(categoryMeasures(config))).toEqual({
      misshandel: "polisens-handelser",
      klotter: "handelser",
      skadegorelse: "brott",
    });
    // Config order is events, kommun, polis; the published order is brott, polisens-handelser, handelser.
    expect(measuresUsed(config)).toEqual(["brott", "polisens-handelser", "handelser"]);
  });
});

describe("lagesbild validate with a measure error", () => {
  const root = mkdtempSync(path.join(tmpdir(), "lagesbild-measure-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const cases: Array<[string, string, string]> = [
    ["missing measure", `${HEAD}${POLIS(null)}${KOMMUN("handelser")}${EVENTS(null)}`, "sources[0].measure"],
    ["two measures in one category", `${HEAD}${POLIS("brott")}${KOMMUN("handelser", "{ Klotter: klotter, Skadegörelse: skadegorelse }")}${EVENTS(null)}`, "sources[1].categories.Skadegörelse"],
    ["brott for police event notices", `${HEAD}${POLIS("brott")}${KOMMUN("handelser")}${EVENTS("brott")}`, "sources[2].measure"],
  ];
  it.each(cases)("%s: exit 2, naming the key path", (name, yaml, keyPath) => {
    const dir = path.join(root, name.replace(/\W+/g, "-"), "config");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "lagesbild.yaml"), yaml);
    const r = runCli(["validate", "--config", path.join(dir, "lagesbild.yaml"), "--month", "2024-03"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(keyPath);
  });
});
