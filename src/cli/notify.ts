/**
 * `--notify-command CMD`: how a failed scheduled run reaches a person when nobody reads the logs. CMD
 * is the operator's own command line (e.g. `mail -s "Lägesbild misslyckades" trygghet@example.se`),
 * run by the system shell exactly as written; nothing from the run is ever spliced into it. The run's
 * Swedish summary goes to its stdin and the facts go in environment variables, so a month, a file name
 * or an error message can never be interpreted by the shell:
 *   LAGESBILD_EXIT_CODE      the run's exit code (1, 2, 3, 4 or 70)
 *   LAGESBILD_FAILED_MONTHS  the failed months, space-separated (YYYY-MM), possibly empty
 */
import { spawnSync } from "node:child_process";

export interface NotifyInput {
  command: string;
  exitCode: number;
  failedMonths: ReadonlyArray<string>;
  /** The text a person reads: the run summary, or the error message. */
  summary: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Milliseconds before the command is killed, so a hanging mailer cannot hold the lock's successor back. */
  timeoutMs?: number;
}

/** Runs the command; returns null when it succeeded, else a Swedish description of what went wrong. */
export function runNotifyCommand(input: NotifyInput): { problem: string | null; output: string } {
  const r = spawnSync(input.command, {
    shell: true,
    cwd: input.cwd,
    input: input.summary,
    encoding: "utf8",
    timeout: input.timeoutMs ?? 60_000,
    env: {
      ...input.env,
      LAGESBILD_EXIT_CODE: String(input.exitCode),
      LAGESBILD_FAILED_MONTHS: input.failedMonths.join(" "),
    },
  });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (r.error) return { problem: `--notify-command kunde inte köras: ${r.error.message}`, output };
  if (r.signal) return { problem: `--notify-command avbröts (${r.signal})`, output };
  if (r.status !== 0) return { problem: `--notify-command slutade med kod ${r.status}`, output };
  return { problem: null, output };
}
