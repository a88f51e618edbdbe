/**
 * The reference rates a month's report shows (Brå: "hur läget ser ut jämfört med referensdata"): the
 * config's hand-typed `reference` list, then for each `kind: reference` source and each of its
 * `regions` the **latest period that has ended by the report month** — a yearly rate for 2025 is not
 * shown in a report for June 2025, and a survey or crime rate from 2010 is shown only when nothing
 * newer exists, with its period named in the column header. At the same end month a year goes before a
 * quarter before a month: the longer period's rate is the steadier one to compare a 12-month rate with.
 *
 * The result has the config `reference` list's shape, so the tables read one list whatever its origin.
 */
import type { Config } from "../config/load-config.ts";
import type { ReferenceSourceData } from "../model/extra-records.ts";

type Reference = Config["reference"][number];

const periodRank = (period: string) => (period.length === 4 ? 0 : period.includes("Q") ? 1 : 2);

export function referencesForMonth(config: Pick<Config, "reference" | "sources">, data: ReadonlyArray<ReferenceSourceData> | undefined, month: string): Reference[] {
  const out: Reference[] = [...config.reference];
  for (const source of config.sources) {
    if (source.kind !== "reference") continue;
    const records = (data ?? []).find((d) => d.sourceId === source.id)?.records ?? [];
    for (const region of source.regions) {
      const ended = records.filter((r) => r.region === region && r.end <= month);
      if (ended.length === 0) continue;
      const best = ended.reduce((a, b) => (b.end > a.end || (b.end === a.end && periodRank(b.period) < periodRank(a.period)) ? b : a));
      const per100k: Record<string, number> = {};
      for (const r of ended) if (r.period === best.period) per100k[r.category] = r.per_100k;
      out.push({ name: region, year: Number(best.period.slice(0, 4)), ...(best.period.length > 4 ? { period: best.period } : {}), per_100k: per100k });
    }
  }
  return out;
}
