/**
 * One run per output folder (spec/outputs.md, cli.md exit 3), as a kernel advisory lock (`flock`) on
 * `<out>/.lagesbild.lock` (issue 14.4).
 *
 * Why flock and not a pid file: a pid file can only guess whether its holder lives. In a container a
 * killed run leaves "pid 1" and every later run is pid 1 again (blocked for ever); after a reboot the
 * pid may belong to an unrelated process (blocked until deleted by hand); and two runs that both find
 * a stale file both "take it over". An flock is released by the kernel the moment its holder dies,
 * whatever pid namespace it ran in, and only one process can ever hold it: there is no stale state and
 * no takeover step to race.
 *
 * Node has no flock of its own; native addons that add it need a compiler at `npm ci`, and
 * `proper-lockfile` is an mtime lease (a holder whose event loop is busy rendering for longer than the
 * lease loses its lock). So the lock is held by util-linux `flock(1)` in a helper process that lives
 * exactly as long as this one: it runs `cat` on a pipe from us, and when we exit or are killed the pipe
 * closes, `cat` ends and the kernel releases the lock. Without `flock(1)` (not Linux), the old
 * exclusive-create pid file is used.
 *
 * The lock file itself is never deleted (deleting a locked file lets a second run lock a new file of
 * the same name while the first still holds the old one) and never written, so a run that changes
 * nothing changes no byte or mtime in the folder. The holder's identity, for messages, is in
 * `.lagesbild.lock.holder` beside it: host, boot id, pid as /proc sees it and the process start time
 * from /proc/<pid>/stat. A clean exit removes it, so a holder file found on taking the lock names a
 * run that was killed. (A lock file with content is a pid file of an older version: read the same way.)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, constants, lstatSync, mkdirSync, openSync, readFileSync, readlinkSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { Socket } from "node:net";
import { hostname } from "node:os";
import path from "node:path";
import { LagesbildError } from "../core/errors.ts";
import { processAlive } from "../core/process-alive.ts";
import { errorCode } from "../core/error-facts.ts";
import { isRecord } from "../core/is-record.ts";

export const LOCK_FILE = ".lagesbild.lock";
export const HOLDER_FILE = ".lagesbild.lock.holder";

/** Locks this process released whose helper has not exited yet, by lock file. */
const releasing = new Map<string, Promise<void>>();

export interface Lock {
  release: () => void;
  /** Set when the lock file named a run that did not end cleanly (it was killed): a Swedish warning. */
  warning: string | null;
}

export interface Holder {
  host: string;
  boot_id: string | null;
  pid: number;
  /** The pid in the namespace of the mounted /proc (differs from `pid` inside `unshare --pid`). */
  proc_pid: number | null;
  /** Field 22 of /proc/<pid>/stat: clock ticks after boot; with boot_id it names one process for ever. */
  start_time: string | null;
  since: string;
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
}

/** This process as a lock holder. */
export function selfHolder(now: Date = new Date()): Holder {
  let procPid: number | null = null;
  try {
    procPid = Number(readlinkSync("/proc/self"));
  } catch {
    procPid = null;
  }
  const stat = readOrNull("/proc/self/stat");
  // The command name (field 2) may hold spaces and brackets: the fields after it follow the last ")".
  const fields = stat === null ? null : stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return {
    host: hostname(),
    boot_id: readOrNull("/proc/sys/kernel/random/boot_id"),
    pid: process.pid,
    proc_pid: Number.isInteger(procPid) ? procPid : null,
    start_time: fields?.[19] ?? null,
    since: now.toISOString(),
  };
}

function parseHolder(text: string): Holder | null {
  if (text.trim() === "") return null;
  try {
    const h: unknown = JSON.parse(text);
    if (isRecord(h) && typeof h.pid === "number") {
      // Each field checked: the file is another process's (or an older version's) writing.
      const str = (v: unknown) => (typeof v === "string" ? v : null);
      return { host: str(h.host) ?? "?", boot_id: str(h.boot_id), pid: h.pid, proc_pid: typeof h.proc_pid === "number" ? h.proc_pid : null, start_time: str(h.start_time), since: str(h.since) ?? "?" };
    }
  } catch {
    // An old plain-pid lock file.
  }
  const pid = Number.parseInt(text, 10);
  return { host: "?", boot_id: null, pid: Number.isInteger(pid) ? pid : -1, proc_pid: null, start_time: null, since: "?" };
}

function describe(h: Holder | null): string {
  if (h === null) return "okänd process";
  return h.pid < 0 ? "okänd process" : `pid ${h.pid}${h.host !== "?" ? ` på ${h.host}` : ""}${h.since !== "?" ? `, startad ${h.since}` : ""}`;
}

function kindWord(p: string): string | null {
  try {
    const s = lstatSync(p);
    if (s.isFile()) return null;
    if (s.isDirectory()) return "en mapp";
    if (s.isSymbolicLink()) return "en symbolisk länk";
    return "ingen vanlig fil";
  } catch {
    return null; // not there: created below
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `flock -n` in a helper process; resolves "busy", "unavailable" (no flock(1)), or the helper holding the lock. */
function flockHelper(file: string): Promise<ChildProcess | "busy" | "unavailable"> {
  return new Promise((resolve, reject) => {
    const child = spawn("flock", ["-n", "-E", "75", file, "-c", "echo locked; exec cat >/dev/null"], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let settled = false;
    const settle = (value: ChildProcess | "busy" | "unavailable" | Error) => {
      if (settled) return;
      settled = true;
      if (value instanceof Error) reject(value);
      else resolve(value);
    };
    child.on("error", (e: NodeJS.ErrnoException) => settle(e.code === "ENOENT" ? "unavailable" : e));
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (c: string) => (err += c));
    child.stdout.on("data", (c: string) => {
      out += c;
      if (out.includes("locked")) settle(child);
    });
    child.on("exit", (code) => {
      if (code === 75) settle("busy");
      else settle(new LagesbildError("unreadable_file", `Kan inte låsa ${file}: ${err.trim() || `flock avslutades med kod ${code}`}`));
    });
  });
}

/**
 * Takes the lock or throws `locked` (exit 3). A folder, link or other non-file where the lock file
 * should be is a clear exit-2 message, not an internal error.
 */
export async function acquireLock(outDir: string): Promise<Lock> {
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, LOCK_FILE);
  // This process's own lock on the file, released a moment ago: the kernel frees it when the helper has
  // exited, so wait for that instead of calling ourselves "another run" (a range, a second poll).
  await releasing.get(file);
  const kind = kindWord(file);
  if (kind !== null) {
    throw new LagesbildError("config", `${file} är ${kind}, men där ska lagesbilds låsfil ligga. Ta bort den (ingen körning använder den) och kör igen.`);
  }
  // Created if missing, never truncated here: the content may name a holder we must not erase yet.
  closeSync(openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW, 0o644));
  const helper = await flockHelper(file);
  if (helper === "unavailable") return acquirePidFile(file, outDir);
  const holderFile = path.join(outDir, HOLDER_FILE);
  if (helper === "busy") {
    const holder = parseHolder(readOrNull(holderFile) ?? "") ?? parseHolder(readOrNull(file) ?? "");
    throw new LagesbildError("locked", `En annan körning (${describe(holder)}) arbetar redan i ${outDir}. Vänta tills den är klar.`);
  }
  // Ours alone from here: the helper ends with us, so the lock can never outlive this process.
  unrefHelper(helper);
  const legacy = readOrNull(file) ?? "";
  const previous = parseHolder(readOrNull(holderFile) ?? "") ?? parseHolder(legacy);
  if (legacy !== "") writeFileSync(file, ""); // an older version's pid file: its pid means nothing now
  // Test hook (test/attack/lock.test.ts): widens the window between taking the lock and writing our name,
  // where the pid-file lock let a second run in.
  const delay = Number(process.env.LAGESBILD_LOCK_TEST_DELAY_MS ?? 0);
  if (delay > 0) await sleep(delay);
  writeFileSync(holderFile, `${JSON.stringify(selfHolder())}\n`);
  const warning = previous === null ? null : `Tog över ett kvarlämnat lås i ${outDir} (${describe(previous)} avslutades utan att släppa det).`;
  let released = false;
  return {
    warning,
    release: () => {
      if (released) return;
      released = true;
      try {
        rmSync(holderFile, { force: true }); // a clean end: the next run gives no warning
      } finally {
        const exited = new Promise<void>((resolve) => {
          if (helper.exitCode !== null || helper.signalCode !== null) resolve();
          else helper.once("exit", () => resolve());
        }).finally(() => releasing.delete(file));
        releasing.set(file, exited);
        // Closing the pipe ends `cat`, which holds the lock with flock; flock exits after it. A SIGTERM to
        // flock alone would leave `cat` holding the lock for a moment (a second run would see "busy").
        helper.stdin?.end();
        setTimeout(() => helper.kill("SIGTERM"), 2000).unref();
      }
    },
  };
}

function unrefHelper(child: ChildProcess): void {
  // Neither the helper nor its pipes keep this process alive; they end with it.
  child.unref();
  // A child's pipes are sockets (typed as plain streams).
  for (const s of [child.stdin, child.stdout, child.stderr]) if (s instanceof Socket) s.unref();
}


/** Without flock(1): an exclusively created pid file, taken over when its pid is gone. */
function acquirePidFile(file: string, outDir: string): Lock {
  const pidFile = `${file}.pid`;
  let warning: string | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(pidFile, "wx");
      writeSync(fd, `${JSON.stringify(selfHolder())}\n`);
      closeSync(fd);
      return { release: () => rmSync(pidFile, { force: true }), warning };
    } catch (e) {
      if (errorCode(e) !== "EEXIST") throw e;
      const holder = parseHolder(readOrNull(pidFile) ?? "");
      if (holder !== null && holder.pid > 0 && processAlive(holder.pid)) {
        throw new LagesbildError("locked", `En annan körning (${describe(holder)}) arbetar redan i ${outDir}. Vänta tills den är klar.`);
      }
      warning = `Tog över ett kvarlämnat lås i ${outDir} (${describe(holder)} finns inte längre).`;
      rmSync(pidFile, { force: true });
    }
  }
  throw new LagesbildError("locked", `Kunde inte ta låset i ${outDir}.`);
}
