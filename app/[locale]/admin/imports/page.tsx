import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { parseListParams, type RawSearchParams } from "@/lib/admin/list-params";
import { toLocale } from "@/lib/i18n/locales";
import { IMPORT_SORTS, listImports, storesForExport } from "@/lib/imports/service";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DataTable } from "@/components/admin/data-table";
import { buttonClass, fieldClass } from "@/components/admin/form-status";
import { ImportPanel, type ImportPanelLabels } from "@/components/admin/imports/import-panel";

export const metadata: Metadata = { title: "导入导出 · Imports", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

const KINDS = ["PRODUCTS", "PRICES", "STOCK"] as const;
const STATUSES = ["VALIDATING", "INVALID", "READY", "APPLYING", "APPLIED", "FAILED", "HELD"] as const;

export default async function ImportsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const sp = await searchParams;
  const c = await openBrandConsole("/admin/imports", sp.brand);
  const t = await getTranslations("imports");
  const list = parseListParams(sp, { sorts: IMPORT_SORTS, defaultSort: "createdAt", defaultDir: "desc" });
  const [page, stores] = await Promise.all([listImports(c.brand.id, list), storesForExport(c.brand.id)]);
  const slug = c.role === "ADMIN" ? c.brand.slug : undefined;
  const job = typeof sp.job === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(sp.job) ? sp.job : undefined;
  const brandQuery = `brand=${c.brand.slug}`;
  const when = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { dateStyle: "short", timeStyle: "short", timeZone: "Asia/Shanghai" });

  const labels: ImportPanelLabels = {
    kind: t("upload.kind"), file: t("upload.file"), submit: t("upload.submit"), tooLarge: t("upload.tooLarge"), noFile: t("upload.noFile"),
    apply: t("apply"), resume: t("resume"), applying: t("applying"),
    kinds: Object.fromEntries(KINDS.map((k) => [k, t(`kinds.${k}`)])) as ImportPanelLabels["kinds"],
    columns: Object.fromEntries(KINDS.map((k) => [k, t(`columns.${k}`)])) as ImportPanelLabels["columns"],
    status: Object.fromEntries(STATUSES.map((s) => [s, t(`status.${s}`)])) as ImportPanelLabels["status"],
    progress: { checking: t.raw("progress.checking"), applying: t.raw("progress.applying"), done: t.raw("progress.done"), ready: t.raw("progress.ready"), invalid: t.raw("progress.invalid"), stalled: t.raw("progress.stalled"), interrupted: t.raw("progress.interrupted"), refused: t.raw("progress.refused"), held: t.raw("progress.held") },
    held: { href: `/admin/stock-feeds?status=HELD${slug ? `&brand=${slug}` : ""}`, link: t("heldLink") },
    errors: { heading: t("errors.heading"), row: t("errors.row"), field: t("errors.field"), message: t("errors.message"), more: t.raw("errors.more"), download: t("errors.download") },
  };

  return (
    <ConsoleShell console={c} section="imports" title={t("title")}>
      <div className="space-y-8">
        <section aria-labelledby="import-heading">
          <h2 id="import-heading" className="text-lg font-semibold">{t("upload.heading")}</h2>
          <p className="mb-3 text-xs text-gray-500">{t("upload.hint")}</p>
          <ImportPanel brand={c.brand.slug} initialJobId={job} labels={labels} />
        </section>

        <section aria-labelledby="export-heading" data-testid="exports">
          <h2 id="export-heading" className="mb-3 text-lg font-semibold">{t("export.heading")}</h2>
          <ul className="mb-3 flex flex-wrap gap-3 text-sm">
            <li><a className="underline" href={`/api/admin/exports/products?${brandQuery}`} data-testid="export-products">{t("export.products")}</a></li>
            <li><a className="underline" href={`/api/admin/exports/prices?${brandQuery}`} data-testid="export-prices">{t("export.prices")}</a></li>
            <li><a className="underline" href={`/api/admin/exports/stock?${brandQuery}`} data-testid="export-stock">{t("export.stockAll")}</a></li>
          </ul>
          <form method="get" action="/api/admin/exports/stock" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="brand" value={c.brand.slug} />
            <label className="text-sm">
              {t("export.stockStore")}
              <select name="store" className={fieldClass} data-testid="export-store">
                {stores.map((s) => (
                  <option key={s.code} value={s.code}>{s.code} · {s.name}</option>
                ))}
              </select>
            </label>
            <button type="submit" className={buttonClass}>{t("export.download")}</button>
          </form>
        </section>

        <section aria-labelledby="history-heading">
          <h2 id="history-heading" className="mb-3 text-lg font-semibold">{t("history.heading")}</h2>
          <DataTable
            path="/admin/imports"
            page={page}
            state={list}
            extra={{ brand: slug }}
            searchLabel={t("history.search")}
            testId="import-history"
            rowKey={(r) => r.id}
            columns={[
              { key: "createdAt", label: t("history.when"), sort: "createdAt", cell: (r) => when.format(r.createdAt) },
              { key: "fileName", label: t("history.file"), sort: "fileName", cell: (r) => r.fileName },
              { key: "kind", label: t("history.kind"), cell: (r) => t(`kinds.${r.kind}`) },
              { key: "status", label: t("history.status"), sort: "status", cell: (r) => t(`status.${r.status}`) },
              { key: "totalRows", label: t("history.rows"), sort: "totalRows", align: "right", cell: (r) => r.totalRows.toLocaleString() },
              { key: "appliedRows", label: t("history.applied"), align: "right", cell: (r) => r.appliedRows.toLocaleString() },
              { key: "errorCount", label: t("history.errors"), align: "right", cell: (r) => r.errorCount.toLocaleString() },
              {
                key: "open",
                label: "",
                cell: (r) => (
                  <a className="underline" href={`/admin/imports?${new URLSearchParams({ ...(slug ? { brand: slug } : {}), job: r.id }).toString()}`}>{t("history.open")}</a>
                ),
              },
            ]}
          />
        </section>
      </div>
    </ConsoleShell>
  );
}
