/**
 * The command line: parses flags, runs a command, and is the one place that turns errors into exit
 * codes (spec/cli.md): a LagesbildError becomes its Swedish message and code, anything else is an
 * internal error (70) with the details only under --debug.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { EXIT, type ExitCode, LagesbildError } from "../core/errors.ts";
import { systemError } from "../core/system-errors.ts";
import type { Logger } from "../core/logger.ts";
import { VERSION } from "../core/version.ts";
import type { ProgressPoint } from "../app/progress.ts";
import { usageMessage } from "./usage-errors.ts";
import { errorCode, errorMessage } from "../core/error-facts.ts";
// The commands (and pino, zod, chart.js, canvas behind them) are imported when a command runs, so
// `--version`, `--help` and usage errors answer without loading them (start-up is paid by every run
// and every e2e test).

const HELP = `lagesbild ${VERSION} – månatlig lägesbild över brott, ordningsstörningar och trygghet

Användning:
  lagesbild run [flaggor]        bygg rapporten för en månad eller ett intervall
  lagesbild validate [flaggor]   kontrollera konfiguration och källfiler utan att skriva något
  lagesbild publish --to DIR     kopiera utdatamappen atomiskt till webbroten DIR (DIR.previous = förra)
  lagesbild hamta polisen        hämta polisens senaste händelser till källans arkiv (se fetch i konfigurationen)
  lagesbild --help | --version

Flaggor för run:
  --config PATH          konfigurationsfilen (standard: config/lagesbild.yaml)
  --month YYYY-MM        en månad; "latest" = senaste månad som alla händelsekällor täcker
                         (standard: föregående kalendermånad i konfigurationens tidszon)
  --from YYYY-MM         första månaden i ett intervall (äldst först)
  --to YYYY-MM           sista månaden i intervallet (standard: föregående månad)
  --out DIR              utdatamapp (standard: output.dir i konfigurationen, annars reports/)
  --generated-at ISO     körningens tidpunkt (annars SOURCE_DATE_EPOCH, annars klockan)
  --only data            skriv bara indicators.json, indicators.csv och run.json
  --force                bygg om även oförändrade månader
  --log-format json|pretty   loggformat på stderr (standard: pretty i terminal, annars json)
  --quiet                bara varningar och fel i loggen
  --debug                felsökningsloggar och stackspår vid interna fel
  --notify-command CMD   kör CMD om körningen misslyckas (slutkod ≠ 0): sammanfattningen på stdin,
                         slutkoden i LAGESBILD_EXIT_CODE, misslyckade månader i LAGESBILD_FAILED_MONTHS

Flaggor för validate: --config, --month och --generated-at som för run, samt --log-format, --quiet, --debug.

Flaggor för publish:
  --to DIR               webbrotens mapp (krävs); förra versionen sparas som DIR.previous
  --config PATH, --out DIR   hitta utdatamappen som för run; bara filer som manifest.json listar kopieras

Flaggor för hamta polisen:
  --config PATH          konfigurationsfilen; hämtar till varje källa med fetch (format: polisen-events)
  --generated-at ISO     hämtningens tidpunkt i stället för klockan (för återuppspelning och tester)
  Slutkoder för hamta: 0 klart, 1 hämtningen misslyckades (arkivet orört), 2 fel i flaggor eller
  konfiguration, 3 en annan hämtning pågår.

Slutkoder: 0 klart, 1 dataproblem, 2 fel i flaggor eller konfiguration, 3 en annan körning pågår,
4 månaden täcks ännu inte av en källa, 70 internt fel.
`;

const OPTIONS = {
  config: { type: "string" },
  month: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  out: { type: "string" },
  "generated-at": { type: "string" },
  only: { type: "string" },
  force: { type: "boolean", default: false },
  "log-format": { type: "string" },
  quiet: { type: "boolean", default: false },
  debug: { type: "boolean", default: false },
  "notify-command": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", default: false },
} as const;

export interface MainIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now: () => number;
  isTty: boolean;
  logDestination?: NodeJS.WritableStream;
}

const defaultIo = (): MainIo => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  cwd: process.cwd(),
  now: () => Date.now(),
  isTty: Boolean(process.stderr.isTTY),
});

/** The config's text, or "" when it cannot be read (the command's own load then reports why). */
function readConfigTextOrEmpty(read: (p: string) => string, configPath: string): string {
  try {
    return read(configPath);
  } catch {
    return "";
  }
}

export async function main(argv: string[], io: MainIo = defaultIo()): Promise<ExitCode> {
  let debug = argv.includes("--debug");
  let log: Logger | undefined;
  // Set once the run command is known, so a failure of any kind (even a config error) is reported.
  let notify: ((exitCode: ExitCode, summary: string, failedMonths: string[]) => void) | undefined;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new LagesbildError("usage", usageMessage({ code: errorCode(e), message: errorMessage(e) }, Object.keys(OPTIONS)));
    }
    const { values, positionals } = parsed;
    debug = values.debug;
    if (values.version) {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    const command = positionals[0];
    if (values.help || command === undefined || command === "help") {
      io.stdout(HELP);
      return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
    }
    if (command === "hamta") {
      // `hamta polisen`: the only thing to fetch so far is the police's open events.
      if (positionals[1] !== "polisen" || positionals.length > 2) {
        throw new LagesbildError("usage", `hamta: ange vad som ska hämtas – det enda som finns är "lagesbild hamta polisen"`);
      }
      const other = (["month", "from", "to", "out", "only", "notify-command"] as const).find((k) => values[k] !== undefined);
      if (other !== undefined || values.force) throw new LagesbildError("usage", `hamta polisen tar bara --config och --generated-at (inte --${other ?? "force"})`);
      const { hamtaPolisen } = await import("../app/hamta.ts");
      const config = path.resolve(io.cwd, values.config ?? "config/lagesbild.yaml");
      io.stdout(await hamtaPolisen({ config, generatedAt: values["generated-at"] }, { now: io.now, warn: (t) => io.stderr(`lagesbild: ${t}\n`) }));
      return EXIT.ok;
    }
    if (positionals.length > 1) throw new LagesbildError("usage", `Oväntat argument: ${positionals[1]} (se lagesbild --help)`);
    const format = values["log-format"] ?? (io.isTty ? "pretty" : "json");
    if (format !== "json" && format !== "pretty") throw new LagesbildError("usage", `--log-format: "${format}" – välj json eller pretty`);
    if (values.only !== undefined && values.only !== "data") throw new LagesbildError("usage", `--only: "${values.only}" – det enda värdet är data`);
    const { createLogger } = await import("../core/logger.ts");
    const { progressMessage } = await import("../app/progress.ts");
    // A person at a terminal reads the Swedish summary, not ~175 lines of log: unless they ask for logs
    // (--debug, --log-format), only warnings and errors are logged, and range progress is a plain line.
    const forPeople = io.isTty && values["log-format"] === undefined && !values.debug;
    log = createLogger({ format, quiet: values.quiet || forPeople, debug: values.debug, destination: io.logDestination });
    const config = path.resolve(io.cwd, values.config ?? "config/lagesbild.yaml");
    const logger = log;
    const effects = {
      now: io.now,
      env: io.env,
      log,
      // Human lines on a terminal: the sentence alone, without the fields JSON logs carry.
      progress: forPeople
        ? (p: ProgressPoint) => io.stderr(`${progressMessage(p)}\n`)
        : format === "pretty"
          ? (p: ProgressPoint) => logger.info(progressMessage(p))
          : undefined,
    };

    const { runNotifyCommand } = await import("./notify.ts");
    if (command === "run" && values["notify-command"] !== undefined) {
      const notifyCommand = values["notify-command"];
      notify = (exitCode, summary, failedMonths) => {
        const r = runNotifyCommand({ command: notifyCommand, exitCode, failedMonths, summary, env: io.env, cwd: io.cwd });
        if (r.output.trim() !== "") io.stderr(r.output.endsWith("\n") ? r.output : `${r.output}\n`);
        if (r.problem) logger.warn(r.problem);
      };
    }
    // What a run was asked for, the same for one kommun and for a group.
    const runOptions = {
      config,
      month: values.month,
      from: values.from,
      to: values.to,
      out: values.out,
      generatedAt: values["generated-at"],
      onlyData: values.only === "data",
      force: values.force,
      cwd: io.cwd,
    };
    // A config with `kommuner:` builds several kommuner in one run (src/app/group-run.ts).
    const { isGroupConfigText, readConfigText } = await import("../config/load-group-config.ts");
    const isGroup = isGroupConfigText(readConfigTextOrEmpty(readConfigText, config));
    if (command === "run" && isGroup) {
      const { runGroup } = await import("../app/group-run.ts");
      const { formatGroupSummary, failedLabels } = await import("./group-summary.ts");
      const result = await runGroup(
        runOptions,
        { ...effects, groupProgress: forPeople ? (line: string) => io.stderr(`${line}\n`) : undefined },
      );
      const summary = formatGroupSummary(result, io.cwd, values.only === "data");
      io.stdout(summary);
      if (result.exitCode !== EXIT.ok) notify?.(result.exitCode, summary, failedLabels(result));
      return result.exitCode;
    }
    if (command === "validate" && isGroup) {
      if (values.from !== undefined || values.to !== undefined || values.out !== undefined) {
        throw new LagesbildError("usage", "validate tar bara --config, --month och --generated-at");
      }
      const { loadGroupConfig } = await import("../config/load-group-config.ts");
      const { validate } = await import("../app/validate.ts");
      const { formatValidateText } = await import("./validate-text.ts");
      const { worstExitCode } = await import("../app/group-run.ts");
      const group = loadGroupConfig(config);
      const codes: ExitCode[] = [];
      for (const k of group.kommuner) {
        const result = await validate({ config, month: values.month, generatedAt: values["generated-at"] }, effects, k.config);
        io.stdout(`== ${k.config.kommun.name} (${k.id}) ==\n${formatValidateText(result)}\n`);
        codes.push(result.exitCode);
      }
      return worstExitCode(codes);
    }
    if (command === "run") {
      const { run } = await import("../app/run.ts");
      const { formatRunSummary } = await import("./summary.ts");
      const result = await run(
        runOptions,
        effects,
      );
      const summary = formatRunSummary({ config: result.config, outDir: result.outDir, cwd: io.cwd, ingest: result.ingest, months: result.months, onlyData: values.only === "data" });
      io.stdout(summary);
      if (result.exitCode !== EXIT.ok) {
        notify?.(result.exitCode, summary, result.months.filter((m) => m.status === "failed").map((m) => m.month));
      }
      return result.exitCode;
    }
    if (command === "validate") {
      if (values.from !== undefined || values.to !== undefined || values.out !== undefined) {
        throw new LagesbildError("usage", "validate tar bara --config, --month och --generated-at");
      }
      const { validate } = await import("../app/validate.ts");
      const { formatValidateText } = await import("./validate-text.ts");
      const result = await validate({ config, month: values.month, generatedAt: values["generated-at"] }, effects);
      io.stdout(formatValidateText(result));
      return result.exitCode;
    }
    if (command === "publish") {
      if (values.to === undefined) throw new LagesbildError("usage", "publish kräver --to DIR (webbrotens mapp)");
      const { publishOutput } = await import("../app/publish-output.ts");
      const result = await publishOutput({ config, to: values.to, out: values.out, cwd: io.cwd, isGroup });
      io.stdout(`Publicerade ${result.files} filer till ${values.to} (${path.basename(result.tree)}).${result.previous ? ` Förra versionen: ${values.to}.previous` : ""}\n`);
      return EXIT.ok;
    }
    throw new LagesbildError("usage", `Okänt kommando: ${command} (se lagesbild --help)`);
  } catch (caught) {
    const error = systemError(caught) ?? caught;
    if (error instanceof LagesbildError) {
      io.stderr(`lagesbild: ${error.message}\n`);
      notify?.(error.exitCode, `lagesbild: ${error.message}\n`, []);
      return error.exitCode;
    }
    const detail = debug && error instanceof Error ? `\n${error.stack}` : " – kör igen med --debug för detaljer";
    const message = `lagesbild: internt fel (en bugg): ${errorMessage(error)}${detail}\n`;
    io.stderr(message);
    notify?.(EXIT.internal, message, []);
    return EXIT.internal;
  } finally {
    log?.flush();
  }
}
