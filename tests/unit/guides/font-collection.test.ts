import { describe, expect, it } from "vitest";
import { fontFromCollection, isFontCollection } from "@/lib/guides/font-collection";

// A tiny collection of two "fonts" sharing one table, laid out as the OpenType spec says.
function collection(): { data: Uint8Array; tables: Record<string, number[]> } {
  const tables = { AAAA: [1, 2, 3], BBBB: [9, 8, 7, 6, 5], CCCC: [42] };
  const fonts = [["AAAA", "BBBB"], ["AAAA", "CCCC"]] as const;
  const header = 12 + 4 * fonts.length;
  const dirs = fonts.map((f) => 12 + 16 * f.length);
  let cursor = header + dirs.reduce((a, b) => a + b, 0);
  const offsets: Record<string, number> = {};
  for (const [tag, bytes] of Object.entries(tables)) {
    offsets[tag] = cursor;
    cursor += (bytes.length + 3) & ~3;
  }
  const data = new Uint8Array(cursor);
  const view = new DataView(data.buffer);
  view.setUint32(0, 0x74746366); // ttcf
  view.setUint32(4, 0x00010000);
  view.setUint32(8, fonts.length);
  let dir = header;
  fonts.forEach((tags, i) => {
    view.setUint32(12 + 4 * i, dir);
    view.setUint32(dir, 0x00010000);
    view.setUint16(dir + 4, tags.length);
    tags.forEach((tag, j) => {
      const record = dir + 12 + 16 * j;
      for (let k = 0; k < 4; k++) data[record + k] = tag.charCodeAt(k);
      view.setUint32(record + 8, offsets[tag]!);
      view.setUint32(record + 12, tables[tag as keyof typeof tables].length);
    });
    dir += 12 + 16 * tags.length;
  });
  for (const [tag, bytes] of Object.entries(tables)) data.set(bytes, offsets[tag]!);
  return { data, tables };
}

function tablesOf(font: Uint8Array): Record<string, number[]> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const out: Record<string, number[]> = {};
  for (let i = 0; i < view.getUint16(4); i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    out[tag] = [...font.subarray(offset, offset + view.getUint32(record + 12))];
  }
  return out;
}

describe("a font cut out of a TrueType collection (for the poster)", () => {
  it("each font becomes a standalone font with its own tables", () => {
    const { data, tables } = collection();
    expect(isFontCollection(data)).toBe(true);
    const first = fontFromCollection(data, 0);
    expect(isFontCollection(first)).toBe(false);
    expect(new DataView(first.buffer).getUint32(0)).toBe(0x00010000);
    expect(tablesOf(first)).toEqual({ AAAA: tables.AAAA, BBBB: tables.BBBB });
    expect(tablesOf(fontFromCollection(data, 1))).toEqual({ AAAA: tables.AAAA, CCCC: tables.CCCC });
  });

  it("a single font passes through; an index past the end is refused", () => {
    const single = fontFromCollection(collection().data, 0);
    expect(fontFromCollection(single)).toBe(single);
    expect(() => fontFromCollection(collection().data, 2)).toThrow(RangeError);
  });
});
