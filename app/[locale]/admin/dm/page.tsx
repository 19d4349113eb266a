import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { openBrandConsole } from "@/lib/admin/console";
import { listHref, parseListParams, type RawSearchParams } from "@/lib/admin/list-params";
import { toLocale } from "@/lib/i18n/locales";
import { DM_SORTS, listDmCatalogs, type DmListRow } from "@/lib/dm/read";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DataTable, type Column } from "@/components/admin/data-table";

export const metadata: Metadata = { title: "DM 目录 · DM catalogs", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

const statusParam = z.enum(["DRAFT", "PUBLISHED"]).optional().catch(undefined);

/** The brand's DM catalogs: title search, status filter, sortable columns, pages, all on the server. */
export default async function AdminDmList({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole("/admin/dm", raw.brand);
  const list = parseListParams(raw, { sorts: DM_SORTS, defaultSort: "createdAt", defaultDir: "desc" });
  const status = statusParam.parse(Array.isArray(raw.status) ? raw.status[0] : raw.status);
  const [page, t] = await Promise.all([listDmCatalogs(c.brand.id, list, status), getTranslations("dm.admin")]);
  const brandQ = c.role === "ADMIN" ? c.brand.slug : undefined;
  const q = brandQ ? `?brand=${brandQ}` : "";
  const when = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
  const fmt = (d: Date | null) => (d ? when.format(d) : "—");
  const columns: Column<DmListRow>[] = [
    { key: "title", label: t("col.title"), sort: "title", cell: (r) => <Link href={`/admin/dm/${r.id}${q}`} className="font-medium underline-offset-2 hover:underline" data-testid="dm-row-link">{r.title}</Link> },
    { key: "status", label: t("col.status"), cell: (r) => <span className={`rounded px-1.5 py-0.5 text-xs ${r.status === "PUBLISHED" ? "bg-green-50 text-green-800" : "bg-gray-100"}`}>{t(`status.${r.status}`)}</span> },
    { key: "items", label: t("col.items"), align: "right", cell: (r) => r.items },
    { key: "rules", label: t("col.rules"), align: "right", cell: (r) => r.rules },
    { key: "window", label: t("col.window"), sort: "endsAt", cell: (r) => (r.startsAt || r.endsAt ? `${fmt(r.startsAt)} – ${fmt(r.endsAt)}` : t("open")) },
    { key: "publishedAt", label: t("col.publishedAt"), sort: "publishedAt", cell: (r) => fmt(r.publishedAt) },
    { key: "createdAt", label: t("col.createdAt"), sort: "createdAt", cell: (r) => fmt(r.createdAt) },
    { key: "author", label: t("col.author"), cell: (r) => r.author },
  ];
  const filterHref = (s?: string) => listHref("/admin/dm", { brand: brandQ, q: list.q || undefined, sort: list.sort, dir: list.dir }, { status: s });
  return (
    <ConsoleShell console={c} section="dm" title={t("title")}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t("col.status")} className="flex gap-2 text-sm">
          {([undefined, "DRAFT", "PUBLISHED"] as const).map((s) => (
            <Link key={s ?? "all"} href={filterHref(s)} aria-current={status === s ? "page" : undefined} className={`rounded-full px-3 py-1 ${status === s ? "bg-black text-white" : "bg-gray-100"}`}>
              {s ? t(`status.${s}`) : t("all")}
            </Link>
          ))}
        </nav>
        <Link href={`/admin/dm/new${q}`} className="rounded-md bg-black px-4 py-2 text-sm font-medium text-white" data-testid="dm-new">{t("new")}</Link>
      </div>
      <DataTable path="/admin/dm" page={page} state={list} columns={columns} rowKey={(r) => r.id} extra={{ brand: brandQ, status }} searchLabel={t("search")} testId="dm-table" />
    </ConsoleShell>
  );
}
