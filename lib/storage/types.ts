export type StoredObject = { bytes: Buffer; contentType: string };

export interface MediaStorage {
  /** Stores the bytes under `key` (content-addressed by the caller) and returns the URL pages use. */
  put(key: string, object: StoredObject): Promise<{ url: string }>;
  get(key: string): Promise<StoredObject | null>;
}

export const IMAGE_TYPES = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" } as const;
export type ImageType = keyof typeof IMAGE_TYPES;

// Keys are content hashes, so the bytes behind a URL never change: browsers and CDNs may keep them for a year.
export const IMMUTABLE = "public, max-age=31536000, immutable";

/** The only keys storeImage() makes; every store refuses others, so no request can reach another file or object. */
export const MEDIA_KEY = /^(products|catalogs)\/[0-9a-f]{64}\.(jpg|png|webp)$/;

const TYPE_OF_EXT: Record<string, string> = Object.fromEntries(Object.entries(IMAGE_TYPES).map(([type, ext]) => [ext, type]));

/** The picture type a key's extension stands for (storeImage() named it after the sniffed bytes). */
export function contentTypeOfKey(key: string): string {
  return TYPE_OF_EXT[key.split(".").pop() ?? ""] ?? "application/octet-stream";
}
