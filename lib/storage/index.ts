import "server-only";
import { createHash } from "node:crypto";
import { mediaStorageChoice } from "./config";
import { LocalFolderStorage } from "./local-folder";
import { S3Storage } from "./s3";

// Uploaded pictures (product images, DM covers) go through this interface so that several app instances can
// share an S3-compatible bucket instead of a local folder (issue 8, MEDIA_STORAGE=s3); pages only ever see `url`.

import { IMAGE_TYPES, type ImageType, type MediaStorage } from "./types";
import { Refusal } from "@/lib/refusal";

export type { MediaStorage, StoredObject, ImageType } from "./types";
export { IMMUTABLE } from "./types";
export { mediaStorageChoice, MediaStorageConfigError } from "./config";
export { MediaStorageError, S3Storage, type S3Config } from "./s3";
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** The picture's real type from its first bytes (the browser's claim is not trusted); null if not JPEG/PNG/WebP. */
export function sniffImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (bytes.length >= 12 && bytes.toString("ascii", 0, 4) === "RIFF" && bytes.toString("ascii", 8, 12) === "WEBP") return "image/webp";
  return null;
}

export class UploadRefused extends Refusal {
  constructor(readonly code: "empty" | "too_large" | "not_an_image") {
    super(
      code === "empty" ? "文件为空 / The file is empty"
      : code === "too_large" ? "图片不能超过 5 MB / Pictures may be at most 5 MB"
      : "只接受 JPEG、PNG、WebP 图片 / Only JPEG, PNG or WebP pictures",
    );
  }
}

const VARIABLES = ["MEDIA_STORAGE", "MEDIA_DIR", "S3_ENDPOINT", "S3_BUCKET", "S3_REGION", "S3_ADDRESSING_STYLE", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_PUBLIC_URL"];

// Keyed by the settings themselves, so a test (or a reloaded environment) that changes them gets a fresh store.
let cached: { fingerprint: string; storage: MediaStorage } | undefined;

/** The store this deployment is configured for; a MediaStorageConfigError ("中文 / English") when it is misconfigured. */
export function mediaStorage(env: Record<string, string | undefined> = process.env): MediaStorage {
  const fingerprint = JSON.stringify(VARIABLES.map((name) => env[name] ?? null));
  if (cached?.fingerprint === fingerprint) return cached.storage;
  const choice = mediaStorageChoice(env);
  const storage = choice.kind === "s3" ? new S3Storage(choice.config) : new LocalFolderStorage(choice.dir);
  cached = { fingerprint, storage };
  return storage;
}

/** Checks an uploaded picture and stores it under `<prefix>/<sha256>.<ext>` (the same picture twice is one file). */
export async function storeImage(prefix: "products" | "catalogs", bytes: Buffer, store: MediaStorage = mediaStorage()): Promise<{ url: string; contentType: ImageType }> {
  if (bytes.length === 0) throw new UploadRefused("empty");
  if (bytes.length > MAX_IMAGE_BYTES) throw new UploadRefused("too_large");
  const contentType = sniffImageType(bytes);
  if (!contentType) throw new UploadRefused("not_an_image");
  const key = `${prefix}/${createHash("sha256").update(bytes).digest("hex")}.${IMAGE_TYPES[contentType]}`;
  const { url } = await store.put(key, { bytes, contentType });
  return { url, contentType };
}
