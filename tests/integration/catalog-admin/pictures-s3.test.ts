import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { addStyleImage } from "@/lib/catalog/manage";
import { MediaStorageError } from "@/lib/storage";
import { startFakeS3, type FakeS3 } from "@/tests/fakes/s3-server";

// The console's picture upload with MEDIA_STORAGE=s3: the picture goes to the bucket (a fake S3 on loopback that
// checks every SigV4 signature), the style's image row carries the URL pages will use, and a bucket that refuses
// the upload leaves no image row behind.

const ACTOR = "staff:pictures-s3-test" as const;
const ACCESS_KEY_ID = "AKIAPICTURESTEST";
const SECRET = "pictures-s3-test-secret-0123456789";
const PNG = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), crypto.randomBytes(512)]);

let s3: FakeS3;
let lumi = "";
let productId = "";
beforeAll(async () => {
  s3 = await startFakeS3({ accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET, buckets: ["catalog-media"] });
  lumi = (await db.brand.findUniqueOrThrow({ where: { slug: "lumi" } })).id;
  productId = (await db.product.findFirstOrThrow({ where: { brandId: lumi } })).id;
});
afterAll(async () => {
  await db.productImage.deleteMany({ where: { productId, alt: "s3 test" } });
  await db.auditLog.deleteMany({ where: { actor: ACTOR } });
  await s3.close();
});
afterEach(() => vi.unstubAllEnvs());

function useBucket(extra: Record<string, string> = {}) {
  const env = { MEDIA_STORAGE: "s3", S3_ENDPOINT: s3.url, S3_BUCKET: "catalog-media", S3_ACCESS_KEY_ID: ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: SECRET, ...extra };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
}

describe("console pictures in an S3 bucket", () => {
  it("stores the upload in the bucket and the S3_PUBLIC_URL address on the style", async () => {
    useBucket({ S3_PUBLIC_URL: "https://img.example.cn" });
    const key = `products/${crypto.createHash("sha256").update(PNG).digest("hex")}.png`;
    const added = await addStyleImage(lumi, productId, { bytes: PNG, colorCode: null, alt: "s3 test" }, ACTOR);
    expect(added).toMatchObject({ ok: true, url: `https://img.example.cn/${key}` });
    expect(s3.objects.get(`catalog-media/${key}`)?.bytes.equals(PNG)).toBe(true);
    expect(await db.productImage.findFirst({ where: { productId, alt: "s3 test" }, select: { url: true } })).toEqual({ url: `https://img.example.cn/${key}` });
  });

  it("writes no image row when the bucket refuses the upload", async () => {
    useBucket({ S3_SECRET_ACCESS_KEY: "a-stale-secret" });
    const other = Buffer.concat([PNG, Buffer.from("other")]);
    const rowsBefore = await db.productImage.count({ where: { productId } });
    const objectsBefore = s3.objects.size;
    await expect(addStyleImage(lumi, productId, { bytes: other, colorCode: null, alt: "s3 test" }, ACTOR)).rejects.toBeInstanceOf(MediaStorageError);
    expect(await db.productImage.count({ where: { productId } })).toBe(rowsBefore);
    expect(s3.objects.size).toBe(objectsBefore);
    expect(s3.requests.at(-1)).toMatchObject({ method: "PUT", status: 403, code: "SignatureDoesNotMatch" });
  });
});
