import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { guidePoster, posterSvg } from "@/lib/guides/poster";
import { guideCard } from "@/lib/guides/me";
import { guideActor } from "./fixtures";

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// fonts-wqy-microhei: .ci/run installs it for the browser tests; the poster reads it too.
const hasCjkFont = fs.existsSync("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc") || Boolean(process.env.POSTER_FONT_FILE);

describe("the guide's poster", () => {
  it.runIf(hasCjkFont)("is a real PNG drawn with the system's CJK font", async () => {
    const poster = await guidePoster(await guideActor("lumi.sh01.guide"));
    expect(poster.contentType).toBe("image/png");
    const bytes = new Uint8Array(poster.body as ArrayBuffer);
    expect([...bytes.subarray(0, 8)]).toEqual(PNG_MAGIC);
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it("falls back to an SVG with the name, store and QR code", async () => {
    const card = await guideCard(await guideActor("lumi.sh01.guide"));
    const svg = posterSvg(card);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(card.name);
    expect(svg).toContain(card.store.name);
    expect(svg).toContain(card.link);
    expect(svg.match(/<svg /g)).toHaveLength(2); // the poster and the QR code inside it
  });
});
