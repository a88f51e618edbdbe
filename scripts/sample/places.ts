/**
 * Free-text cells: the area cell as people really type it, and a `Plats`/`place` text. Every street,
 * shop and landmark is invented for Exempelkommun; no row carries anything about a person.
 */
import { AREAS, OKANT, type AreaId, type AreaOrOkant } from "./model.ts";
import { intBelow, pick, type Rng } from "./prng.ts";

const STREETS: Readonly<Record<AreaId, ReadonlyArray<string>>> = {
  centrum: ["Storgatan", "Kyrkogatan", "Järnvägsgatan", "Drottninggatan", "Torggatan", "Skolgatan"],
  norrby: ["Björkvägen", "Lönnvägen", "Norrbyvägen", "Granvägen", "Rönnvägen"],
  hamnen: ["Hamngatan", "Kajvägen", "Fiskargatan", "Varvsgatan"],
  skogsberga: ["Tallstigen", "Ekbacken", "Skogsbergavägen", "Mossvägen", "Blåbärsstigen"],
  ljungdal: ["Ljungvägen", "Bygatan", "Kvarnvägen", "Åvägen"],
};

/** Landmarks; some hold the characters that force CSV quoting (`;` `,` `"`) or need Windows-1252 (é, –). */
const LANDMARKS: Readonly<Record<AreaId, ReadonlyArray<string>>> = {
  centrum: ["Stora torget", "Resecentrum; perrong 2", 'Krogen "Tre Kronor", Storgatan', "Café Ljuset", "Stadsparken"],
  norrby: ["Norrby centrum, vid ICA", "Norrbyskolan", "Gång- och cykelvägen Norrby–Centrum", "Tvättstugan; Björkvägen 8"],
  hamnen: ["Gästhamnen", 'Restaurang "Ankaret"', "Hamnplan; vid kiosken", "Pendelparkeringen"],
  skogsberga: ["Skogsberga IP", "Badplatsen vid Mossjön", "Förskolan Ekorren"],
  ljungdal: ["Ljungdals bygdegård", "Rastplatsen vid väg 612", "Återvinningsstationen"],
};

/** Places that name no configured area: rows with them land in "okänt område". */
const UNKNOWN_PLACES = ["Industrivägen 14", "Väg 612 km 3", "Okänd adress", "Lastkajen, Verkstadsvägen 2"];

/** A `Plats` text for an event in `area` (okänt område gets an address-like place or nothing). */
export function placeText(rng: Rng, area: AreaOrOkant): string {
  if (area === OKANT) return rng() < 0.5 ? "" : pick(rng, UNKNOWN_PLACES);
  if (rng() < 0.25) return pick(rng, LANDMARKS[area]);
  return `${pick(rng, STREETS[area])} ${1 + intBelow(rng, 40)}`;
}

function areaModel(id: AreaId) {
  const area = AREAS.find((a) => a.id === id);
  if (!area) throw new Error(`unknown area ${id}`);
  return area;
}

/**
 * The police export's `Område` cell: usually the area's name, sometimes an alias, and now and then the
 * sloppy spellings matching must survive (upper case, a trailing space, a non-breaking space from Excel).
 * Okänt område is an empty cell or an address-like place that matches no alias.
 */
export function policeAreaText(rng: Rng, area: AreaOrOkant): string {
  if (area === OKANT) return rng() < 0.5 ? "" : pick(rng, UNKNOWN_PLACES);
  const model = areaModel(area);
  const r = rng();
  if (r < 0.8) return model.name;
  if (r < 0.92) return pick(rng, model.aliases);
  if (r < 0.95) return model.name.toUpperCase();
  if (r < 0.98) return `${model.name} `;
  const alias = pick(rng, model.aliases);
  return alias.includes(" ") ? alias.replace(" ", "\u00a0") : alias;
}

/** The kommun log's `area` cell: the case system stores the id, people type the name or an alias. */
export function kommunAreaText(rng: Rng, area: AreaOrOkant): string {
  if (area === OKANT) return "";
  const model = areaModel(area);
  const r = rng();
  if (r < 0.5) return model.id;
  if (r < 0.9) return model.name;
  return pick(rng, model.aliases);
}
