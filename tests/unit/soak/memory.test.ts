import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { linearFit, LogTail, MAX_GROWTH_MB_PER_MIN, median, parseGcLines, readRss, trendVerdict } from "../../../scripts/soak/memory";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "soak-memory-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A 10-minute run sampled every 5 s: base + growth per minute + a GC sawtooth of ±amplitude. */
function series(opts: { base: number; perMin: number; amplitude: number; warmupJump?: number }): Array<{ tS: number; valueMB: number }> {
  return Array.from({ length: 121 }, (_, i) => {
    const tS = i * 5;
    const saw = ((i % 6) / 5) * 2 * opts.amplitude - opts.amplitude;
    const warm = opts.warmupJump && tS < 60 ? -opts.warmupJump * (1 - tS / 60) : 0;
    return { tS, valueMB: opts.base + (opts.perMin * tS) / 60 + saw + warm };
  });
}

describe("the memory trend verdict", () => {
  it("fits a straight line exactly", () => {
    const fit = linearFit([0, 1, 2, 3].map((x) => ({ x, y: 3 * x + 10 })))!;
    expect(fit.slope).toBeCloseTo(3);
    expect(fit.intercept).toBeCloseTo(10);
    expect(fit.stdErr).toBeCloseTo(0);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("calls a flat RSS with a garbage-collector sawtooth flat", () => {
    const v = trendVerdict(series({ base: 300, perMin: 0, amplitude: 25 }), { durationS: 600, metric: "RSS" });
    expect(v.verdict).toBe("flat");
    expect(v.pass).toBe(true);
    expect(Math.abs(v.slopeMBPerMin!)).toBeLessThan(MAX_GROWTH_MB_PER_MIN);
    expect(v.window).toEqual({ fromS: 300, toS: 600, samples: 61 });
  });

  it("ignores the warm-up (JIT, caches filling) before the first minute", () => {
    const v = trendVerdict(series({ base: 300, perMin: 0.2, amplitude: 10, warmupJump: 150 }), { durationS: 600, metric: "RSS" });
    expect(v.pass).toBe(true);
    expect(v.warmupS).toBe(60);
  });

  it("fails a steady leak of 5 MB a minute", () => {
    const v = trendVerdict(series({ base: 300, perMin: 5, amplitude: 20 }), { durationS: 600, metric: "RSS" });
    expect(v.verdict).toBe("growing");
    expect(v.pass).toBe(false);
    expect(v.slopeMBPerMin!).toBeGreaterThan(4);
    expect(v.compare.growthMBPerMin!).toBeGreaterThan(4);
  });

  it("does not call a trend when only one of slope and first-vs-last exceeds the threshold", () => {
    // Grows in the first half, then flat: the net growth is high, the second-half slope is not.
    const samples = series({ base: 300, perMin: 0, amplitude: 2 }).map((s) => ({ tS: s.tS, valueMB: s.valueMB + Math.min(s.tS, 300) / 10 }));
    const v = trendVerdict(samples, { durationS: 600, metric: "RSS" });
    expect(v.compare.growthMBPerMin!).toBeGreaterThan(MAX_GROWTH_MB_PER_MIN);
    expect(v.slopeMBPerMin!).toBeLessThan(MAX_GROWTH_MB_PER_MIN);
    expect(v.pass).toBe(true);
  });

  it("refuses to judge with too few samples", () => {
    const v = trendVerdict([{ tS: 0, valueMB: 100 }, { tS: 5, valueMB: 101 }, { tS: 10, valueMB: null }], { durationS: 600, metric: "RSS" });
    expect(v.verdict).toBe("too few samples");
    expect(v.pass).toBe(false);
  });

  it("scales its windows down for a short run", () => {
    const v = trendVerdict(Array.from({ length: 21 }, (_, i) => ({ tS: i, valueMB: 200 })), { durationS: 20, metric: "RSS" });
    expect(v.warmupS).toBe(5);
    expect(v.compare.windowS).toBe(5);
    expect(v.pass).toBe(true);
  });
});

describe("reading the server's memory from outside", () => {
  it("reads VmRSS and RssAnon from /proc/<pid>/status", () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, "42"));
    fs.writeFileSync(path.join(root, "42", "status"), "Name:\tnode\nVmHWM:\t  600000 kB\nVmRSS:\t  512000 kB\nRssAnon:\t  409600 kB\nRssFile:\t  102400 kB\n");
    expect(readRss(42, root)).toEqual({ rssMB: 500, rssAnonMB: 400 });
    expect(readRss(43, root)).toEqual({ rssMB: null, rssAnonMB: null });
    expect(readRss(process.pid).rssMB).toBeGreaterThan(1);
  });

  it("parses V8's --trace-gc lines and nothing else", () => {
    const text = [
      "[1234:0x5a1b2c0]    45678 ms: Scavenge 31.2 (33.5) -> 30.6 (38.2) MB, 1.23 / 0.00 ms  (average mu = 0.990, current mu = 0.985) allocation failure;",
      "[1234:0x5a1b2c0]    45999 ms: Mark-Compact (reduce) 120.5 (140.2) -> 98.3 (135.0) MB, 12.1 / 0.0 ms  (average mu = 0.9) finalize incremental marking",
      "[1234:0x5a1b2c0]    46000 ms: Mark-Compact 99.0 (135.0) -> 97.5 (134.0) MB, 10.0 / 0.0 ms",
      "GET /lumi 200 in 12ms",
    ].join("\n");
    const events = parseGcLines(text);
    expect(events).toHaveLength(3);
    expect(events[0]).toEqual({ kind: "Scavenge", full: false, beforeMB: 31.2, afterMB: 30.6, committedMB: 38.2 });
    expect(events[1]).toMatchObject({ kind: "Mark-Compact (reduce)", full: true, afterMB: 98.3, committedMB: 135 });
    expect(events[2]!.full).toBe(true);
  });

  it("tails a growing log without splitting a line", () => {
    const file = path.join(tempDir(), "server.log");
    fs.writeFileSync(file, "old line\n");
    const tail = new LogTail(file, fs.statSync(file).size);
    expect(tail.read()).toBe("");
    fs.appendFileSync(file, "first\nsecond-par");
    expect(tail.read()).toBe("first\n");
    fs.appendFileSync(file, "t\n");
    expect(tail.read()).toBe("second-part\n");
  });
});
