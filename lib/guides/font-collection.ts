// A TrueType collection (.ttc) holds several fonts sharing tables; satori (next/og) reads only single
// fonts (.ttf/.otf/.woff) and refuses "ttcf". The CJK fonts Debian installs here come as collections
// (fonts-wqy-microhei → wqy-microhei.ttc), so the poster cuts one font out of it instead of shipping or
// downloading a second 5 MB font. Layout: OpenType spec, "Font Collections" and "Table Directory".

const TTC_TAG = 0x74746366; // "ttcf"

/** True when the bytes start a font collection rather than a single font. */
export function isFontCollection(data: Uint8Array): boolean {
  return data.length >= 12 && new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0) === TTC_TAG;
}

/**
 * The `index`-th font of a collection as a standalone .ttf: its table directory, then each table it
 * points at copied after it (4-byte aligned, offsets rewritten). A single font is returned as it is.
 */
export function fontFromCollection(data: Uint8Array, index = 0): Uint8Array {
  if (!isFontCollection(data)) return data;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const numFonts = view.getUint32(8);
  if (index < 0 || index >= numFonts) throw new RangeError(`font index ${index} not in a collection of ${numFonts}`);
  const start = view.getUint32(12 + 4 * index);
  const numTables = view.getUint16(start + 4);
  const headerLength = 12 + 16 * numTables;
  const tables = Array.from({ length: numTables }, (_, i) => {
    const record = start + 12 + 16 * i;
    return { record, offset: view.getUint32(record + 8), length: view.getUint32(record + 12) };
  });
  const padded = (n: number) => (n + 3) & ~3;
  const out = new Uint8Array(headerLength + tables.reduce((sum, t) => sum + padded(t.length), 0));
  const outView = new DataView(out.buffer);
  out.set(data.subarray(start, start + headerLength), 0);
  let cursor = headerLength;
  tables.forEach((table, i) => {
    if (table.offset + table.length > data.length) throw new RangeError("font table runs past the end of the collection");
    out.set(data.subarray(table.offset, table.offset + table.length), cursor);
    outView.setUint32(12 + 16 * i + 8, cursor);
    cursor += padded(table.length);
  });
  return out;
}
