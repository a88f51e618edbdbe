/**
 * The two sources' file layouts (spec/inputs.md, `format: csv`):
 * - the police export as Excel saves it on Swedish Windows: Windows-1252, `;`, CRLF, Swedish headers;
 * - the kommun's incident log: UTF-8 with BOM, `,`, LF, canonical headers, times with their UTC offset,
 *   and `x`/`y` (SWEREF 99 TM easting/northing, whole metres) on rows placed by position (geo.ts).
 * Output is buffered and flushed in chunks so a 10 M-row benchmark file never sits in memory.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { csvField, encodeCp1252, stockholmOffset } from "./encode.ts";
import type { SampleEvent } from "./events.ts";

const FLUSH_AT = 1 << 20;

class ChunkedFile {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  bytes = 0;
  rows = 0;

  constructor(
    readonly path: string,
    private readonly encode: (text: string) => Buffer,
    prefix: Buffer,
  ) {
    this.fd = openSync(path, "w");
    this.writeBytes(prefix);
  }

  line(text: string, eol: string, countsAsRow = true): void {
    this.parts.push(text, eol);
    this.size += text.length + eol.length;
    if (countsAsRow) this.rows++;
    if (this.size >= FLUSH_AT) this.flush();
  }

  private writeBytes(buffer: Buffer): void {
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(this.fd, buffer, offset);
    this.bytes += buffer.length;
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    this.writeBytes(this.encode(this.parts.join("")));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const utf8 = (text: string) => Buffer.from(text, "utf8");

/** `data/incidents/polis-YYYY.csv`. Columns are renamed to canonical names by the config's `columns`. */
export class PoliceFile {
  private readonly file: ChunkedFile;

  constructor(path: string) {
    this.file = new ChunkedFile(path, encodeCp1252, Buffer.alloc(0));
    this.file.line("Diarienummer;Datum;Brottstyp;Område;Plats", "\r\n", false);
  }

  /** Writes a row; returns its text so an overlapping export can repeat it byte for byte. */
  event(id: string, event: Pick<SampleEvent, "local" | "areaText" | "place"> & { label: string }): string {
    const text = [id, event.local, event.label, event.areaText, event.place].map((v) => csvField(v, ";")).join(";");
    this.raw(text);
    return text;
  }

  /** A row exactly as given: defects (blank `;;;;`, a "Summa" row, a repeated row). */
  raw(text: string): void {
    this.file.line(text, "\r\n");
  }

  get rows(): number {
    return this.file.rows;
  }

  close(): { path: string; rows: number; bytes: number } {
    this.file.close();
    return { path: this.file.path, rows: this.file.rows, bytes: this.file.bytes };
  }
}

/** `data/incidents/kommun-YYYY.csv`, the kommun's own log (felanmälan, räddningstjänst, städ). */
export class KommunFile {
  private readonly file: ChunkedFile;

  constructor(path: string) {
    this.file = new ChunkedFile(path, utf8, Buffer.from([0xef, 0xbb, 0xbf]));
    this.file.line("id,occurred_at,category,area,count,place,x,y", "\n", false);
  }

  event(id: string, event: SampleEvent & { xy: [number, number] | null }): void {
    const occurredAt = `${event.local.replace(" ", "T")}:00${stockholmOffset(event.local)}`;
    const xy = event.xy === null ? ["", ""] : event.xy.map(String);
    const cells = [id, occurredAt, event.label.label, event.areaText, String(event.count), event.place, ...xy];
    this.file.line(cells.map((v) => csvField(v, ",")).join(","), "\n");
  }

  close(): { path: string; rows: number; bytes: number } {
    this.file.close();
    return { path: this.file.path, rows: this.file.rows, bytes: this.file.bytes };
  }
}
