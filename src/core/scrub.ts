/**
 * Removes personal identifiers from free text before it is written anywhere (spec/inputs.md
 * "Scrubbing"; spec/README.md non-negotiable 3): personnummer and samordningsnummer, Swedish phone
 * numbers, e-mail addresses and Swedish registration numbers become `[borttaget]`.
 *
 * Errs towards removing: a false hit costs a few characters of an analyst's debug text, a miss leaks
 * a person. Ordinary dates (`2024-03-05`), times (`22:14`, `08-10`) and years are left alone.
 */
export const REMOVED = "[borttaget]";

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** YYYYMMDD-NNNN, YYMMDD-NNNN, with `-`, `+` (over 100 years old) or nothing between. */
const PERSONNUMMER = /(?<![\p{L}\p{N}])(?:(\d{2})?(\d{2})(\d{2})(\d{2}))[-+]?\d{4}(?!\p{N})/gu;

/** +46 / 0046 followed by the number without its leading 0 (sometimes written as "(0)"). */
const PHONE_INTERNATIONAL = /(?<![\p{L}\p{N}])(?:\+|00)46[ -]?(?:\(0\)[ -]?)?\d(?:[ -]?\d){6,9}(?!\p{N})/gu;

/**
 * 0 + area code (1–3 digits), an optional dash or space, then the subscriber number in groups of 2–3
 * digits separated by single spaces (070-123 45 67, 08-123 456 78, 0270-750 00, 0701234567). Not
 * after `-` `:` `.` or a digit, so the `03-05` of a date or the `00-12` of a time range never starts
 * a match.
 */
const PHONE_DOMESTIC = /(?<![\p{L}\p{N}\-:.,/])0\d{1,3}[ -]?\d{2,3}(?: ?\d{2,3}){1,3}(?![\p{N}\-:])/gu;

/** ABC 123 (old) and ABC 12A (2019 format). I, Q, V, Å, Ä, Ö are never used on Swedish plates. */
const PLATE = /(?<![\p{L}\p{N}])([A-HJ-PR-UW-Z]{3}) ?\d{2}[0-9A-HJ-PR-UW-Z](?![\p{L}\p{N}])/gu;
/** Common upper-case words followed by three digits that are not plates ("ringde SOS 112"). */
const NOT_PLATES = new Set(["SOS", "SFS", "LSS", "LVU", "LVM"]);

function plausibleBirthDate(month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  // Samordningsnummer add 60 to the day.
  return m >= 1 && m <= 12 && ((d >= 1 && d <= 31) || (d >= 61 && d <= 91));
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) n++;
  return n;
}

/**
 * `scrub("Ring 070-123 45 67 eller mejla anna@example.se")` → `"Ring [borttaget] eller mejla [borttaget]"`.
 */
export function scrub(text: string): string {
  if (text === "") return text;
  return text
    .replace(EMAIL, REMOVED)
    .replace(PERSONNUMMER, (match, _century, _year, month: string, day: string) =>
      plausibleBirthDate(month, day) ? REMOVED : match,
    )
    .replace(PHONE_INTERNATIONAL, REMOVED)
    .replace(PHONE_DOMESTIC, (match) => {
      // Swedish numbers have 8–10 digits with the leading 0 (0270-750 00 … 070-123 45 67).
      const n = digitCount(match);
      return n >= 8 && n <= 10 ? REMOVED : match;
    })
    .replace(PLATE, (match, letters: string) => (NOT_PLATES.has(letters) ? match : REMOVED));
}
