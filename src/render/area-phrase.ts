/** Where something happened, as it reads mid-sentence: "i hela kommunen", "i Centrum", "utan angivet område". */
import type { AreaEntry } from "../model/indicators.ts";
import { T } from "./wording.ts";

export function areaPhrase(area: Pick<AreaEntry, "id" | "name">): string {
  if (area.id === "kommun") return T.area.kommunIn;
  if (area.id === "okant") return T.area.okantIn;
  return T.area.in(area.name);
}
