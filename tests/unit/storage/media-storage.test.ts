import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sniffImageType, storeImage, UploadRefused } from "@/lib/storage";
import { LocalFolderStorage } from "@/lib/storage/local-folder";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "media-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("rest of a png")]);

describe("media storage", () => {
  it("recognises JPEG, PNG and WebP by their bytes, not their names", () => {
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffImageType(png)).toBe("image/png");
    expect(sniffImageType(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffImageType(Buffer.from("<svg onload=alert(1)>"))).toBeNull();
  });

  it("stores a picture under its content hash and reads the same bytes back", async () => {
    const store = new LocalFolderStorage(root);
    const first = await storeImage("products", png, store);
    const again = await storeImage("products", png, store);
    expect(first.url).toMatch(/^\/api\/media\/products\/[0-9a-f]{64}\.png$/);
    expect(again.url).toBe(first.url);
    const read = await store.get(first.url.replace("/api/media/", ""));
    expect(read?.contentType).toBe("image/png");
    expect(read?.bytes.equals(png)).toBe(true);
  });

  it("refuses empty, oversized and non-image uploads, and keys that would leave the folder", async () => {
    const store = new LocalFolderStorage(root);
    await expect(storeImage("products", Buffer.alloc(0), store)).rejects.toBeInstanceOf(UploadRefused);
    await expect(storeImage("products", Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]), store)).rejects.toThrow(/5 MB/);
    await expect(storeImage("catalogs", Buffer.from("GIF89a"), store)).rejects.toThrow(/JPEG/);
    expect(await store.get("../../etc/passwd")).toBeNull();
    await expect(store.put("products/../../x.png", { bytes: png, contentType: "image/png" })).rejects.toThrow();
  });
});
