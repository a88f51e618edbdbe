/**
 * The structural row rules every CSV reader shares (spec/inputs.md "Reading files the way they really
 * arrive"), so a fix to one of them reaches every format. Each reader still applies them in the spec's
 * order, interleaved with its own rules.
 */

/** Excel's trailing sum row: "Summa", "Total" (or Swedish "Totalt"), "SUMMA:" as the first non-empty cell. */
export const TOTAL_ROW = /^\s*(summa|totalt?)\s*:?\s*$/i;

/** Windows-1252 bytes 0x81 0x8D 0x8F 0x90 0x9D decode to these: the file was not really 1252. */
export const C1_CONTROL = /[\u0080-\u009f]/;

/** Index of the first non-empty cell, or -1 for a row whose cells are all empty (`;;;;`). */
export function firstNonEmpty(cells: ReadonlyArray<string>): number {
  for (let i = 0; i < cells.length; i++) if (cells[i]!.trim() !== "") return i;
  return -1;
}

/**
 * A row with too few cells, or with text beyond the header's width, is shifted: `column_count`.
 * Surplus cells that are all empty are Excel's trailing delimiters, not a shifted row.
 */
export function hasWrongWidth(cells: ReadonlyArray<string>, width: number): boolean {
  if (cells.length < width) return true;
  for (let i = width; i < cells.length; i++) if (cells[i]!.trim() !== "") return true;
  return false;
}

export function hasC1Controls(cells: ReadonlyArray<string>): boolean {
  return cells.some((c) => C1_CONTROL.test(c));
}
