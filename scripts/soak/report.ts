// The soak's report: bench-results/soak-latest.json (everything, every memory sample) and soak-latest.md.
import fs from "node:fs";
import path from "node:path";
import type { LatencySummary } from "./traffic";
import type { TrendVerdict } from "./memory";
import type { SoakReport } from "./run";

const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : "–");
const mb = (v: number | null): string => (v === null || !Number.isFinite(v) ? "–" : v.toFixed(1));
const codes = (c: Record<string, number>): string =>
  Object.entries(c)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code}×${n}`)
    .join(" ") || "–";

function row(name: string, actions: number | string, s: { requests: number; latencyMs: LatencySummary; statusCodes: Record<string, number>; errors: number; unexpected: number }, durationS: number): string[] {
  return [name, String(actions), String(s.requests), (s.requests / durationS).toFixed(1), ms(s.latencyMs.p50), ms(s.latencyMs.p95), ms(s.latencyMs.p99), codes(s.statusCodes), String(s.errors), String(s.unexpected)];
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(" | ")} |`, `| ${header.map((_, i) => (i === 0 || i === 7 ? "---" : "---:")).join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

function trendLine(t: TrendVerdict): string {
  const c = t.compare;
  return (
    `${t.metric}: **${t.verdict}** (${t.pass ? "PASS" : "FAIL"}): slope over ${t.window.fromS.toFixed(0)}–${t.window.toS.toFixed(0)} s = ` +
    `${t.slopeMBPerMin === null ? "–" : t.slopeMBPerMin.toFixed(2)} MB/min (± ${t.slopeStdErrMBPerMin === null ? "–" : t.slopeStdErrMBPerMin.toFixed(2)}, ${t.window.samples} samples); ` +
    `median of the first ${c.windowS.toFixed(0)} s after the ${t.warmupS.toFixed(0)} s warm-up ${mb(c.firstMB)} MB → last ${c.windowS.toFixed(0)} s ${mb(c.lastMB)} MB ` +
    `(${c.growthMB === null ? "–" : (c.growthMB >= 0 ? "+" : "") + c.growthMB.toFixed(1)} MB, ${c.growthMBPerMin === null ? "–" : c.growthMBPerMin.toFixed(2)} MB/min); threshold ${t.thresholdMBPerMin} MB/min`
  );
}

export function soakMarkdown(r: SoakReport): string {
  const d = r.elapsedS;
  const header = ["kind / step", "actions", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "statuses", "errors", "unexpected"];
  const rows: string[][] = [];
  for (const kind of ["browse", "favourite", "order"] as const) {
    const k = r.traffic[kind];
    rows.push(row(`**${kind}**`, k.actions, k, d));
    for (const [step, s] of Object.entries(k.steps).sort(([a], [b]) => a.localeCompare(b))) rows.push(row(`  ${step}`, "", s, d));
  }
  rows.push(row("**all**", r.traffic.all.actions, r.traffic.all, d));
  const everyMinute = r.memory.samples.filter((_, i, all) => i === 0 || i === all.length - 1 || Math.floor(all[i]!.tS / 60) !== Math.floor(all[i - 1]!.tS / 60));
  const l = r.ledger;
  return [
    `## Soak ${r.date.slice(0, 10)}`,
    "",
    `- Date: ${r.date}; machine: ${r.machine.cores} cores (${r.machine.cpuModel}), ${r.machine.memoryGiB} GiB RAM; Node ${r.node}, Next ${r.next ?? "?"}, commit ${r.gitCommit ?? "?"}`,
    `- Command: \`${r.command}\`; ${r.config.users} virtual shoppers (closed loop) for ${r.elapsedS.toFixed(0)} s; mix browse/favourite/order ${r.config.mix.browse}:${r.config.mix.favourite}:${r.config.mix.order} per 20 actions; memory every ${r.config.sampleIntervalS} s; the server's in-memory page cache ${r.config.cacheMemoryMb} MB`,
    "",
    table(header, rows),
    "",
    `5xx: **${r.traffic.all.server5xx}** (must be 0). Orders: ${r.orders.placed} placed (201), ${r.orders.soldOutAnswers} sold out (409, expected), ${r.payments.paidAnswers} paid through the sandbox pay sheet, ${r.payments.expiredUnpaid} cancelled unpaid by the sweeper; ${r.orders.oversoldUnits} units oversold.`,
    "",
    "### Memory",
    "",
    `- ${trendLine(r.memory.rss)}`,
    r.memory.heap ? `- ${trendLine(r.memory.heap)} (reported, not judged)` : "- V8 heap: no GC trace lines in the server log",
    r.memory.liveHeap ? `- ${trendLine(r.memory.liveHeap)} (reported, not judged; ${r.memory.fullGcs} full GCs)` : "- V8 live heap: no full GC during the run",
    `- RSS peak ${mb(r.memory.rssPeakMB)} MB; ${r.memory.samples.length} samples in the JSON report.`,
    "",
    table(
      ["t (s)", "RSS MB", "RSS anon MB", "heap after GC MB", "live heap MB", "heap committed MB", "GCs (full)", "requests"],
      everyMinute.map((s) => [s.tS.toFixed(0), mb(s.rssMB), mb(s.rssAnonMB), mb(s.heapAfterGcMB), mb(s.liveHeapMB), mb(s.heapCommittedMB), `${s.gcs} (${s.fullGcs})`, String(s.requests)]),
    ).replace("| --- | ---: |", "| ---: | ---: |"),
    "",
    "### Database at the end",
    "",
    `- Ledger: ${l.inventoryRows} stock rows, ${l.ledgerRowsSinceBaseline} ledger rows written during the soak; since the baseline ${l.baselineMismatches} mismatches; ` +
      `over all rows ${l.totalMismatches} mismatches (onHand ${l.totals.onHand} = ledger ${l.totals.ledgerOnHand}, reserved ${l.totals.reserved} = ledger ${l.totals.ledgerReserved}); ` +
      `${l.afterValueMismatches} after-value mismatches; ${l.negativeRows} negative, ${l.overReservedRows} over-reserved rows.`,
    `- Orders: ${l.orders.checked} checked line by line against their ledger rows, ${l.orders.lineMismatches} mismatches; ${l.orders.paid} paid, ${l.orders.paidMismatches} of them wrong. ` +
      `Paid answers not PAID in the database: ${r.payments.notPaidInDb}; paid without being asked: ${r.payments.paidUnasked}.`,
    `- Favourites: ${r.favourites.adds} adds, ${r.favourites.removes} removes by ${r.favourites.members} members; ${r.favourites.mismatches} differ from the database.`,
    `- Server: ${r.serverDied === null ? "ran to the end" : `ENDED (${r.serverDied})`}; ${r.serverLogErrors.length} error lines in its log.`,
    "",
    r.failures.length === 0 ? "**All checks PASS.**" : r.failures.map((f) => `- **FAIL** ${f}`).join("\n"),
    "",
  ].join("\n");
}

export function writeSoakReport(r: SoakReport, base: string): { json: string; md: string } {
  fs.mkdirSync(path.dirname(base), { recursive: true });
  const json = `${base}.json`;
  const md = `${base}.md`;
  fs.writeFileSync(json, JSON.stringify(r, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2) + "\n");
  fs.writeFileSync(md, soakMarkdown(r));
  return { json, md };
}
