/**
 * A chart's pixels as a small palette PNG (colour type 3, at most 256 colours). A line chart is a few
 * flat colours plus the anti-aliased edges between them; cairo's truecolour PNG spends 3 bytes a pixel
 * on that, a palette PNG one, and deflate then packs the long white runs well: the month page's charts
 * are most of its weight on a phone (issue 16 item 10, budget 500 KB).
 *
 * Deterministic by construction: the palette is chosen by counting colours (ties by colour value), each
 * colour maps to its nearest palette entry (ties to the lower index), and zlib's output is fixed for a
 * given input and level, so the same pixels give the same bytes.
 */
// zlib.crc32 is Node's own CRC-32 (the one PNG chunks use), since Node 20.15 (package.json engines).
import { crc32, deflateSync } from "node:zlib";

/** Pixels as cairo hands them over (`toBuffer("raw")`): 4 bytes a pixel, B G R A on little-endian. */
export interface RawImage {
  width: number;
  height: number;
  /** B, G, R, A per pixel (cairo's native-endian ARGB32); every chart here is drawn on opaque white. */
  data: Buffer;
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/**
 * The palette: with at most `most` distinct colours, exactly those; otherwise colours are pooled by their
 * top 5 bits per channel, the `most` most frequent pools kept (each as the mean of its colours; a pool
 * holding a colour of `keep` as that colour), and every colour mapped to the nearest kept one. The flat colours of lines, text and background are each one
 * frequent pool, so they survive exactly; only anti-aliasing shades merge. `counts` holds the colours in
 * the order they first occur in the image (countColours).
 */
function palette(counts: Map<number, number>, most: number, keep: ReadonlyArray<number>): { colours: number[]; index: Map<number, number> } {
  // Colours the caller names (a series' own colour) are kept whatever their pixel count: a short line
  // must keep its colour, not take its neighbour's.
  const kept0 = keep.filter((c) => counts.has(c));
  for (const c of kept0) counts.set(c, Number.MAX_SAFE_INTEGER);
  const byCount = (a: [number, number], b: [number, number]) => b[1] - a[1] || a[0] - b[0];
  if (counts.size <= most) {
    const colours = [...counts].sort(byCount).map(([c]) => c);
    return { colours, index: new Map(colours.map((c, i) => [c, i])) };
  }
  const pools = new Map<number, { n: number; r: number; g: number; b: number }>();
  for (const [c, n] of counts) {
    const key = ((c >> 19) & 0x1f) << 10 | ((c >> 11) & 0x1f) << 5 | ((c >> 3) & 0x1f);
    const p = pools.get(key) ?? { n: 0, r: 0, g: 0, b: 0 };
    p.n += n;
    p.r += ((c >> 16) & 0xff) * n;
    p.g += ((c >> 8) & 0xff) * n;
    p.b += (c & 0xff) * n;
    pools.set(key, p);
  }
  const kept = [...pools].sort((a, b) => b[1].n - a[1].n || a[0] - b[0]).slice(0, most);
  const colours = kept.map(([key, p]) => {
    const named = kept0.find((c) => (((c >> 19) & 0x1f) << 10 | ((c >> 11) & 0x1f) << 5 | ((c >> 3) & 0x1f)) === key);
    if (named !== undefined) return named;
    // The weights of a named colour are huge; a pool without one averages its real counts.
    return (Math.round(p.r / p.n) << 16) | (Math.round(p.g / p.n) << 8) | Math.round(p.b / p.n);
  });
  const index = new Map<number, number>();
  for (const c of counts.keys()) {
    let best = 0;
    let bestD = Infinity;
    colours.forEach((p, i) => {
      const d = (((c >> 16) & 0xff) - ((p >> 16) & 0xff)) ** 2 + (((c >> 8) & 0xff) - ((p >> 8) & 0xff)) ** 2 + ((c & 0xff) - (p & 0xff)) ** 2;
      if (d < bestD) [best, bestD] = [i, d];
    });
    index.set(c, best);
  }
  return { colours, index };
}

/**
 * Colours (0xRRGGBB) to numbers in an open-addressed table of typed arrays. The encoder looks a colour up
 * at every change of colour along a row (~10^5 times a chart); with a Map those lookups and the counting
 * were a third of the encoder's time at 312 areas (issue 20). `order` lists the keys as first added.
 */
export class ColourTable {
  private keys: Int32Array;
  private values: Float64Array;
  private mask: number;
  readonly order: number[] = [];

  constructor(size = 1024) {
    this.keys = new Int32Array(size).fill(-1); // -1 is no colour: keys are 24-bit
    this.values = new Float64Array(size);
    this.mask = size - 1;
  }

  /** The slot holding `key`, claimed for it (value 0) when absent; the table doubles when half full. */
  private slot(key: number): number {
    // Fibonacci hashing spreads the colour's bits; linear probing after.
    let i = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const k = this.keys[i]!; // i ≤ mask < keys.length
      if (k === key) return i;
      if (k === -1) {
        if (this.order.length * 2 >= this.mask) {
          this.rehash();
          return this.slot(key);
        }
        this.keys[i] = key;
        this.order.push(key);
        return i;
      }
      i = (i + 1) & this.mask;
    }
  }

  private rehash(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.values = new Float64Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    const order = this.order.splice(0);
    // i < keys.length (loop bound), and `at` is a slot of the new table, in range of its values.
    for (let i = 0; i < keys.length; i++) {
      if (keys[i]! === -1) continue;
      const at = this.slot(keys[i]!); // never rehashes: the new table is at most a quarter full
      this.values[at] = values[i]!;
    }
    // Re-inserting walked the old table's slots: restore the first-seen order.
    this.order.splice(0, this.order.length, ...order);
  }

  add(key: number, n: number): void {
    const i = this.slot(key); // a slot is always < values.length
    this.values[i] = this.values[i]! + n;
  }

  set(key: number, value: number): void {
    // The slot first: claiming it may rehash, and `this.values[this.slot(key)]` would read the old array.
    const i = this.slot(key);
    this.values[i] = value;
  }

  get(key: number): number {
    return this.values[this.slot(key)]!; // a slot is always < values.length
  }
}

/**
 * Each colour's pixel count, in the order the colours first occur. Counted run by run (a chart is long
 * runs of one colour) on the raw words, alpha and all: equal words are equal colours, and the alpha is
 * masked off once per run, not per pixel.
 */
function countColours(parts: ReadonlyArray<Uint32Array>): Map<number, number> {
  const table = new ColourTable();
  let last = -1;
  let run = 0;
  for (const words of parts) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!; // i < words.length (loop bound)
      if (w === last) run++;
      else {
        if (run > 0) table.add(last & 0xffffff, run);
        last = w;
        run = 1;
      }
    }
  }
  if (run > 0) table.add(last & 0xffffff, run);
  return new Map(table.order.map((c) => [c, table.get(c)]));
}

/** Pixels of an image as 32-bit words (0xAARRGGBB on little-endian: B G R A bytes). */
function wordsOf(image: RawImage): Uint32Array {
  // A word view needs a 4-byte-aligned offset; a small Buffer from Node's pool may not have one.
  const aligned = image.data.byteOffset % 4 === 0 ? image.data : new Uint8Array(image.data);
  return new Uint32Array(aligned.buffer, aligned.byteOffset, image.width * image.height);
}

/**
 * Encodes raw chart pixels as a palette PNG of at most `colours` colours (2–256), packed at the smallest
 * bit depth that holds them (4 bits for 16: half the bytes to deflate). `level` is zlib's: 9 packs a
 * chart ~6 % smaller than 6 but costs ~10x the time, which counts when a month draws 600 charts.
 * Several images of one width are encoded stacked top to bottom (the phone variant's small multiples),
 * read where they are instead of copied into one buffer first.
 */
export function encodeIndexedPng(image: RawImage | ReadonlyArray<RawImage>, colours = 256, keep: ReadonlyArray<string> = [], level = 9): Buffer {
  const images = Array.isArray(image) ? (image as ReadonlyArray<RawImage>) : [image as RawImage];
  const width = images[0]?.width ?? 0;
  if (images.some((i) => i.width !== width)) throw new Error("encodeIndexedPng: images of different widths");
  const height = images.reduce((h, i) => h + i.height, 0);
  // B G R A bytes read as one little-endian word are 0xAARRGGBB; dropping the alpha leaves 0xRRGGBB.
  const parts = images.map(wordsOf);
  const { colours: chosen, index } = palette(countColours(parts), Math.max(2, Math.min(256, colours)), keep.map((hex) => parseInt(hex.slice(1, 7), 16)));
  const lookup = new ColourTable();
  for (const [c, i] of index) lookup.set(c, i);
  const depth = chosen.length <= 2 ? 1 : chosen.length <= 4 ? 2 : chosen.length <= 16 ? 4 : 8;
  const perByte = 8 / depth;
  const stride = Math.ceil(width / perByte);
  // Filter type 0 on every row: the PNG spec's advice for palette images (the others predict colour
  // values, which palette indices are not; measured on area charts, "up" on every row gave 27 % more bytes).
  const rows = Buffer.alloc((stride + 1) * height);
  // Pixel x's bits start `depth · (x mod perByte)` bits into byte x / perByte, from the high end. Plain
  // integer arithmetic and no allocation per colour change: this loop ran once per pixel of 600 charts a month.
  const shift = Math.log2(perByte);
  const mask = perByte - 1;
  let y = 0;
  for (const words of parts) {
    const partHeight = words.length / width;
    for (let py = 0; py < partHeight; py++, y++) {
      const at = y * (stride + 1) + 1;
      const row = py * width;
      let last = -1;
      let v = 0;
      for (let x = 0; x < width; x++) {
        // x < width and py < the part's height: the index is in range, checked by the loop bounds, not per pixel.
        const w = words[row + x]!;
        if (w !== last) {
          last = w;
          v = lookup.get(w & 0xffffff); // palette() maps every colour counted
        }
        rows[at + (x >> shift)]! |= v << (8 - depth * (1 + (x & mask)));
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([depth, 3, 0, 0, 0], 8);
  const plte = Buffer.alloc(chosen.length * 3);
  chosen.forEach((c, i) => plte.set([(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff], i * 3));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("PLTE", plte),
    chunk("IDAT", deflateSync(rows, { level })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
