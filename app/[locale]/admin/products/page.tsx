import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { openBrandConsole } from "@/lib/admin/console";
import { listHref, parseListParams, type RawSearchParams } from "@/lib/admin/list-params";
import { listStyles, STYLE_SORTS, STYLE_STATUSES, type StyleRow } from "@/lib/catalog/admin-queries";
import { formatYuan } from "@/lib/money";
import { toLocale } from "@/lib/i18n/locales";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DataTable, type Column } from "@/components/admin/data-table";

export const metadata: Metadata = { title: "商品 · Products", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

/** The brand's styles: search by style code, name or GTIN, sort, active filter, paged on the server. */
export default async function AdminProductsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole("/admin/products", raw.brand);
  const list = parseListParams(raw, { sorts: STYLE_SORTS, defaultSort: "styleCode" });
  const status = z.enum(STYLE_STATUSES).catch("all").parse(Array.isArray(raw.status) ? raw.status[0] : raw.status);
  const [page, t] = await Promise.all([listStyles(c.brand.id, list, status), getTranslations("adminCatalog.products")]);
  const brand = c.role === "ADMIN" ? c.brand.slug : undefined;
  const brandQuery = brand ? `?brand=${brand}` : "";
  const day = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
  const columns: Column<StyleRow>[] = [
    { key: "styleCode", label: t("styleCode"), sort: "styleCode", cell: (r) => <Link href={`/admin/products/${r.id}${brandQuery}`} className="font-medium underline" data-testid={`style-${r.styleCode}`}>{r.styleCode}</Link> },
    { key: "name", label: t("name"), sort: "name", cell: (r) => <span>{r.name}<span className="block text-xs text-gray-500">{r.nameEn}</span></span> },
    { key: "category", label: t("category"), cell: (r) => r.category },
    { key: "price", label: t("price"), sort: "price", align: "right", cell: (r) => <span>{formatYuan(r.priceFen)}{r.listPriceFen ? <s className="block text-xs text-gray-500">{formatYuan(r.listPriceFen)}</s> : null}</span> },
    { key: "skus", label: t("skus"), align: "right", cell: (r) => r.skuCount },
    { key: "launchedAt", label: t("launchedAt"), sort: "launchedAt", cell: (r) => day.format(r.launchedAt) },
    { key: "createdAt", label: t("createdAt"), sort: "createdAt", cell: (r) => day.format(r.createdAt) },
    { key: "active", label: t("status"), cell: (r) => (r.active ? t("active") : <span className="text-gray-500">{t("inactive")}</span>) },
  ];
  const state = { q: list.q, sort: list.sort, dir: list.dir };
  const current = { brand, q: list.q || undefined, sort: list.sort, dir: list.dir, status: status === "all" ? undefined : status };
  return (
    <ConsoleShell console={c} section="products" title={t("title")}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t("filter")} className="flex gap-2 text-sm">
          {STYLE_STATUSES.map((s) => (
            <Link key={s} href={listHref("/admin/products", current, { status: s === "all" ? undefined : s })} aria-current={s === status ? "page" : undefined} className={`rounded-full px-3 py-1 ${s === status ? "bg-black text-white" : "bg-gray-100"}`}>
              {t(`status_${s}`)}
            </Link>
          ))}
        </nav>
        <Link href={`/admin/products/new${brandQuery}`} className="rounded-md bg-black px-4 py-2 text-sm font-medium text-white" data-testid="style-new">{t("new")}</Link>
      </div>
      <DataTable path="/admin/products" page={page} state={state} columns={columns} rowKey={(r) => r.id} extra={{ brand, status: status === "all" ? undefined : status }} searchLabel={t("search")} testId="styles-table" />
    </ConsoleShell>
  );
}
