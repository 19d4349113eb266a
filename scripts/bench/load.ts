// Step 3: one probe request, a warm-up, then the measured autocannon run for one URL.
import autocannon from "autocannon";

export interface Probe {
  status: number;
  contentType: string | null;
  /** Next's own hints: x-nextjs-cache (HIT/STALE/MISS), x-nextjs-prerender, cache-control. */
  nextCache: string | null;
  prerender: string | null;
  cacheControl: string | null;
  location: string | null;
  bytes: number;
}

export interface LoadResult {
  /** Mean of autocannon's per-second request counts (all statuses). */
  reqPerSec: number;
  /** Latency over every response (2xx or not), from our own samples: autocannon keeps no p95. Milliseconds. */
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  requests: number;
  non2xx: number;
  /** Count per HTTP status, e.g. { "200": 51234 } or { "404": 51234 }. */
  statusCodes: Record<string, number>;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  durationS: number;
  throughputMBps: number;
}

export async function probe(url: string, headers: Record<string, string>): Promise<Probe> {
  const response = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(15_000) });
  const body = await response.arrayBuffer();
  const h = response.headers;
  return {
    status: response.status,
    contentType: h.get("content-type"),
    nextCache: h.get("x-nextjs-cache"),
    prerender: h.get("x-nextjs-prerender"),
    cacheControl: h.get("cache-control"),
    location: h.get("location"),
    bytes: body.byteLength,
  };
}

const WARMUP_LIMIT_MS = 60_000;

/**
 * Sends `amount` requests (10 at a time) and ignores the figures: fills caches and warms the JIT.
 * Stops after a minute whatever happens, so a page that hangs cannot stall the run.
 */
export function warmUp(url: string, amount: number, headers: Record<string, string>, connections = 10): Promise<void> {
  if (amount === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const instance = autocannon({ url, headers, amount, connections: Math.min(connections, amount), timeout: 10 }, (error: unknown) => {
      clearTimeout(timer);
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve();
    });
    timer = setTimeout(() => instance.stop(), WARMUP_LIMIT_MS);
  });
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length); // nearest-rank
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/** Mean, nearest-rank percentiles and max of latency samples (ms); NaN when there are none. */
export function latencyOf(samples: number[]): LoadResult["latencyMs"] {
  const sorted = Float64Array.from(samples).sort();
  return {
    mean: samples.length === 0 ? Number.NaN : samples.reduce((a, b) => a + b, 0) / samples.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] ?? Number.NaN),
  };
}

/** autocannon's figures plus percentiles from our own latency samples (autocannon keeps no p95). */
export function loadResultOf(result: autocannon.Result, samples: number[]): LoadResult {
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  return {
    reqPerSec: result.requests.average,
    latencyMs: latencyOf(samples),
    requests: samples.length,
    non2xx: result.non2xx,
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS: result.duration,
    throughputMBps: result.throughput.average / 1e6,
  };
}

export function measure(
  url: string,
  opts: { connections: number; duration: number; headers: Record<string, string> },
): Promise<LoadResult> {
  const samples: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, headers: opts.headers, connections: opts.connections, duration: opts.duration },
      (error: unknown, result: autocannon.Result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        resolve(loadResultOf(result, samples));
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      samples.push(responseTime);
    });
  });
}
