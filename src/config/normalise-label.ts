/**
 * The key every label match compares (spec/cli.md): Unicode NFC, trimmed, runs of white space
 * (including the non-breaking space Excel likes) collapsed to one space, lower-cased.
 * `normaliseLabel("  Misshandel,\u00a0 GROV ")` → `"misshandel, grov"`.
 */
export function normaliseLabel(label: string): string {
  return label.normalize("NFC").replace(/\s+/gu, " ").trim().toLowerCase();
}
