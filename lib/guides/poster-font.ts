import "server-only";
import { readFile } from "node:fs/promises";
import { fontFromCollection } from "./font-collection";

// The poster's Chinese text needs a CJK font on the server (satori draws text as outlines; it has no system
// fonts). The app ships none (a CJK font is 5–20 MB), so it reads one Debian installs: fonts-wqy-microhei is
// already installed by .ci/run and README's setup for the browser tests. POSTER_FONT_FILE names another
// (.ttf, .otf, or a .ttc whose first font is used). Read once per process, at the first poster.

const CANDIDATES = [
  "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", // fonts-wqy-microhei
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", // fonts-noto-cjk
  "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", // fonts-wqy-zenhei
  "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", // fonts-droid-fallback
];

export type PosterFont = { file: string; data: ArrayBuffer };

async function firstReadable(files: string[]): Promise<PosterFont | null> {
  for (const file of files) {
    try {
      const font = fontFromCollection(new Uint8Array(await readFile(file)));
      // A copy that owns its bytes: satori takes an ArrayBuffer, and a Buffer's may be a shared pool's.
      return { file, data: font.slice().buffer };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") console.warn(`[poster] font ${file} unusable:`, (error as Error).message);
    }
  }
  return null;
}

let loading: Promise<PosterFont | null> | null = null;

/** The CJK font for posters, or null when this machine has none (the poster then falls back to SVG). */
export function posterFont(): Promise<PosterFont | null> {
  const configured = process.env.POSTER_FONT_FILE;
  loading ??= firstReadable(configured ? [configured, ...CANDIDATES] : CANDIDATES);
  return loading;
}
