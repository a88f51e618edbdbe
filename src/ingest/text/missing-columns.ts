/**
 * A required column the file does not have (under its own name or the one `columns` maps it to) is one
 * error for the file (exit 1, the file and the column named), not a `missing_field` rejection per row:
 * 4 047 rejected rows hide the one fix (issue 13). An optional column that `columns` maps by name but
 * the file lacks (`count: Antal`, `id: Diarienummer`) is a note on the file, shown by `validate` and in
 * the run summary: one config often serves exports of several vintages, and older ones lack a column.
 */
import { LagesbildError } from "../../core/errors.ts";
import { scrub } from "../../core/scrub.ts";
import { headerKey } from "./parse-swedish-csv.ts";

const quote = (s: string) => `"${s.length > 80 ? `${s.slice(0, 77)}…` : s}"`;

/** The roles in `wanted` whose column (renamed through `rename`) is not in the header, in role order. */
export function missingColumns(header: readonly string[], wanted: readonly string[], rename: Readonly<Record<string, string>> = {}): string[] {
  const keys = new Set(header.map(headerKey));
  return wanted.filter((role) => !keys.has(headerKey(rename[role] ?? role)));
}

/** The optional roles `rename` maps by name that the header lacks: a note per file, not an error. */
export function missingMappedNote(header: readonly string[], optional: readonly string[], rename: Readonly<Record<string, string>> = {}, keyPath: string): string | null {
  const missing = missingColumns(header, optional.filter((role) => rename[role] !== undefined), rename);
  if (missing.length === 0 || header.length === 0) return null;
  const names = missing.map((role) => `${quote(rename[role]!)} (${role})`).join(", ");
  return `${missing.length === 1 ? "Kolumnen" : "Kolumnerna"} ${names} som ${keyPath}.columns anger finns inte i filen: ` +
    "raderna läses utan den (antal 1, okänt område, inget id). Kontrollera rubriken i filen eller i konfigurationen.";
}

/** Throws the file-level error (exit 1) when `missing` is not empty. */
export function failOnMissingColumns(
  file: string,
  missing: readonly string[],
  rename: Readonly<Record<string, string>> = {},
  header: readonly string[],
  headerLine: number,
  keyPath: string,
): void {
  // An empty header is a header line the parser could not read: it comes back as a rejected row.
  if (missing.length === 0 || header.length === 0) return;
  const names = missing.map((role) => `${quote(rename[role] ?? role)} (${role})`).join(", ");
  const message =
    `${file}: ${missing.length === 1 ? "kolumnen" : "kolumnerna"} ${names} saknas i rubrikraden på rad ${headerLine}, så filen kan inte läsas. ` +
    `Rubrikraden har: ${header.map((h) => quote(h)).join(", ") || "(inga kolumner)"}. ` +
    `Byt namn på kolumnen i filen eller rätta ${keyPath}.columns i konfigurationen.`;
  throw new LagesbildError("unreadable_file", scrub(message));
}
