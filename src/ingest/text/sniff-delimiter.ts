/**
 * The delimiter is sniffed per file from the header line (spec/inputs.md): `,` `;` or tab, whichever
 * occurs most often outside quotes. Swedish Excel writes `;` (the comma is the decimal sign), so `;`
 * wins a tie, then tab, then `,`; a header without any of them is a one-column file (`,`).
 */
export type Delimiter = "," | ";" | "\t";

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Where the header line ends in `bytes` (index of its CR or LF outside quotes), or -1 when the
 * bytes seen so far hold no complete line. Leading empty lines are skipped, since they are not rows.
 */
export function headerLineEnd(bytes: Uint8Array): number {
  let quoted = false;
  let seenContent = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) quoted = !quoted;
    if (!quoted && (b === LF || b === CR)) {
      if (seenContent) return i;
      continue;
    }
    seenContent = true;
  }
  return -1;
}

/** `sniffDelimiter('Datum;Brottstyp;"Område, del"')` → `";"`. */
export function sniffDelimiter(headerLine: string): Delimiter {
  let comma = 0;
  let semicolon = 0;
  let tab = 0;
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 0x2c) comma++;
    else if (c === 0x3b) semicolon++;
    else if (c === 0x09) tab++;
  }
  if (semicolon > 0 && semicolon >= tab && semicolon >= comma) return ";";
  if (tab > 0 && tab >= comma) return "\t";
  return ",";
}
