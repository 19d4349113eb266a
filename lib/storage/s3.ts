import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";
import { contentTypeOfKey, IMMUTABLE, MEDIA_KEY, type MediaStorage, type StoredObject } from "./types";

// An S3-compatible bucket (AWS S3, MinIO, Tencent COS, Aliyun OSS…) so that several app servers share the same
// pictures (issue 8; docs/decisions/031-s3-media-storage.md). Requests are path-style by default,
// {endpoint}/{bucket}/{key}: MinIO and self-hosted endpoints have no per-bucket DNS names. Aliyun OSS and Tencent
// COS refuse path-style requests, so S3_ADDRESSING_STYLE=virtual puts the bucket in the host name instead,
// {bucket}.{endpoint host}/{key}. aws4fetch signs each request with SigV4 (WebCrypto, no dependencies).

export interface S3Config {
  /** Origin (optionally with a path prefix) of the S3 API, no trailing slash, e.g. http://127.0.0.1:9000. */
  endpoint: string;
  bucket: string;
  region: string;
  /** "path" (default): {endpoint}/{bucket}/{key}; "virtual": {bucket}.{endpoint host}/{key}. */
  addressing?: "path" | "virtual";
  accessKeyId: string;
  secretAccessKey: string;
  /** Where browsers fetch the bucket's objects directly (a CDN or the bucket's public address); no trailing slash. */
  publicUrl?: string;
}

/** Sends a signed request; the global fetch, or in tests one that reaches a fake bucket by any host name. */
export type Transport = (request: Request) => Promise<Response>;

// One time budget for the request and its retries: an upload form should answer within it.
const TIMEOUT_MS = 15_000;
// 5xx and 429 (S3's SlowDown) are worth asking again, twice, after 100 then 200 ms.
const RETRIES = 2;

/** The bucket could not be reached or said no. The message names the setting to check, never a secret's value. */
export class MediaStorageError extends Error {
  /** The bucket's HTTP status and S3 error code (SignatureDoesNotMatch, NoSuchBucket…), when it answered. */
  readonly status?: number;
  readonly s3Code?: string;
  constructor(
    readonly code: "unreachable" | "refused",
    message: string,
    details: { status?: number; s3Code?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = "MediaStorageError";
    this.status = details.status;
    this.s3Code = details.s3Code;
  }
}

const HINT: Record<string, { zh: string; en: string }> = {
  SignatureDoesNotMatch: { zh: "请检查 S3_SECRET_ACCESS_KEY", en: "check S3_SECRET_ACCESS_KEY" },
  InvalidAccessKeyId: { zh: "请检查 S3_ACCESS_KEY_ID", en: "check S3_ACCESS_KEY_ID" },
  AccessDenied: { zh: "请检查该密钥对存储桶的权限", en: "check the key's permissions on the bucket" },
  NoSuchBucket: { zh: "请检查 S3_BUCKET", en: "check S3_BUCKET" },
  AuthorizationHeaderMalformed: { zh: "请检查 S3_REGION", en: "check S3_REGION" },
  RequestTimeTooSkewed: { zh: "请校准服务器时钟", en: "check this server's clock" },
};

export class S3Storage implements MediaStorage {
  private readonly client: AwsClient;

  constructor(
    private readonly config: S3Config,
    private readonly transport: Transport = (request) => fetch(request),
  ) {
    this.client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, service: "s3", region: config.region });
  }

  async put(key: string, object: StoredObject): Promise<{ url: string }> {
    if (!MEDIA_KEY.test(key)) throw new Error(`invalid media key ${key}`);
    // Stored with the object, so a CDN or browser reading the bucket directly (S3_PUBLIC_URL) caches it like /api/media.
    const response = await this.send("PUT", key, object.bytes, { "content-type": object.contentType, "cache-control": IMMUTABLE });
    if (!response.ok) throw await refused("PUT", key, response);
    await response.arrayBuffer(); // drain, so the connection goes back to the pool
    return { url: this.config.publicUrl ? `${this.config.publicUrl}/${key}` : `/api/media/${key}` };
  }

  async get(key: string): Promise<StoredObject | null> {
    if (!MEDIA_KEY.test(key)) return null;
    const response = await this.send("GET", key);
    if (response.status === 404) {
      await response.arrayBuffer();
      return null;
    }
    if (!response.ok) throw await refused("GET", key, response);
    // The type comes from the key (named after the sniffed bytes), not the bucket's metadata: /api/media serves it on
    // the app's own origin, where an object someone stored as text/html would be a script.
    return { bytes: Buffer.from(await response.arrayBuffer()), contentType: contentTypeOfKey(key) };
  }

  private objectUrl(key: string): string {
    const { endpoint, bucket, addressing } = this.config;
    if (addressing !== "virtual") return `${endpoint}/${bucket}/${key}`;
    const url = new URL(endpoint);
    return `${url.protocol}//${bucket}.${url.host}${url.pathname.replace(/\/+$/, "")}/${key}`;
  }

  private async send(method: "PUT" | "GET", key: string, body?: Buffer, headers: Record<string, string> = {}): Promise<Response> {
    // The payload's hash is signed (aws4fetch would send UNSIGNED-PAYLOAD for S3): the bucket refuses a body changed
    // on the way, and the pictures are at most 5 MB, so hashing them costs nothing worth saving.
    const payloadHash = createHash("sha256")
      .update(body ?? Buffer.alloc(0))
      .digest("hex");
    const init = {
      method,
      headers: { ...headers, "x-amz-content-sha256": payloadHash },
      body: body ? new Uint8Array(body) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    };
    try {
      for (let attempt = 0; ; attempt++) {
        // Signed again each time: the signature carries the time.
        const response = await this.transport(await this.client.sign(this.objectUrl(key), init));
        if ((response.status < 500 && response.status !== 429) || attempt === RETRIES) return response;
        await response.arrayBuffer();
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      const zh = timedOut ? `${TIMEOUT_MS / 1000} 秒内无应答` : "连接失败";
      const en = timedOut ? `no answer within ${TIMEOUT_MS / 1000} s` : "connection failed";
      throw new MediaStorageError("unreachable", `无法连接图片存储 S3_ENDPOINT（${zh}） / Cannot reach the picture store at S3_ENDPOINT (${en}; ${method} ${key})`, { cause: error });
    }
  }
}

async function refused(method: string, key: string, response: Response): Promise<MediaStorageError> {
  const text = (await response.text().catch(() => "")).slice(0, 4000);
  const s3Code = /<Code>([A-Za-z0-9.]{1,64})<\/Code>/.exec(text)?.[1];
  const what = s3Code ? `${response.status} ${s3Code}` : String(response.status);
  const hint = s3Code ? HINT[s3Code] : undefined;
  return new MediaStorageError(
    "refused",
    `图片存储拒绝了 ${method} 请求（${what}）${hint ? `，${hint.zh}` : ""} / The picture store refused ${method} ${key} (${what})${hint ? `: ${hint.en}` : ""}`,
    { status: response.status, s3Code },
  );
}
