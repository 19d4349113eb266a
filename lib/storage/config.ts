import type { S3Config } from "./s3";

// Which media store this deployment uses, from the environment:
//   MEDIA_STORAGE unset, "" or "local"  → a folder (MEDIA_DIR, default data/media): one server
//   MEDIA_STORAGE=s3                    → an S3-compatible bucket shared by every server:
//     S3_ENDPOINT            the S3 API's address, e.g. http://127.0.0.1:9000 (MinIO) or https://cos.ap-shanghai.myqcloud.com
//     S3_BUCKET              the bucket (S3 naming rules: 3–63 lower-case letters, digits, dots, hyphens)
//     S3_REGION              default us-east-1 (MinIO's default); part of every signature, so it must match the bucket's
//     S3_ADDRESSING_STYLE    "path" (default, MinIO): {endpoint}/{bucket}/{key}; "virtual": {bucket}.{endpoint host}/{key},
//                            which Aliyun OSS and Tencent COS require
//     S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY
//     S3_PUBLIC_URL          optional: browsers load pictures from here (CDN or public bucket); else through /api/media
// Every problem is reported at once, naming variables only: a secret's value never reaches a message.

type Env = Record<string, string | undefined>;

export type MediaStorageChoice = { kind: "local"; dir: string } | { kind: "s3"; config: S3Config };

export class MediaStorageConfigError extends Error {
  readonly code = "media_storage_misconfigured";
  constructor(message: string) {
    super(message);
    this.name = "MediaStorageConfigError";
  }
}

const value = (env: Env, name: string) => {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
};

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

/** An http(s) base address without query or fragment, trailing slashes removed; undefined when it is not one. */
function baseUrl(text: string): string | undefined {
  try {
    const url = new URL(text);
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.search || url.hash || url.username || url.password) return undefined;
    return text.replace(/\/+$/, "");
  } catch {
    return undefined;
  }
}

/** The store MEDIA_STORAGE names, or a MediaStorageConfigError listing every problem ("中文 / English"). */
export function mediaStorageChoice(env: Env = process.env): MediaStorageChoice {
  const kind = (value(env, "MEDIA_STORAGE") ?? "local").toLowerCase();
  if (kind === "local") return { kind: "local", dir: value(env, "MEDIA_DIR") ?? "data/media" };
  if (kind !== "s3") {
    throw new MediaStorageConfigError(`MEDIA_STORAGE 只能是 local 或 s3 / MEDIA_STORAGE must be "local" or "s3" (got "${kind.slice(0, 32)}")`);
  }

  const problems: string[] = [];
  const required = (name: string) => {
    const found = value(env, name);
    if (!found) problems.push(`${name} 未设置 / ${name} is not set`);
    return found ?? "";
  };

  const endpointText = required("S3_ENDPOINT");
  const endpoint = endpointText ? baseUrl(endpointText) : "";
  if (endpoint === undefined) {
    problems.push("S3_ENDPOINT 应为 http(s) 地址，例如 http://127.0.0.1:9000 / S3_ENDPOINT must be an http(s) URL such as http://127.0.0.1:9000");
  }
  const bucket = required("S3_BUCKET");
  if (bucket && !BUCKET.test(bucket)) {
    problems.push("S3_BUCKET 应为 3–63 位小写字母、数字、点或连字符 / S3_BUCKET must be 3–63 lower-case letters, digits, dots or hyphens");
  }
  const region = value(env, "S3_REGION") ?? "us-east-1";
  if (!REGION.test(region)) problems.push("S3_REGION 应为区域名，例如 us-east-1 / S3_REGION must be a region name such as us-east-1");
  const addressing = (value(env, "S3_ADDRESSING_STYLE") ?? "path").toLowerCase();
  if (addressing !== "path" && addressing !== "virtual") {
    problems.push('S3_ADDRESSING_STYLE 只能是 path 或 virtual / S3_ADDRESSING_STYLE must be "path" or "virtual"');
  }
  const accessKeyId = required("S3_ACCESS_KEY_ID");
  if (accessKeyId && /\s/.test(accessKeyId)) problems.push("S3_ACCESS_KEY_ID 不能含空白 / S3_ACCESS_KEY_ID must not contain spaces");
  const secretAccessKey = required("S3_SECRET_ACCESS_KEY");
  const publicText = value(env, "S3_PUBLIC_URL");
  const publicUrl = publicText ? baseUrl(publicText) : undefined;
  if (publicText && publicUrl === undefined) {
    problems.push("S3_PUBLIC_URL 应为 http(s) 地址 / S3_PUBLIC_URL must be an http(s) URL");
  }

  if (problems.length > 0 || !endpoint) {
    throw new MediaStorageConfigError(`图片存储配置有误 / Media storage is misconfigured: ${problems.join("; ")}`);
  }
  return {
    kind: "s3",
    config: { endpoint, bucket, region, addressing: addressing === "virtual" ? "virtual" : "path", accessKeyId, secretAccessKey, ...(publicUrl ? { publicUrl } : {}) },
  };
}
