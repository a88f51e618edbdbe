/**
 * Reads one file of a `kind: actions` source (spec/inputs.md "Actions"): the status log of an
 * åtgärdsplan, one row per status change. Rules after the structural ones: `missing_field` →
 * `bad_date` → `future_date` → `unknown_status`. The texts are published by design, so they are
 * scrubbed on the way in (spec "Scrubbing": editorial text before it is published).
 */
import type { Config } from "../../config/load-config.ts";
import { scrub } from "../../core/scrub.ts";
import { statusMap } from "../text/default-label-maps.ts";
import type { ActionRecord } from "../../model/extra-records.ts";
import { parseLocalTimestamp } from "../../core/parse-time.ts";
import type { QuarantineWriter } from "../quarantine.ts";
import { quote, readTableRows, reasonLabel, type RowDecision, type TableFile } from "../text/read-table-rows.ts";
import type { RejectReason } from "../../model/reason-codes.ts";
import type { FileReport } from "../../model/records.ts";
import { eachFile } from "../each-file.ts";
import { sourceKeyPath, type SourceFormat } from "./source-format.ts";

type ActionsSource = Extract<Config["sources"][number], { kind: "actions" }>;

export const ACTION_COLUMNS = ["action_id", "action", "responsible", "date", "status", "comment"] as const;
type Column = (typeof ACTION_COLUMNS)[number];
const REQUIRED = ["action_id", "action", "responsible", "date", "status"] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Public texts of a plan are short; a cell longer than this is cut, not published whole. */
const MAX_TEXT = 300;

const tidy = (text: string) => scrub(text.replace(/\s+/g, " ").trim()).slice(0, MAX_TEXT);

export interface ReadActionsOptions {
  config: Config;
  source: ActionsSource;
  file: TableFile;
  now: number;
  /** Receives accepted rows in file order. */
  records: ActionRecord[];
  quarantine?: QuarantineWriter | null;
}

export async function readActions(opts: ReadActionsOptions): Promise<FileReport> {
  const { config, source, file, now, records } = opts;
  const keyPath = sourceKeyPath(config, source);
  const statuses = statusMap(source.statuses);

  const decide = (row: { get(c: Column): string }): RowDecision => {
    const date = row.get("date");
    const time = DAY.test(date) ? parseLocalTimestamp(date, config.timezone) : null;
    const reject = (reason: RejectReason, month: string | null, message: string): RowDecision => ({ outcome: "rejected", reason, month, message });
    for (const name of REQUIRED) {
      if (row.get(name) === "") return reject(`missing_field:${name}`, time?.month ?? null, `Fältet ${name} är tomt: fyll i det i källan eller ta bort raden.`);
    }
    if (time === null) return reject("bad_date", null, `Datumet ${quote(date)} kan inte tolkas: använd YYYY-MM-DD.`);
    if (time.instant > now) return reject("future_date", time.month, `Datumet ${quote(date)} ligger efter körningens tidpunkt: kontrollera datumet.`);
    const label = row.get("status");
    const status = statuses.lookup(label);
    if (status.kind !== "mapped") {
      return reject(`unknown_status:${reasonLabel(label)}`, time.month, `Okänd status ${quote(label)}: lägg till den under ${keyPath}.statuses.`);
    }
    const comment = tidy(row.get("comment"));
    records.push({
      id: row.get("action_id").toLowerCase(),
      action: tidy(row.get("action")),
      responsible: tidy(row.get("responsible")),
      date,
      status: status.id,
      comment: comment === "" ? null : comment,
      order: records.length,
    });
    return { outcome: "accepted", month: time.month };
  };

  return readTableRows<Column>({ file, columns: ACTION_COLUMNS, required: REQUIRED, rename: source.columns, keyPath, quarantine: opts.quarantine, decide });
}

/** `kind: actions`: the åtgärdsplan's status log. */
export const actionsFormat: SourceFormat<ActionsSource> = {
  reads: (source): source is ActionsSource => source.kind === "actions",
  async ingest(run) {
    const { config, source } = run;
    const records: ActionRecord[] = [];
    const files = await eachFile(run, (file, quarantine) => readActions({ config, source, file, now: run.opts.now, records, quarantine }));
    (run.result.actions ??= []).push({ sourceId: source.id, files, records });
  },
};
