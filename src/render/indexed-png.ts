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
 * holding a colour of `keep` as that colour), and every colour mapped to the nearest kept one. The flat
 * colours of lines, text and background are each one frequent pool, so they survive exactly; only
 * anti-aliasing shades merge. Every choice is ordered by count, then by colour value (never by the order
 * the colours occur in), so the result depends only on which colours the image holds and how often.
 * Returns each colour's palette index, by its place in `seen`.
 */
function palette(seen: ColourCounts, most: number, keep: ReadonlyArray<number>): { colours: number[]; index: Uint8Array } {
  const n = seen.size;
  const colourAt = (i: number): number => seen.colours[i] ?? 0; // i < n: every loop below is bounded by it
  const counts = Array.from({ length: n }, (_, i) => seen.counts[i] ?? 0);
  // Colours the caller names (a series' own colour) are kept whatever their pixel count: a short line
  // must keep its colour, not take its neighbour's.
  const kept0 = keep.filter((c) => seen.has(c));
  for (const c of kept0) counts[seen.id(c)] = Number.MAX_SAFE_INTEGER;
  const index = new Uint8Array(n);
  if (n <= most) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || colourAt(a) - colourAt(b));
    order.forEach((id, i) => (index[id] = i));
    return { colours: order.map(colourAt), index };
  }
  const pools = new Map<number, { n: number; r: number; g: number; b: number }>();
  for (let i = 0; i < n; i++) {
    const c = colourAt(i);
    const w = counts[i] ?? 0;
    const key = ((c >> 19) & 0x1f) << 10 | ((c >> 11) & 0x1f) << 5 | ((c >> 3) & 0x1f);
    const p = pools.get(key) ?? { n: 0, r: 0, g: 0, b: 0 };
    p.n += w;
    p.r += ((c >> 16) & 0xff) * w;
    p.g += ((c >> 8) & 0xff) * w;
    p.b += (c & 0xff) * w;
    pools.set(key, p);
  }
  const kept = [...pools].sort((a, b) => b[1].n - a[1].n || a[0] - b[0]).slice(0, most);
  const colours = kept.map(([key, p]) => {
    const named = kept0.find((c) => (((c >> 19) & 0x1f) << 10 | ((c >> 11) & 0x1f) << 5 | ((c >> 3) & 0x1f)) === key);
    if (named !== undefined) return named;
    // The weights of a named colour are huge; a pool without one averages its real counts.
    return (Math.round(p.r / p.n) << 16) | (Math.round(p.g / p.n) << 8) | Math.round(p.b / p.n);
  });
  for (let i = 0; i < n; i++) {
    const c = colourAt(i);
    let best = 0;
    let bestD = Infinity;
    colours.forEach((p, j) => {
      const d = (((c >> 16) & 0xff) - ((p >> 16) & 0xff)) ** 2 + (((c >> 8) & 0xff) - ((p >> 8) & 0xff)) ** 2 + ((c & 0xff) - (p & 0xff)) ** 2;
      if (d < bestD) [best, bestD] = [j, d];
    });
    index[i] = best;
  }
  return { colours, index };
}

/**
 * The distinct colours (0xRRGGBB) of an image, each numbered 0, 1, 2… as first met, with its pixel count:
 * an open-addressed table of typed arrays from colour to number. The encoder looks a colour up at every
 * change of colour along a row (~10^5 times a chart); with a Map those lookups were a third of the
 * encoder's time at 312 areas (issue 20).
 */
export class ColourCounts {
  private keys: Int32Array;
  private ids: Int32Array;
  private mask: number;
  /** Colour and pixel count by number. */
  colours = new Int32Array(64);
  counts = new Float64Array(64);
  size = 0;

  constructor(slots = 1024) {
    this.keys = new Int32Array(slots).fill(-1); // -1 is no colour: keys are 24-bit
    this.ids = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /** The number of `colour`, given the next one when it is new; the table doubles when half full. */
  id(colour: number): number {
    // Fibonacci hashing spreads the colour's bits; linear probing after.
    let i = (Math.imul(colour, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const k = this.keys[i]; // i ≤ mask < keys.length
      if (k === colour) return this.ids[i] ?? 0;
      if (k === -1) {
        if (this.size * 2 >= this.mask) {
          this.grow();
          return this.id(colour);
        }
        const id = this.size++;
        if (id === this.colours.length) {
          const [colours, counts] = [new Int32Array(id * 2), new Float64Array(id * 2)];
          colours.set(this.colours);
          counts.set(this.counts);
          [this.colours, this.counts] = [colours, counts];
        }
        this.keys[i] = colour;
        this.ids[i] = id;
        this.colours[id] = colour;
        return id;
      }
      i = (i + 1) & this.mask;
    }
  }

  has(colour: number): boolean {
    for (let i = (Math.imul(colour, 0x9e3779b1) >>> 0) & this.mask; ; i = (i + 1) & this.mask) {
      const k = this.keys[i];
      if (k === colour) return true;
      if (k === -1 || k === undefined) return false;
    }
  }

  /** Twice the slots; the numbers stay (they live in `ids`, not in the slots' order). */
  private grow(): void {
    const slots = this.keys.length * 2;
    this.keys = new Int32Array(slots).fill(-1);
    this.ids = new Int32Array(slots);
    this.mask = slots - 1;
    for (let id = 0; id < this.size; id++) {
      const colour = this.colours[id] ?? 0; // id < size ≤ colours.length
      let i = (Math.imul(colour, 0x9e3779b1) >>> 0) & this.mask;
      while (this.keys[i] !== -1) i = (i + 1) & this.mask;
      this.keys[i] = colour;
      this.ids[i] = id;
    }
  }
}

/** Pixels of an image as 32-bit words (0xAARRGGBB on little-endian: B G R A bytes). */
function wordsOf(image: RawImage): Uint32Array {
  // A word view needs a 4-byte-aligned offset; a small Buffer from Node's pool may not have one.
  const aligned = image.data.byteOffset % 4 === 0 ? image.data : new Uint8Array(image.data);
  return new Uint32Array(aligned.buffer, aligned.byteOffset, image.width * image.height);
}

/**
 * The image as runs of one colour, never across a row's end (a chart is long runs of white, grid and
 * band): each run's colour number and length, and every colour's pixel count. The one pass over the
 * pixels: the encoder then writes the rows from the runs. Runs are found on the raw words, alpha and
 * all (equal words are equal colours); the alpha is masked off once per run, not per pixel.
 */
function runsOf(parts: ReadonlyArray<Uint32Array>, width: number): { seen: ColourCounts; ids: Int32Array; lengths: Int32Array; count: number } {
  const seen = new ColourCounts();
  let ids = new Int32Array(8192);
  let lengths = new Int32Array(8192);
  let count = 0;
  for (const words of parts) {
    for (let row = 0; row < words.length; row += width) {
      let x = 0;
      while (x < width) {
        // row + x < words.length: rows are whole (wordsOf), x < width.
        const w = words[row + x] ?? 0;
        let end = x + 1;
        while (end < width && words[row + end] === w) end++;
        if (count === ids.length) {
          const [i2, l2] = [new Int32Array(count * 2), new Int32Array(count * 2)];
          i2.set(ids);
          l2.set(lengths);
          [ids, lengths] = [i2, l2];
        }
        const id = seen.id(w & 0xffffff);
        seen.counts[id] = (seen.counts[id] ?? 0) + (end - x);
        ids[count] = id;
        lengths[count++] = end - x;
        x = end;
      }
    }
  }
  return { seen, ids, lengths, count };
}

/**
 * Encodes raw chart pixels as a palette PNG of at most `colours` colours (2–256), packed at the smallest
 * bit depth that holds them (4 bits for 16: half the bytes to deflate). `level` is zlib's level: the
 * callers choose it by measurement (charts.ts, area-chart.ts). Several images of one width are encoded
 * stacked top to bottom (the phone variant's small multiples), read where they are instead of copied
 * into one buffer first.
 */
export function encodeIndexedPng(image: RawImage | ReadonlyArray<RawImage>, colours = 256, keep: ReadonlyArray<string> = [], level = 9): Buffer {
  const images = Array.isArray(image) ? (image as ReadonlyArray<RawImage>) : [image as RawImage];
  const width = images[0]?.width ?? 0;
  if (images.some((i) => i.width !== width)) throw new Error("encodeIndexedPng: images of different widths");
  const height = images.reduce((h, i) => h + i.height, 0);
  // B G R A bytes read as one little-endian word are 0xAARRGGBB; dropping the alpha leaves 0xRRGGBB.
  const runs = runsOf(images.map(wordsOf), width);
  const { colours: chosen, index } = palette(runs.seen, Math.max(2, Math.min(256, colours)), keep.map((hex) => parseInt(hex.slice(1, 7), 16)));
  const depth = chosen.length <= 2 ? 1 : chosen.length <= 4 ? 2 : chosen.length <= 16 ? 4 : 8;
  const perByte = 8 / depth;
  const stride = Math.ceil(width / perByte);
  // Filter type 0 on every row: the PNG spec's advice for palette images (the others predict colour
  // values, which palette indices are not; measured on area charts, "up" on every row gave 27 % more bytes).
  const rows = new Uint8Array((stride + 1) * height);
  // Pixel x's bits start `depth · (x mod perByte)` bits into byte x / perByte, from the high end. Whole
  // bytes of a long run are filled at once: most of a chart is white runs hundreds of pixels long.
  const shift = Math.log2(perByte);
  const mask = perByte - 1;
  // Each palette index repeated across a whole byte, for a run's whole bytes.
  const full = Uint8Array.from({ length: chosen.length }, (_, v) => {
    let byte = v;
    for (let d = depth; d < 8; d *= 2) byte |= byte << d;
    return byte;
  });
  let y = 0;
  let x = 0;
  let at = 1; // row y's first pixel byte, after its filter byte
  for (let r = 0; r < runs.count; r++) {
    // r < count ≤ the arrays' length; a colour number < index.length (palette() maps each).
    const v = index[runs.ids[r] ?? 0] ?? 0;
    const end = x + (runs.lengths[r] ?? 0);
    // The run's first pixels up to a byte boundary, its whole bytes, then its last pixels.
    while (x < end && (x & mask) !== 0) {
      rows[at + (x >> shift)] = (rows[at + (x >> shift)] ?? 0) | (v << (8 - depth * (1 + (x & mask))));
      x++;
    }
    const whole = (end - x) >> shift;
    if (whole > 0) {
      const byte = full[v] ?? 0;
      const from = at + (x >> shift);
      // fill() costs a call; a short run is quicker byte by byte.
      if (whole > 32) rows.fill(byte, from, from + whole);
      else for (let b = from; b < from + whole; b++) rows[b] = byte;
      x += whole << shift;
    }
    while (x < end) {
      rows[at + (x >> shift)] = (rows[at + (x >> shift)] ?? 0) | (v << (8 - depth * (1 + (x & mask))));
      x++;
    }
    if (x === width) {
      x = 0;
      y++;
      at = y * (stride + 1) + 1;
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
