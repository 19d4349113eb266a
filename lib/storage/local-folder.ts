import fs from "node:fs/promises";
import path from "node:path";
import { contentTypeOfKey, MEDIA_KEY, type MediaStorage, type StoredObject } from "./types";

/** A folder on this machine, served by app/api/media/[...key]; keys are checked so no path can leave it. */
export class LocalFolderStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  private file(key: string): string | null {
    return MEDIA_KEY.test(key) ? path.join(path.resolve(this.root), key) : null;
  }

  async put(key: string, object: StoredObject): Promise<{ url: string }> {
    const file = this.file(key);
    if (!file) throw new Error(`invalid media key ${key}`);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write then rename: a reader never sees half a picture.
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, object.bytes);
    await fs.rename(tmp, file);
    return { url: `/api/media/${key}` };
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.file(key);
    if (!file) return null;
    try {
      return { bytes: await fs.readFile(file), contentType: contentTypeOfKey(key) };
    } catch {
      return null;
    }
  }
}
