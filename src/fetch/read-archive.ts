/**
 * Reads the month files of a polled archive for merging. A file that is not a JSON array of objects
 * with ids stops the poll (exit 1) rather than being overwritten: it was damaged or edited by hand,
 * and what is in it must not be lost.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { LagesbildError } from "../core/errors.ts";
import { MONTH_FILE } from "../config/archive-files.ts";
import type { ArchivedEvent } from "./merge-events.ts";
import { errorMessage } from "../core/error-facts.ts";
import { group } from "../core/checked.ts";

export function readArchive(dir: string): Map<string, ArchivedEvent[]> {
  const months = new Map<string, ArchivedEvent[]>();
  if (!existsSync(dir)) return months;
  for (const name of readdirSync(dir).sort()) {
    const m = MONTH_FILE.exec(name);
    if (m === null) continue;
    const file = path.join(dir, name);
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      throw new LagesbildError("unreadable_file", `Arkivfilen ${file} kan inte läsas (${errorMessage(e)}); hämtningen skriver inte över den. Återställ filen från säkerhetskopian.`, { file });
    }
    const ok = Array.isArray(value) && value.every((e) => typeof e === "object" && e !== null && "id" in e);
    if (!ok) throw new LagesbildError("unreadable_file", `Arkivfilen ${file} är inte en lista med händelser; hämtningen skriver inte över den.`, { file });
    // Checked above as far as the merge needs (a list of objects with an id): the file is this program's own writing.
    months.set(group(m, 1), value as ArchivedEvent[]);
  }
  return months;
}
