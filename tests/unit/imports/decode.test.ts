import { describe, expect, it } from "vitest";
import { decodeCsv, type DecodeStats } from "@/lib/imports/decode";
import { COLUMNS, missingColumns, priceCsvRow, stockCsvRow } from "@/lib/imports/formats";

async function decode(chunks: Uint8Array[]) {
  const stats: Partial<DecodeStats> & { bytes: number } = { bytes: 0 };
  let text = "";
  for await (const s of decodeCsv((async function* () { yield* chunks; })(), stats)) text += s;
  return { text, stats };
}
const split = (b: Uint8Array, size: number) => Array.from({ length: Math.ceil(b.length / size) }, (_, i) => b.subarray(i * size, (i + 1) * size));

describe("CSV bytes to text", () => {
  it("drops a UTF-8 BOM and keeps characters split across chunks whole", async () => {
    const bytes = Buffer.from("\uFEFFstoreCode,门店\n上海,1\n", "utf8");
    const { text, stats } = await decode(split(bytes, 1));
    expect(text).toBe("storeCode,门店\n上海,1\n");
    expect(stats).toMatchObject({ encoding: "utf-8", bytes: bytes.length });
    expect(stats.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reads a file that is not UTF-8 as GB18030", async () => {
    // 门店 in GB18030.
    const { text, stats } = await decode([Buffer.from([0x61, 0x2c, 0xc3, 0xc5, 0xb5, 0xea, 0x0a])]);
    expect(text).toBe("a,门店\n");
    expect(stats.encoding).toBe("gb18030");
  });

  it("decides on the first 64 KB even when a character is cut at that edge", async () => {
    const body = "x".repeat(64 * 1024 - 1) + "门店\n";
    const { text, stats } = await decode(split(Buffer.from(body, "utf8"), 64 * 1024));
    expect(stats.encoding).toBe("utf-8");
    expect(text).toBe(body);
  });
});

describe("CSV rows", () => {
  it("names the missing headers", () => {
    expect(missingColumns("STOCK", ["storeCode", " gtin "])).toEqual(["quantity"]);
    expect(missingColumns("PRICES", [...COLUMNS.PRICES])).toEqual([]);
  });

  it("turns cells into feed rows and refuses negative or fractional counts", () => {
    expect(stockCsvRow.parse({ storeCode: " SH01 ", gtin: "6923418001114", quantity: "07" })).toEqual({ storeCode: "SH01", gtin: "6923418001114", quantity: 7 });
    for (const quantity of ["-1", "2.5", "", "abc"]) expect(stockCsvRow.safeParse({ storeCode: "SH01", gtin: "6923418001114", quantity }).success).toBe(false);
    expect(priceCsvRow.parse({ styleCode: "LM1", gtin: "", priceFen: "100", listPriceFen: "" })).toEqual({ styleCode: "LM1", gtin: undefined, priceFen: 100, listPriceFen: null });
  });
});
