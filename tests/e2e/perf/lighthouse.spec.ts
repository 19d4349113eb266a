import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { read } from "../support/e2e-db";
import { TARGETS, auditPage, launchChrome, summaryMarkdown, type PageAudit } from "./lighthouse-audit";

// Issue 7 point 3: Lighthouse mobile on the shopper home, a category page and a product page of the
// production build the e2e web server runs (playwright.config.ts, project "lighthouse"; runs after the
// other projects so it has the 2 cores to itself). Reports and summary: bench-results/lighthouse/.
const outDir = path.join(process.cwd(), "bench-results", "lighthouse");

function pagesToAudit(baseURL: string) {
  const category = read<{ slug: string }>(
    `SELECT c.slug FROM Category c JOIN Brand b ON b.id = c.brandId WHERE b.slug = 'lumi' AND c.parentId IS NULL ORDER BY c.sort, c.slug LIMIT 1`,
  );
  const product = read<{ styleCode: string }>(
    `SELECT p.styleCode FROM Product p JOIN Brand b ON b.id = p.brandId WHERE b.slug = 'lumi' AND p.active = 1 ORDER BY p.styleCode LIMIT 1`,
  );
  return [
    { page: "home", url: `${baseURL}/lumi` },
    { page: "category", url: `${baseURL}/lumi/c/${category.slug}` },
    { page: "product", url: `${baseURL}/lumi/p/${product.styleCode}` },
  ];
}

test("home, category and product pages meet the Lighthouse mobile targets", async ({ request, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const pages = pagesToAudit(baseURL!);
  // Render and cache each page (ISR) and its pictures once, so Lighthouse measures the page a shopper gets.
  for (const { url } of pages) {
    const response = await request.get(url);
    expect(response.status(), `${url} answers 200`).toBe(200);
  }

  const chrome = await launchChrome();
  const audits: PageAudit[] = [];
  let chromeVersion = "Chromium";
  try {
    const version = (await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()) as { Browser?: string };
    chromeVersion = version.Browser ?? chromeVersion;
    for (const { page, url } of pages) audits.push(await auditPage(chrome.port, page, url, outDir));
  } finally {
    await chrome.kill();
  }

  const summary = summaryMarkdown(audits, chromeVersion);
  fs.writeFileSync(path.join(outDir, "summary.md"), summary);
  fs.writeFileSync(path.join(outDir, "summary.json"), JSON.stringify({ at: new Date().toISOString(), chromeVersion, targets: TARGETS, audits }, null, 2));
  await testInfo.attach("lighthouse-summary.md", { body: summary, contentType: "text/markdown" });
  console.log(summary);

  for (const a of audits) {
    const where = `${a.page} (${new URL(a.url).pathname}, report ${path.relative(process.cwd(), a.reportFile)})`;
    expect.soft(a.performance, `${where}: performance ${a.performance}, target ≥ ${TARGETS.performance}`).toBeGreaterThanOrEqual(TARGETS.performance);
    expect.soft(a.accessibility, `${where}: accessibility ${a.accessibility}, target ≥ ${TARGETS.accessibility}`).toBeGreaterThanOrEqual(TARGETS.accessibility);
    expect.soft(a.bestPractices, `${where}: best practices ${a.bestPractices}, target ≥ ${TARGETS.bestPractices}`).toBeGreaterThanOrEqual(TARGETS.bestPractices);
    expect.soft(a.lcpMs, `${where}: LCP ${a.lcpMs} ms, target ≤ ${TARGETS.lcpMs} ms`).toBeLessThanOrEqual(TARGETS.lcpMs);
    expect.soft(a.cls, `${where}: CLS ${a.cls}, target ≤ ${TARGETS.cls}`).toBeLessThanOrEqual(TARGETS.cls);
    expect.soft(a.firstLoadJs.files, `${where}: first-load JS measured`).toBeGreaterThan(0);
  }
});
