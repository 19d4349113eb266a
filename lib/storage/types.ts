export type StoredObject = { bytes: Buffer; contentType: string };

export interface MediaStorage {
  /** Stores the bytes under `key` (content-addressed by the caller) and returns the URL pages use. */
  put(key: string, object: StoredObject): Promise<{ url: string }>;
  get(key: string): Promise<StoredObject | null>;
}

export const IMAGE_TYPES = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" } as const;
export type ImageType = keyof typeof IMAGE_TYPES;
