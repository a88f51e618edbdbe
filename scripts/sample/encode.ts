/**
 * Byte-level helpers: Windows-1252 (what Excel's "CSV" writes on Swedish Windows), CSV quoting, and the
 * Europe/Stockholm UTC offset, computed from the EU rule so the generator never depends on the machine's
 * time zone data.
 */
import { lastSunday } from "./events.ts";

/** Windows-1252 bytes 0x80–0x9F that are printable characters (the rest are unassigned). */
const CP1252_HIGH: Readonly<Record<string, number>> = {
  "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88, "‰": 0x89,
  "Š": 0x8a, "‹": 0x8b, "Œ": 0x8c, "Ž": 0x8e, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95,
  "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99, "š": 0x9a, "›": 0x9b, "œ": 0x9c, "ž": 0x9e, "Ÿ": 0x9f,
};

/**
 * Encodes text as Windows-1252. Latin-1 code points map to themselves except 0x80–0x9F, which in 1252
 * are printable characters (– is 0x96); a C1 control or a character 1252 lacks is a bug in the
 * generator, so it throws rather than writing a byte a reader would call `bad_encoding`.
 */
export function encodeCp1252(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) {
      out[i] = code;
      continue;
    }
    const high = CP1252_HIGH[text[i] ?? ""];
    if (high === undefined) throw new Error(`cannot encode U+${code.toString(16).padStart(4, "0")} in Windows-1252`);
    out[i] = high;
  }
  return out;
}

/** Quotes a CSV field only when it has to, as Excel does: delimiter, quote or line break inside. */
export function csvField(value: string, delimiter: string): string {
  if (value.includes(delimiter) || value.includes('"') || value.includes("\n") || value.includes("\r")) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

/**
 * `+01:00` (CET) or `+02:00` (CEST) for a Stockholm wall-clock time `YYYY-MM-DD HH:mm`. CEST runs from
 * 02:00 local on the last Sunday of March to 03:00 local on the last Sunday of October. The generator
 * never writes the 02:xx hour of those two days (events.ts), so every local time has exactly one offset.
 */
export function stockholmOffset(local: string): string {
  const year = Number(local.slice(0, 4));
  const month = Number(local.slice(5, 7));
  const day = Number(local.slice(8, 10));
  const hour = Number(local.slice(11, 13));
  let summer: boolean;
  if (month < 3 || month > 10) summer = false;
  else if (month > 3 && month < 10) summer = true;
  else if (month === 3) summer = day > lastSunday(year, 3) || (day === lastSunday(year, 3) && hour >= 3);
  else summer = day < lastSunday(year, 10) || (day === lastSunday(year, 10) && hour < 2);
  return summer ? "+02:00" : "+01:00";
}
