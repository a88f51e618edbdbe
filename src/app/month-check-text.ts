/**
 * The words of a failed month (model/month-notes.ts `MonthCheck`, decided by aggregate/month-verdict.ts
 * and aggregate/coverage.ts): the error `run` fails the month with and the lines `validate` prints, the
 * same words for both. Here, not in cli/, because the month's outcome (and the library API's result)
 * carries the message; the coverage phrases are the report's (render/coverage-text.ts).
 */
import { LagesbildError } from "../core/errors.ts";
import type { MonthCheck, NotCovered } from "../model/month-notes.ts";
import { describeCoverage, swedishDate } from "../render/coverage-text.ts";

/**
 * Why `sourceId` does not cover `month`, saying how far the source reaches and, where the data decided,
 * that `covers.to` declares a sparse export complete (spec/indicators.md).
 */
export function notCoveredText({ sourceId, keyPath, month, coverage, reason }: NotCovered): string {
  const where = keyPath ?? "källan";
  const head = `Månaden ${month} täcks ännu inte av källan ${sourceId} (data inte levererad)`;
  const reach = coverage.last === null ? "" : ` Källan ${sourceId} når till ${swedishDate(coverage.last)}.`;
  const declare = ` Om exporten är komplett men gles (månader utan händelser), ange covers: { to: ${month} } under ${where} i konfigurationen.`;
  switch (reason.kind) {
    case "polled":
      return `${head}: källan ${describeCoverage(coverage)}; hämtningarna (lagesbild hamta polisen) har sett ${reason.from}–${reason.to} hela, och en månad täcks först när en lyckad hämtning gjorts efter att den tagit slut.${reach}`;
    case "not_ended":
      return `${head}: månaden är inte slut ännu.`;
    case "before_declared":
      return `${head}: månaden ligger före ${where}.covers.from (${reason.from}).${reach}`;
    case "after_declared":
      return `${head}: månaden ligger efter ${where}.covers.to (${reason.to}); flytta fram covers.to när exporten för månaden är komplett.${reach}`;
    case "no_rows":
      return `${head}: källans filer har inga rader med användbart datum.${declare}`;
    case "starts_later":
      return `${head}: källans uppgifter börjar först ${swedishDate(reason.first)}.`;
    case "ends_earlier":
      return `${head}: källan ${sourceId} når till ${swedishDate(reason.last)}, och en månad räknas som täckt först när källan når minst till ${swedishDate(reason.needed)}.${declare}`;
    case "gap":
      return `${head}: källans filer har inga rader alls daterade i ${month} (saknas en fil?).${reach}${declare}`;
  }
}

/** One failed check in words. */
export function monthCheckText(check: MonthCheck): string {
  switch (check.kind) {
    case "month_not_ended":
      return `Månaden ${check.month} är inte slut ännu (körningens tid är ${check.generatedAt}): den täcks inte av någon källa (data inte levererad).`;
    case "not_covered":
      return notCoveredText(check);
    case "rejected_share": {
      const pct = (100 * check.share).toFixed(1).replace(".", ",");
      const max = (100 * check.limit).toFixed(1).replace(".", ",");
      const where = check.month === null ? "i källans filer" : `för ${check.month}`;
      return (
        `Källan ${check.sourceId}: ${check.rejected} av ${check.base} rader ${where} avvisades (${pct} %, gränsen är ${max} %). ` +
        "Rätta raderna (kör lagesbild validate) eller höj max_rejected_share."
      );
    }
  }
}

export interface MonthVerdict {
  /** The error that decides the month (exit 4 before exit 1), or null when it may be built. */
  error: LagesbildError | null;
  /** Every failed check's message, in check order: `validate` prints them all. */
  messages: string[];
}

/** The month's failed checks as the error that decides it and every message, for `run` and `validate` alike. */
export function monthVerdictText(checks: ReadonlyArray<MonthCheck>): MonthVerdict {
  const worded = checks.map((c) => ({ share: c.kind === "rejected_share", text: monthCheckText(c) }));
  // Not covered (exit 4) wins over rejected rows (exit 1): a scheduler retries until the export arrives.
  const notCovered = worded.filter((w) => !w.share).map((w) => w.text);
  const shares = worded.filter((w) => w.share).map((w) => w.text);
  const error =
    notCovered.length > 0 ? new LagesbildError("not_covered", notCovered.join("\n"))
    : shares.length > 0 ? new LagesbildError("rejected_share", shares.join("\n"))
    : null;
  return { error, messages: worded.map((w) => w.text) };
}

/** The error of a month that a required source does not cover (found while building its figures). */
export function notCoveredError(list: ReadonlyArray<NotCovered>): LagesbildError {
  return new LagesbildError("not_covered", list.map(notCoveredText).join("\n"));
}
