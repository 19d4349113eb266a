import crypto from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { NextConfig } from "next";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { IMMUTABLE, mediaStorage, mediaStorageChoice, MediaStorageConfigError, MediaStorageError, S3Storage, storeImage, type S3Config } from "@/lib/storage";
import { LocalFolderStorage } from "@/lib/storage/local-folder";
import { GET as getMedia } from "@/app/api/media/[...key]/route";
import { reachFakeS3, sigV4Signature, startFakeS3, type FakeS3 } from "@/tests/fakes/s3-server";
import { expectConsoleError } from "@/tests/setup/console-error";

// lib/storage/s3.ts against a fake S3 on loopback that recomputes every request's SigV4 signature with the secret
// it knows (tests/fakes/s3-server.ts): these pass only if aws4fetch's signature, the path-style URL and the
// headers are what a real bucket accepts.

const ACCESS_KEY_ID = "AKIAMICROCATALOG01";
const SECRET = "s3cr3t/For+The+Fake+Bucket+Only+0123456789";
const BUCKET = "media";
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(2048)]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(1024)]);

let s3: FakeS3;
let config: S3Config;
beforeAll(async () => {
  s3 = await startFakeS3({ accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET, buckets: [BUCKET] });
  config = { endpoint: s3.url, bucket: BUCKET, region: "us-east-1", accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET };
});
afterAll(() => s3.close());

const keyOf = (url: string) => url.replace(/^.*?\/(products|catalogs)\//, "$1/");
const s3Env = (extra: Record<string, string> = {}) => ({
  MEDIA_STORAGE: "s3",
  S3_ENDPOINT: s3.url,
  S3_BUCKET: BUCKET,
  S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
  S3_SECRET_ACCESS_KEY: SECRET,
  ...extra,
});

describe("the fake S3 checks SigV4 as S3 does", () => {
  it("computes AWS's documented example signature (GET Object, examplebucket)", () => {
    // From AWS's "Signature Calculations for the Authorization Header: Transferring Payload in a Single Chunk".
    const signature = sigV4Signature(
      {
        method: "GET",
        path: "/test.txt",
        query: "",
        headers: {
          host: "examplebucket.s3.amazonaws.com",
          range: "bytes=0-9",
          "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
          "x-amz-date": "20130524T000000Z",
        },
        signedHeaders: ["host", "range", "x-amz-content-sha256", "x-amz-date"],
        payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        amzDate: "20130524T000000Z",
        scope: "20130524/us-east-1/s3/aws4_request",
      },
      "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    );
    expect(signature).toBe("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  });

  it("refuses an unsigned upload and stores nothing", async () => {
    const before = s3.objects.size;
    const response = await fetch(`${s3.url}/${BUCKET}/products/${"0".repeat(64)}.png`, { method: "PUT", body: new Uint8Array(png) });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("<Code>AccessDenied</Code>");
    expect(s3.objects.size).toBe(before);
  });
});

describe("S3Storage", () => {
  it("stores a picture through storeImage() path-style, with its type and a year's immutable caching, and reads the same bytes back", async () => {
    const store = new S3Storage(config);
    const stored = await storeImage("products", png, store);
    const hash = crypto.createHash("sha256").update(png).digest("hex");
    expect(stored).toEqual({ url: `/api/media/products/${hash}.png`, contentType: "image/png" });

    const put = s3.requests.findLast((r) => r.method === "PUT");
    expect(put).toMatchObject({ path: `/${BUCKET}/products/${hash}.png`, status: 200 });
    // The body's hash is signed, not UNSIGNED-PAYLOAD: the bucket would refuse bytes changed on the way.
    expect(put?.headers["x-amz-content-sha256"]).toBe(hash);
    expect(s3.objects.get(`${BUCKET}/products/${hash}.png`)).toMatchObject({ contentType: "image/png", cacheControl: IMMUTABLE });

    const read = await store.get(keyOf(stored.url));
    expect(read?.contentType).toBe("image/png");
    expect(read?.bytes.equals(png)).toBe(true);
  });

  it("answers null for a key the bucket does not have, and never asks for a key storeImage() could not have made", async () => {
    const store = new S3Storage(config);
    expect(await store.get(`catalogs/${"a".repeat(64)}.webp`)).toBeNull();
    expect(s3.requests.at(-1)).toMatchObject({ method: "GET", status: 404, code: "NoSuchKey" });
    const asked = s3.requests.length;
    expect(await store.get("../../etc/passwd")).toBeNull();
    expect(await store.get("products/x.png")).toBeNull();
    expect(s3.requests.length).toBe(asked);
    await expect(store.put("products/../../x.png", { bytes: png, contentType: "image/png" })).rejects.toThrow(/invalid media key/);
  });

  it("gives the public URL when S3_PUBLIC_URL is set, and the app's /api/media path when not", async () => {
    const viaCdn = mediaStorage(s3Env({ S3_PUBLIC_URL: "https://img.example.cn/catalog/" }));
    const stored = await storeImage("catalogs", jpeg, viaCdn);
    const hash = crypto.createHash("sha256").update(jpeg).digest("hex");
    expect(stored.url).toBe(`https://img.example.cn/catalog/catalogs/${hash}.jpg`);
    expect(s3.objects.get(`${BUCKET}/catalogs/${hash}.jpg`)?.bytes.equals(jpeg)).toBe(true);

    const viaApp = mediaStorage(s3Env());
    expect(viaApp).toBeInstanceOf(S3Storage);
    expect((await storeImage("catalogs", jpeg, viaApp)).url).toBe(`/api/media/catalogs/${hash}.jpg`);
  });

  it("with a wrong secret: a clear error naming the setting (never its value), nothing stored, and a read is not a 'no such picture'", async () => {
    const store = new S3Storage({ ...config, secretAccessKey: "not-the-secret" });
    const before = new Map(s3.objects);
    const other = Buffer.concat([png, Buffer.from("another picture")]);
    const failure = await storeImage("products", other, store).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MediaStorageError);
    expect(failure).toMatchObject({ code: "refused", status: 403, s3Code: "SignatureDoesNotMatch" });
    expect((failure as Error).message).toMatch(/^图片存储拒绝了 PUT 请求（403 SignatureDoesNotMatch），请检查 S3_SECRET_ACCESS_KEY \/ The picture store refused PUT .* check S3_SECRET_ACCESS_KEY$/);
    expect((failure as Error).message).not.toContain("not-the-secret");
    expect(s3.objects).toEqual(before);

    const [key] = [...before.keys()];
    await expect(store.get(key!.slice(BUCKET.length + 1))).rejects.toMatchObject({ s3Code: "SignatureDoesNotMatch" });
  });

  it("names the setting to check for an unknown key id, a wrong region and a missing bucket", async () => {
    const bytes = Buffer.concat([png, Buffer.from("x")]);
    await expect(storeImage("products", bytes, new S3Storage({ ...config, accessKeyId: "AKIAUNKNOWN" }))).rejects.toThrow(/InvalidAccessKeyId.*S3_ACCESS_KEY_ID/);
    await expect(storeImage("products", bytes, new S3Storage({ ...config, region: "ap-shanghai" }))).rejects.toThrow(/AuthorizationHeaderMalformed.*S3_REGION/);
    await expect(storeImage("products", bytes, new S3Storage({ ...config, bucket: "no-such-bucket" }))).rejects.toThrow(/NoSuchBucket.*S3_BUCKET/);
    expect([...s3.objects.values()].some((object) => object.bytes.equals(bytes))).toBe(false);
  });

  it("puts the bucket in the host name with S3_ADDRESSING_STYLE=virtual (what OSS and COS require)", async () => {
    const endpoint = `http://s3.fake.test:${new URL(s3.url).port}`;
    const store = new S3Storage({ ...config, endpoint, addressing: "virtual" }, reachFakeS3(s3));
    const bytes = Buffer.concat([jpeg, Buffer.from("virtual")]);
    const hash = crypto.createHash("sha256").update(bytes).digest("hex");
    const stored = await storeImage("catalogs", bytes, store);
    expect(stored.url).toBe(`/api/media/catalogs/${hash}.jpg`);
    const put = s3.requests.findLast((r) => r.method === "PUT");
    expect(put).toMatchObject({ path: `/catalogs/${hash}.jpg`, status: 200 });
    expect(put?.headers.host).toBe(`${BUCKET}.${new URL(endpoint).host}`);
    expect(s3.objects.get(`${BUCKET}/catalogs/${hash}.jpg`)?.bytes.equals(bytes)).toBe(true);
    expect((await store.get(keyOf(stored.url)))?.bytes.equals(bytes)).toBe(true);
  });

  it("asks again after a 503 SlowDown, twice, then says what the bucket answered", async () => {
    const store = new S3Storage(config);
    const bytes = Buffer.concat([png, Buffer.from("slow")]);
    const sent = () => s3.requests.filter((r) => r.method === "PUT").length;
    let before = sent();
    s3.failNext(2, 503, "SlowDown");
    await storeImage("products", bytes, store);
    expect(sent() - before).toBe(3);

    before = sent();
    s3.failNext(3, 503, "SlowDown");
    try {
      await expect(storeImage("products", bytes, store)).rejects.toMatchObject({ code: "refused", status: 503, s3Code: "SlowDown" });
      expect(sent() - before).toBe(3);
    } finally {
      s3.failNext(0, 0, "");
    }
  });

  it("gives a read the type its key names, whatever the bucket says (/api/media serves it on the app's origin)", async () => {
    const key = `products/${"e".repeat(64)}.png`;
    s3.objects.set(`${BUCKET}/${key}`, { bytes: Buffer.from("<script>alert(1)</script>"), contentType: "text/html", etag: '"x"', lastModified: new Date() });
    expect((await new S3Storage(config).get(key))?.contentType).toBe("image/png");
  });

  it("says the bucket cannot be reached when nothing listens at S3_ENDPOINT", async () => {
    const gone = await startFakeS3({ accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET, buckets: [BUCKET] });
    await gone.close();
    const failure = await new S3Storage({ ...config, endpoint: gone.url }).get(`products/${"b".repeat(64)}.png`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MediaStorageError);
    expect((failure as Error).message).toMatch(/^无法连接图片存储 S3_ENDPOINT（连接失败） \/ Cannot reach the picture store at S3_ENDPOINT \(connection failed;/);
  });
});

describe("choosing the store from the environment", () => {
  it("is the local folder unless MEDIA_STORAGE=s3", () => {
    expect(mediaStorage({})).toBeInstanceOf(LocalFolderStorage);
    expect(mediaStorage({ MEDIA_STORAGE: "local", MEDIA_DIR: "/tmp/x" })).toBeInstanceOf(LocalFolderStorage);
    expect(mediaStorageChoice(s3Env({ S3_ENDPOINT: `${s3.url}/`, S3_PUBLIC_URL: "https://img.example.cn/" }))).toEqual({
      kind: "s3",
      config: { ...config, addressing: "path", publicUrl: "https://img.example.cn" },
    });
    expect(mediaStorageChoice(s3Env({ S3_ADDRESSING_STYLE: "virtual" }))).toMatchObject({ kind: "s3", config: { addressing: "virtual" } });
  });

  it("lists every missing setting at once, Chinese first, then English", () => {
    const failure = (() => {
      try {
        mediaStorage({ MEDIA_STORAGE: "s3" });
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(MediaStorageConfigError);
    const message = (failure as Error).message;
    expect(message).toMatch(/^图片存储配置有误 \/ Media storage is misconfigured: /);
    for (const name of ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]) expect(message).toContain(`${name} 未设置 / ${name} is not set`);
    expect(message).not.toContain("S3_REGION"); // defaults to us-east-1
  });

  it("refuses malformed settings without echoing the secret", () => {
    const bad = () =>
      mediaStorage(
        s3Env({ S3_ENDPOINT: "ftp://files.example.cn", S3_BUCKET: "Media_Bucket", S3_REGION: "us east", S3_ADDRESSING_STYLE: "dns", S3_PUBLIC_URL: "img.example.cn", S3_SECRET_ACCESS_KEY: "hunter2-secret" }),
      );
    expect(bad).toThrow(MediaStorageConfigError);
    expect(bad).toThrow(/S3_ENDPOINT 应为 http\(s\) 地址.* \/ S3_ENDPOINT must be an http\(s\) URL/);
    expect(bad).toThrow(/S3_BUCKET 应为 .* \/ S3_BUCKET must be 3–63 lower-case letters/);
    expect(bad).toThrow(/S3_REGION 应为区域名.* \/ S3_REGION must be a region name/);
    expect(bad).toThrow('S3_ADDRESSING_STYLE 只能是 path 或 virtual / S3_ADDRESSING_STYLE must be "path" or "virtual"');
    expect(bad).toThrow(/S3_PUBLIC_URL 应为 http\(s\) 地址 \/ S3_PUBLIC_URL must be an http\(s\) URL/);
    expect(bad).not.toThrow(/hunter2/);
    expect(() => mediaStorage({ MEDIA_STORAGE: "gcs" })).toThrow('MEDIA_STORAGE 只能是 local 或 s3 / MEDIA_STORAGE must be "local" or "s3" (got "gcs")');
  });
});

describe("/api/media with MEDIA_STORAGE=s3", () => {
  afterEach(() => vi.unstubAllEnvs());
  const stubS3Env = (extra: Record<string, string> = {}) => {
    for (const [name, value] of Object.entries(s3Env(extra))) vi.stubEnv(name, value);
  };
  const request = (key: string) => getMedia(new Request(`http://app.test/api/media/${key}`), { params: Promise.resolve({ key: key.split("/") }) });

  it("serves the bucket's bytes with a year's immutable caching; 404 for an unknown picture", async () => {
    stubS3Env();
    const { url } = await storeImage("products", jpeg, mediaStorage());
    const response = await request(keyOf(url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("cache-control")).toBe(IMMUTABLE);
    expect(Buffer.from(await response.arrayBuffer()).equals(jpeg)).toBe(true);

    const missing = await request(`products/${"c".repeat(64)}.png`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "图片不存在 / No such picture" } });
  });

  it("answers 502 with a plain message when the bucket refuses, and logs why for the team", async () => {
    stubS3Env({ S3_SECRET_ACCESS_KEY: "rotated-away" });
    const consoleError = expectConsoleError();
    const response = await request(`products/${crypto.createHash("sha256").update(png).digest("hex")}.png`);
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "storage_unavailable", message: "图片暂时无法读取 / The picture cannot be read right now" } });
    expect(text).not.toMatch(/SignatureDoesNotMatch|at |S3_/);
    expect(consoleError).toHaveBeenCalledWith("[media] GET", expect.objectContaining({ s3Code: "SignatureDoesNotMatch" }));
  });
});

describe("next.config.js", () => {
  afterEach(() => vi.unstubAllEnvs());
  // next.config.js reads the environment when it is evaluated, so each read is a fresh copy of the module.
  const imgSrc = async () => {
    vi.resetModules();
    const file = path.join(process.cwd(), "next.config.js");
    const { default: config } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: NextConfig };
    const [rule] = await config.headers!();
    const csp = rule!.headers.find((header) => header.key === "Content-Security-Policy")!.value;
    return csp.split("; ").find((part) => part.startsWith("img-src "));
  };

  it("allows pictures from S3_PUBLIC_URL's origin, and only then", async () => {
    vi.stubEnv("S3_PUBLIC_URL", "https://img.example.cn/catalog");
    expect(await imgSrc()).toBe("img-src 'self' data: blob: https://thirdwx.qlogo.cn https://wx.qlogo.cn https://img.example.cn");
    vi.stubEnv("S3_PUBLIC_URL", "");
    expect(await imgSrc()).toBe("img-src 'self' data: blob: https://thirdwx.qlogo.cn https://wx.qlogo.cn");
    vi.stubEnv("S3_PUBLIC_URL", "img.example.cn");
    await expect(imgSrc()).rejects.toThrow("S3_PUBLIC_URL 应为 http(s) 地址 / S3_PUBLIC_URL must be an http(s) URL");
  });
});
