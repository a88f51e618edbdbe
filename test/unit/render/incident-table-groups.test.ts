/**
 * The CompStat table shows the config's category groups (issue 4): one `<tbody>` per group, headed by a
 * `<th scope="rowgroup">` spanning every column, groups in config order, the total row last on its own.
 */
import { describe, expect, it } from "vitest";
import { incidentTable } from "../../../src/render/incident-table.ts";
import { SAMPLE_CONFIG_YAML, sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

// The same config with the groups listed in the other order and one group no category uses.
const REORDERED = SAMPLE_CONFIG_YAML.replace(
  "groups:\n  - { id: offentlig-miljo, name: Otrygghetsskapande händelser i offentlig miljö }\n  - { id: vald, name: Våld och hot }",
  "groups:\n  - { id: brand, name: Bränder }\n  - { id: vald, name: Våld och hot }\n  - { id: offentlig-miljo, name: Otrygghetsskapande händelser i offentlig miljö }",
);

function table(yaml: string, withReference: boolean, areaId = "kommun"): string {
  const area = sampleIndicators().areas.find((a) => a.id === areaId)!;
  return incidentTable(area, area.name, { month: "2024-03", config: sampleConfig(yaml), withReference }).toString();
}

/** The table's bodies as [group header or null, row header names]. */
function bodies(markup: string): Array<[string | null, string[]]> {
  return [...markup.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map((m) => [
    /<th scope="rowgroup"[^>]*><span>([^<]*)<\/span><\/th>/.exec(m[1]!)?.[1] ?? null,
    [...m[1]!.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((r) => r[1]!),
  ]);
}

describe("incidentTable groups", () => {
  it("puts each group in its own body with a row-group header, in config group order, total last", () => {
    expect(REORDERED).not.toBe(SAMPLE_CONFIG_YAML);
    expect(bodies(table(REORDERED, false))).toEqual([
      ["Våld och hot", ["Misshandel"]],
      ["Otrygghetsskapande händelser i offentlig miljö", ["Skadegörelse"]],
      [null, ["Alla polisanmälda brott"]],
    ]);
  });

  it("spans the group header over all columns: 10 without reference rates, 11 with one reference", () => {
    expect(table(SAMPLE_CONFIG_YAML, false)).toContain('<tr class="group"><th scope="rowgroup" colspan="10"><span>Otrygghetsskapande');
    expect(table(SAMPLE_CONFIG_YAML, true)).toContain('<tr class="group"><th scope="rowgroup" colspan="11"><span>Otrygghetsskapande');
  });

  it("groups an area's table the same way", () => {
    expect(bodies(table(SAMPLE_CONFIG_YAML, false, "centrum")).map((b) => b[0])).toEqual([
      "Otrygghetsskapande händelser i offentlig miljö",
      "Våld och hot",
      null,
    ]);
  });
});
