// The server's memory during the soak, from outside the process: resident set size from /proc/<pid>/status, and the
// V8 heap from the server's own --trace-gc lines in its log (no endpoint, no heap snapshot). Then a trend verdict.
import fs from "node:fs";

export interface MemorySample {
  /** Seconds since the traffic started. */
  tS: number;
  rssMB: number | null;
  /** The anonymous part of RSS (heaps, native allocations), without file pages mapped in (code, libraries). */
  rssAnonMB: number | null;
  /** Heap in use after the garbage collections of this interval: the smallest "after" figure (closest to live data). */
  heapAfterGcMB: number | null;
  /** Live heap: what the interval's full (mark-compact) collections left, null when none ran. The leak indicator. */
  liveHeapMB: number | null;
  /** Heap reserved by V8 (the figure in brackets) at the interval's last collection. */
  heapCommittedMB: number | null;
  /** Collections seen in the interval; full (mark-compact) ones among them. */
  gcs: number;
  fullGcs: number;
  /** Requests answered so far. */
  requests: number;
}

/** VmRSS and RssAnon of a process in MB, null when it is gone (or the kernel does not report that line). */
export function readRss(pid: number, procRoot = "/proc"): { rssMB: number | null; rssAnonMB: number | null } {
  let status: string;
  try {
    status = fs.readFileSync(`${procRoot}/${pid}/status`, "utf8");
  } catch {
    return { rssMB: null, rssAnonMB: null };
  }
  const mb = (line: string): number | null => {
    const m = new RegExp(`^${line}:\\s+(\\d+)\\s+kB`, "m").exec(status);
    return m ? Number(m[1]) / 1024 : null;
  };
  return { rssMB: mb("VmRSS"), rssAnonMB: mb("RssAnon") };
}

export interface GcEvent {
  kind: string;
  full: boolean;
  beforeMB: number;
  afterMB: number;
  committedMB: number;
}

// "[1234:0x5a1b2c0]    45678 ms: Mark-Compact 120.5 (140.2) -> 98.3 (135.0) MB, 12.1 / 0.0 ms  (average mu = …"
// (Scavenge, Mark-Compact, Mark-Compact (reduce), Minor Mark-Sweep… depending on the V8 version.)
const GC_LINE = /\d+ ms: ((?:Minor )?(?:Scavenge|Mark-Compact|Mark-Sweep|Mark-sweep)(?: \([a-z ]+\))?) ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/;

export function parseGcLines(text: string): GcEvent[] {
  const events: GcEvent[] = [];
  for (const line of text.split("\n")) {
    const m = GC_LINE.exec(line);
    if (!m) continue;
    const kind = m[1]!;
    events.push({ kind, full: /^Mark-(Compact|Sweep|sweep)/.test(kind), beforeMB: Number(m[2]), afterMB: Number(m[4]), committedMB: Number(m[5]) });
  }
  return events;
}

/** Reads what a log file gained since the last call (the server appends its --trace-gc lines there). */
export class LogTail {
  private offset: number;
  private partial = "";
  constructor(private readonly file: string, from = 0) {
    this.offset = from;
  }
  read(): string {
    let fd: number;
    try {
      fd = fs.openSync(this.file, "r");
    } catch {
      return "";
    }
    try {
      const size = fs.fstatSync(fd).size;
      if (size <= this.offset) return "";
      const buffer = Buffer.alloc(size - this.offset);
      fs.readSync(fd, buffer, 0, buffer.length, this.offset);
      this.offset = size;
      const text = this.partial + buffer.toString("utf8");
      const cut = text.lastIndexOf("\n");
      this.partial = text.slice(cut + 1);
      return text.slice(0, cut + 1);
    } finally {
      fs.closeSync(fd);
    }
  }
}

/** Samples every `intervalMs` until stopped. */
export function startSampler(opts: { pid: number; logFile: string; logFrom: number; intervalMs: number; requests: () => number }): { stop(): MemorySample[] } {
  const samples: MemorySample[] = [];
  const tail = new LogTail(opts.logFile, opts.logFrom);
  const started = performance.now();
  const sample = (): void => {
    const gcs = parseGcLines(tail.read());
    const after = gcs.map((g) => g.afterMB);
    const afterFull = gcs.filter((g) => g.full).map((g) => g.afterMB);
    samples.push({
      tS: (performance.now() - started) / 1000,
      ...readRss(opts.pid),
      heapAfterGcMB: after.length ? Math.min(...after) : null,
      liveHeapMB: afterFull.length ? Math.min(...afterFull) : null,
      heapCommittedMB: gcs.length ? gcs[gcs.length - 1]!.committedMB : null,
      gcs: gcs.length,
      fullGcs: gcs.filter((g) => g.full).length,
      requests: opts.requests(),
    });
  };
  sample();
  const timer = setInterval(sample, opts.intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return samples;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Trend.

/** Least-squares slope of y over x, with its standard error (null below 3 points). */
export function linearFit(points: Array<{ x: number; y: number }>): { slope: number; intercept: number; stdErr: number | null } | null {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  if (n < 3) return { slope, intercept, stdErr: null };
  const residual = points.reduce((s, p) => s + (p.y - (intercept + slope * p.x)) ** 2, 0);
  return { slope, intercept, stdErr: Math.sqrt(residual / (n - 2) / sxx) };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Growth above this (in MB per minute of traffic) is a leak worth failing on; why 2 MB/min: docs/decisions/026-soak.md.
 * At the soak's ~130 requests a second it is ~250 bytes kept per request, ~2.9 GB a day.
 */
export const MAX_GROWTH_MB_PER_MIN = 2;

export interface TrendVerdict {
  metric: string;
  warmupS: number;
  /** The regression window: the second half of the run (after the warm-up). */
  window: { fromS: number; toS: number; samples: number };
  slopeMBPerMin: number | null;
  slopeStdErrMBPerMin: number | null;
  /** Median of the first window after the warm-up against the median of the last window of the run. */
  compare: { windowS: number; firstMB: number | null; lastMB: number | null; growthMB: number | null; growthMBPerMin: number | null };
  thresholdMBPerMin: number;
  verdict: "flat" | "growing" | "too few samples";
  pass: boolean;
  reason: string;
}

/**
 * Growing = the slope over the second half AND the first-vs-last comparison both exceed the threshold: a leak raises
 * both, while one alone is the noise of a garbage-collected heap (a sawtooth within a window, a cache filling once).
 */
export function trendVerdict(
  samples: Array<{ tS: number; valueMB: number | null }>,
  opts: { durationS: number; metric: string; thresholdMBPerMin?: number },
): TrendVerdict {
  const threshold = opts.thresholdMBPerMin ?? MAX_GROWTH_MB_PER_MIN;
  const points = samples.filter((s): s is { tS: number; valueMB: number } => s.valueMB !== null);
  const warmupS = Math.min(60, opts.durationS / 4);
  const compareS = Math.min(60, opts.durationS / 4);
  const fromS = Math.max(warmupS, opts.durationS / 2);
  const window = points.filter((p) => p.tS >= fromS);
  const fit = linearFit(window.map((p) => ({ x: p.tS / 60, y: p.valueMB })));
  const first = median(points.filter((p) => p.tS >= warmupS && p.tS < warmupS + compareS).map((p) => p.valueMB));
  const last = median(points.filter((p) => p.tS >= opts.durationS - compareS).map((p) => p.valueMB));
  const apartMin = (opts.durationS - compareS / 2 - (warmupS + compareS / 2)) / 60;
  const growthMB = first !== null && last !== null ? last - first : null;
  const growthPerMin = growthMB !== null && apartMin > 0 ? growthMB / apartMin : null;
  const base = {
    metric: opts.metric,
    warmupS,
    window: { fromS, toS: opts.durationS, samples: window.length },
    slopeMBPerMin: fit?.slope ?? null,
    slopeStdErrMBPerMin: fit?.stdErr ?? null,
    compare: { windowS: compareS, firstMB: first, lastMB: last, growthMB, growthMBPerMin: growthPerMin },
    thresholdMBPerMin: threshold,
  };
  if (fit === null || window.length < 5 || growthPerMin === null) {
    return { ...base, verdict: "too few samples", pass: false, reason: `${window.length} samples in the second half and ${growthPerMin === null ? "no" : "a"} first/last comparison: cannot judge a trend` };
  }
  const slopeHigh = fit.slope > threshold;
  const growthHigh = growthPerMin > threshold;
  if (slopeHigh && growthHigh) {
    return { ...base, verdict: "growing", pass: false, reason: `slope ${fit.slope.toFixed(2)} MB/min and first→last ${growthPerMin.toFixed(2)} MB/min both exceed ${threshold} MB/min` };
  }
  return {
    ...base,
    verdict: "flat",
    pass: true,
    reason: `slope ${fit.slope.toFixed(2)} MB/min, first→last ${growthPerMin.toFixed(2)} MB/min (threshold ${threshold} MB/min${slopeHigh || growthHigh ? ", one of the two above it alone: noise, not a trend" : ""})`,
  };
}
