// Pictures uploaded through one instance are served by the other: both keep them in one S3-compatible bucket
// (MEDIA_STORAGE=s3, decision 031; here the fake S3 of tests/fakes on loopback), not on the uploading machine's disk.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { ROOT } from "../../scripts/bench/env";
import { chromiumForFile, consolePage } from "./browser";
import { signInStaff } from "./http";

const cluster = inject("cluster");
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("a picture uploaded through one instance", () => {
  const browser = chromiumForFile();

  it("in A's console is served by B and through nginx, from the bucket", async () => {
    const style = await db.product.findFirstOrThrow({ where: { brand: { slug: "nord" }, active: true }, orderBy: { styleCode: "desc" }, skip: 2, select: { id: true } });
    // New bytes every run (the file is named by their hash); the app checks only the PNG signature.
    const bytes = Buffer.concat([PNG_SIGNATURE, crypto.randomBytes(64)]);
    const key = `products/${crypto.createHash("sha256").update(bytes).digest("hex")}.png`;

    const page = await consolePage(browser(), cluster.a, await signInStaff(cluster.b, "nord.admin"), `/admin/products/${style.id}`);
    await page.getByTestId("image-file").setInputFiles({ name: "cluster.png", mimeType: "image/png", buffer: bytes });
    await page.getByTestId("image-upload-submit").click();
    await page.getByTestId("image-upload-status").filter({ hasText: "已上传 / Uploaded" }).waitFor();
    await page.context().close();
    expect(await db.productImage.count({ where: { productId: style.id, url: `/api/media/${key}` } })).toBe(1);

    for (const base of [cluster.b, cluster.proxy, cluster.proxy]) {
      const picture = await fetch(`${base}/api/media/${key}`);
      expect(picture.status).toBe(200);
      expect(picture.headers.get("content-type")).toBe("image/png");
      expect(Buffer.from(await picture.arrayBuffer()).equals(bytes)).toBe(true);
    }
    // Not in the local folder both instances would otherwise share on this one machine (MEDIA_DIR default).
    expect(fs.existsSync(path.join(ROOT, "data", "media", key))).toBe(false);
  });
});
