/**
 * Operating-system failures that are not bugs: a full disk, a read-only or forbidden folder. They end
 * the run with exit 1 and a Swedish message the operator can act on, instead of "internal error".
 */
import { LagesbildError } from "./errors.ts";
import { errorCode } from "./error-facts.ts";

const MESSAGES: Record<string, (path: string) => string> = {
  ENOSPC: (p) => `Disken är full (vid skrivning av ${p}). Frigör utrymme och kör igen; det som redan var publicerat är orört.`,
  EDQUOT: (p) => `Diskkvoten är slut (vid skrivning av ${p}). Frigör utrymme och kör igen.`,
  EROFS: (p) => `Filsystemet är skrivskyddat (${p}). Välj en annan utdatamapp med --out.`,
  EACCES: (p) => `Behörighet saknas för ${p}. Kontrollera att användaren som kör lagesbild får läsa och skriva där.`,
  EPERM: (p) => `Åtgärden tillåts inte för ${p}. Kontrollera behörigheterna.`,
  EIO: (p) => `In- eller utmatningsfel vid ${p}. Kontrollera disken.`,
};

/** A LagesbildError (exit 1) for a known system error, or null for anything else. */
export function systemError(error: unknown): LagesbildError | null {
  const code = errorCode(error);
  const make = code === undefined ? undefined : MESSAGES[code];
  if (!make) return null;
  // Node's file-system errors name the path they failed on.
  const file = typeof error === "object" && error !== null && "path" in error && typeof error.path === "string" ? error.path : "okänd fil";
  return new LagesbildError("unreadable_file", make(file), { cause: error });
}
