/**
 * Config text that is published must not hold personal identifiers (issue 14.2). Promise texts,
 * titles, the publisher, area, category, group, survey and reference names, band labels … are copied
 * into indicators.json, the HTML and the feed verbatim.
 *
 * Decision: such text is refused (exit 2 naming the key), not silently scrubbed. Config text is written
 * by the kommun's own staff, once, and read by every resident: nobody should configure a personnummer
 * or a private phone number, and a report saying "Ring [borttaget]" in a promise would hide a mistake
 * the author needs to see and fix. `output.contact` is the exception: it is *meant* to hold the
 * kommun's public switchboard number and functional e-mail address (spec/cli.md), so it is not checked.
 *
 * Checked: every string anywhere in the config except the keys below, which are never published as
 * text (paths, source label maps and column names that only match data, the time zone) or are the
 * contact exception. Walking everything rather than a list of published keys means a key added later
 * is checked without anyone remembering to add it here.
 */
import { holdsIdentifier } from "../core/scrub.ts";
import { formatKeyPath } from "./load-config.ts";

/** Key paths (as `a.b`, array indices left out) whose strings are not published text. */
const NOT_PUBLISHED_TEXT = new Set([
  "output.dir",
  "output.commentary",
  "output.contact",
  "quarantine_dir",
  "cache_dir",
  "areas_geojson",
  "timezone",
  "sources",
  // Names a source may use for an area: matched against data, never shown.
  "areas.aliases",
  // Survey answer matching (what counts as "yes", what is left out): matched against data.
  "survey.indicators.question",
  "survey.indicators.yes",
  "survey.indicators.exclude",
]);

const IDENTIFIER_MESSAGE =
  "texten innehåller något som ser ut som ett personnummer, telefonnummer, en e-postadress eller ett registreringsnummer; " +
  "den publiceras som den är, så skriv om den utan uppgiften (kommunens kontaktuppgifter hör hemma i output.contact)";

/** `key.path: message` for every published config string that holds an identifier. */
export function checkPublishedText(config: unknown): string[] {
  const errors: string[] = [];
  const walk = (value: unknown, keyPath: PropertyKey[]): void => {
    const named = keyPath.filter((k) => typeof k === "string").join(".");
    if (NOT_PUBLISHED_TEXT.has(named)) return;
    if (typeof value === "string") {
      if (holdsIdentifier(value)) errors.push(`${formatKeyPath(keyPath)}: ${IDENTIFIER_MESSAGE}`);
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...keyPath, i]));
    else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
      for (const [k, v] of Object.entries(value)) walk(v, [...keyPath, k]);
    }
  };
  walk(config, []);
  return errors;
}
