import crypto from "node:crypto";

// Bytes of an uploaded CSV → text, chunk by chunk (never the whole file at once). UTF-8 with or without BOM is
// the format; a file that is not valid UTF-8 in its first 64 KB is read as GB18030 (what Excel on Chinese
// Windows saves as "CSV"), the superset of GBK/GB2312. A UTF-8 BOM is dropped here.

const SNIFF_BYTES = 64 * 1024;

export type DecodeStats = { bytes: number; sha256: string; encoding: "utf-8" | "gb18030" };

function looksUtf8(head: Uint8Array, complete: boolean): boolean {
  // Trim a multi-byte sequence cut at the end of the sniffed bytes before checking.
  let end = head.length;
  if (!complete) {
    let back = 0;
    while (back < 4 && end - back - 1 >= 0 && ((head[end - back - 1] ?? 0) & 0xc0) === 0x80) back++;
    const lead = end - back - 1;
    if (lead >= 0 && (head[lead] ?? 0) >= 0xc0) end = lead;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Decodes `source` to text; `stats` is filled in as bytes go by (sha256 when the source ends). */
export async function* decodeCsv(source: AsyncIterable<Uint8Array>, stats: Partial<DecodeStats> & { bytes: number }): AsyncGenerator<string> {
  const hash = crypto.createHash("sha256");
  let decoder: TextDecoder | null = null;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let first = true;
  const emit = (chunk: Uint8Array, last: boolean): string => {
    let s = decoder!.decode(chunk, { stream: !last });
    if (first && s.length > 0) {
      first = false;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    return s;
  };
  const choose = (complete: boolean) => {
    const head = Buffer.concat(pending);
    const utf8 = looksUtf8(head, complete);
    stats.encoding = utf8 ? "utf-8" : "gb18030";
    decoder = new TextDecoder(stats.encoding, { ignoreBOM: true });
    pending = [];
    pendingBytes = 0;
    return head;
  };
  for await (const raw of source) {
    const chunk = typeof raw === "string" ? Buffer.from(raw) : raw;
    hash.update(chunk);
    stats.bytes += chunk.length;
    if (decoder === null) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < SNIFF_BYTES) continue;
      const s = emit(choose(false), false);
      if (s) yield s;
      continue;
    }
    const s = emit(chunk, false);
    if (s) yield s;
  }
  const tail = decoder === null ? emit(choose(true), true) : emit(new Uint8Array(0), true);
  if (tail) yield tail;
  stats.sha256 = hash.digest("hex");
}
