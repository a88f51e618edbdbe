/**
 * The Swedish messages of the incident CSV reader, kept in one place (STYLE.md: user-facing text per
 * surface together). Each says what is wrong and what to do; `validate` prints them as
 * `file:line: reason (message)`. Callers scrub them, since they quote cell values.
 */
import type { BadBytes } from "../text/decode-bytes.ts";
import { unreadableRowMessages } from "../text/row-prelude.ts";

const quote = (s: string) => `"${s.length > 80 ? `${s.slice(0, 77)}…` : s}"`;

export const incidentCsvMessages = {
  blankFile: () => "Filen är tom (ingen rubrikrad): kontrollera exporten.",
  ...unreadableRowMessages,
  badEncoding: (bad?: BadBytes | null) =>
    "Raden innehåller styrtecken (U+0080–U+009F), troligen fel teckenkodning" +
    (bad
      ? ` – filen är varken UTF-8 (första ogiltiga byte vid position ${bad.invalidUtf8At}) eller Windows-1252 ` +
        `(byte 0x${bad.byte.toString(16).toUpperCase()} vid position ${bad.undefined1252At} finns inte i Windows-1252)`
      : "") +
    ": spara om filen som UTF-8 eller som CSV från Excel.",
  missingField: (name: string) => `Fältet ${name} är tomt: fyll i det i källan eller ta bort raden.`,
  badDate: (text: string) =>
    `Datumet ${quote(text)} kan inte tolkas: använd YYYY-MM-DD, YYYY-MM-DD HH:mm eller YYYY-MM-DD HH:mm:ss (ev. med tidszon).`,
  futureDate: (text: string) =>
    `Datumet ${quote(text)} ligger efter körningens tidpunkt (--generated-at): kontrollera datumet i källan.`,
  badCount: (text: string) => `Antalet ${quote(text)} är inte ett heltal ≥ 0: rätta kolumnen count i källan.`,
  unknownCategory: (label: string, keyPath: string) =>
    `Okänd kategori ${quote(label)}: lägg till den under ${keyPath}.categories (eller ${keyPath}.ignore om den ska lämnas utanför).`,
  unknownArea: (name: string, keyPath: string) =>
    `Okänt område ${quote(name)}: lägg till namnet som alias under areas, eller sätt ${keyPath}.unknown_area: keep.`,
  duplicateId: (id: string) => `Id ${quote(id)} finns redan tidigare i samma fil: den första raden gäller, den här räknas inte.`,
};
