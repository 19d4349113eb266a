// Step 4: first-load JS of a page: every external <script src="/_next/…"> of its HTML, gzip -9, summed.
import { gzipSync } from "node:zlib";

export interface ScriptFile {
  src: string;
  status: number;
  rawBytes: number;
  gzipBytes: number;
}

export interface FirstLoadJs {
  url: string;
  status: number;
  /** Counted: external scripts under /_next/ that a modern browser loads. */
  files: ScriptFile[];
  totalRawBytes: number;
  totalGzipBytes: number;
  /** Not counted: inline <script> bodies (RSC payload, bootstrap) ship inside the HTML. */
  inline: { count: number; rawBytes: number; gzipBytes: number };
  /** Not counted: <script nomodule> (legacy polyfills modern browsers skip) and scripts outside /_next/. */
  skipped: string[];
}

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", "#39": "'", "#x27": "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(amp|quot|apos|lt|gt|#39|#x27);/gi, (match, name: string) => ENTITIES[name.toLowerCase()] ?? match);
}

function parseAttributes(raw: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of raw.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const name = m[1];
    if (name !== undefined) attributes.set(name.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return attributes;
}

/** What is reported for a page whose HTML could not be fetched. */
export function emptyFirstLoadJs(url: string): FirstLoadJs {
  return { url, status: 0, files: [], totalRawBytes: 0, totalGzipBytes: 0, inline: { count: 0, rawBytes: 0, gzipBytes: 0 }, skipped: [] };
}

export async function firstLoadJs(pageUrl: string, headers: Record<string, string>): Promise<FirstLoadJs> {
  const page = await fetch(pageUrl, { headers, signal: AbortSignal.timeout(15_000) });
  const html = await page.text();

  const external = new Set<string>();
  const skipped: string[] = [];
  const inline = { count: 0, rawBytes: 0, gzipBytes: 0 };
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = parseAttributes(m[1] ?? "");
    const src = attributes.get("src");
    if (src === undefined) {
      const body = Buffer.from(m[2] ?? "");
      if (body.length > 0) {
        inline.count += 1;
        inline.rawBytes += body.length;
        inline.gzipBytes += gzipSync(body, { level: 9 }).length;
      }
      continue;
    }
    const url = new URL(src, page.url);
    if (attributes.has("nomodule") || !url.pathname.startsWith("/_next/")) skipped.push(src);
    else external.add(url.href);
  }

  const files = await Promise.all(
    [...external].map(async (href): Promise<ScriptFile> => {
      const response = await fetch(href, { headers: { "user-agent": headers["user-agent"] ?? "" }, signal: AbortSignal.timeout(15_000) });
      const body = Buffer.from(await response.arrayBuffer());
      const { pathname, search } = new URL(href);
      return {
        src: pathname + search,
        status: response.status,
        rawBytes: body.length,
        gzipBytes: gzipSync(body, { level: 9 }).length,
      };
    }),
  );
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    url: pageUrl,
    status: page.status,
    files,
    totalRawBytes: files.reduce((sum, f) => sum + f.rawBytes, 0),
    totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    inline,
    skipped,
  };
}
