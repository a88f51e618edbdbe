/**
 * The structural row rules every CSV reader shares (spec/inputs.md "Reading files the way they really
 * arrive"), so a fix to one of them reaches every format: `structuralRule` applies them in the spec's
 * order, and each reader words the message for its own format.
 */
import { scrub } from "../../core/scrub.ts";
import type { IgnoreCode, RejectCode } from "../../model/reason-codes.ts";
import { at } from "../../core/checked.ts";

/** Excel's trailing sum row: "Summa", "Total" (or Swedish "Totalt"), "SUMMA:" as the first non-empty cell. */
export const TOTAL_ROW = /^\s*(summa|totalt?)\s*:?\s*$/i;

/** Windows-1252 bytes 0x81 0x8D 0x8F 0x90 0x9D decode to these: the file was not really 1252. */
export const C1_CONTROL = /[\u0080-\u009f]/;

/** Index of the first non-empty cell, or -1 for a row whose cells are all empty (`;;;;`). */
export function firstNonEmpty(cells: ReadonlyArray<string>): number {
  return cells.findIndex((c) => c.trim() !== "");
}

/**
 * A row with too few cells, or with text beyond the header's width, is shifted: `column_count`.
 * Surplus cells that are all empty are Excel's trailing delimiters, not a shifted row.
 */
export function hasWrongWidth(cells: ReadonlyArray<string>, width: number): boolean {
  if (cells.length < width) return true;
  // From `width` on only: a good row does no work here (this runs for every row of a file).
  for (let i = width; i < cells.length; i++) if ((cells[i] ?? "").trim() !== "") return true;
  return false;
}

export function hasC1Controls(cells: ReadonlyArray<string>): boolean {
  return cells.some((c) => C1_CONTROL.test(c));
}

/** The structural rules' codes: the first two ignore a row, the others reject it. */
export type StructuralRule = Extract<IgnoreCode, "total_row" | "ignore_list"> | Extract<RejectCode, "column_count" | "bad_encoding">;

/**
 * The first structural rule a non-blank row meets, in the spec's order: an Excel total row, a label
 * on the source's `ignore` list (`ignored`: the reader's label lookup said so), a shifted row, bytes
 * of the wrong encoding; null when none applies. The first two ignore the row, the others reject it.
 */
export function structuralRule(
  cells: ReadonlyArray<string>,
  first: number,
  width: number,
  ignored = false,
): StructuralRule | null {
  // `first` is firstNonEmpty's index of a non-blank row: always a cell.
  if (TOTAL_ROW.test(at(cells, first))) return "total_row";
  if (ignored) return "ignore_list";
  if (hasWrongWidth(cells, width)) return "column_count";
  if (hasC1Controls(cells)) return "bad_encoding";
  return null;
}

/** Labels in reason codes are published (`unknown_category:<label>`): scrubbed, bounded, whitespace-tidy. */
export const reasonLabel = (label: string): string => scrub(label.replace(/\s+/g, " ").trim()).slice(0, 100);
