import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { parseListParams, type RawSearchParams } from "@/lib/admin/list-params";
import { listStores, STORE_SORTS, type StoreRow } from "@/lib/stores/admin-queries";
import { toLocale } from "@/lib/i18n/locales";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DataTable, type Column } from "@/components/admin/data-table";

export const metadata: Metadata = { title: "门店 · Stores", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

/** The brand's stores: search by code, name or city; sort; paged on the server. */
export default async function AdminStoresPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole("/admin/stores", raw.brand);
  const list = parseListParams(raw, { sorts: STORE_SORTS, defaultSort: "code" });
  const [page, t] = await Promise.all([listStores(c.brand.id, list), getTranslations("adminCatalog.store")]);
  const brand = c.role === "ADMIN" ? c.brand.slug : undefined;
  const brandQuery = brand ? `?brand=${brand}` : "";
  const yes = (on: boolean) => (on ? "✓" : "—");
  const columns: Column<StoreRow>[] = [
    { key: "code", label: t("code"), sort: "code", cell: (r) => <Link href={`/admin/stores/${r.code}${brandQuery}`} className="font-medium underline" data-testid={`store-${r.code}`}>{r.code}</Link> },
    { key: "name", label: t("name"), sort: "name", cell: (r) => r.name },
    { key: "city", label: t("city"), sort: "city", cell: (r) => `${r.city} ${r.district}` },
    { key: "kind", label: t("kind"), sort: "kind", cell: (r) => t(`kind_${r.kind}`) },
    { key: "pickup", label: t("pickupShort"), cell: (r) => yes(r.pickupEnabled) },
    { key: "delivery", label: t("deliveryShort"), cell: (r) => yes(r.deliveryEnabled) },
    { key: "safety", label: t("safetyStock"), align: "right", cell: (r) => r.safetyStock },
    { key: "active", label: t("active"), cell: (r) => (r.active ? yes(true) : <span className="text-gray-500">{t("closed")}</span>) },
  ];
  return (
    <ConsoleShell console={c} section="stores" title={t("title")}>
      <div className="mb-3 flex justify-end">
        <Link href={`/admin/stores/new${brandQuery}`} className="rounded-md bg-black px-4 py-2 text-sm font-medium text-white" data-testid="store-new">{t("new")}</Link>
      </div>
      <DataTable path="/admin/stores" page={page} state={{ q: list.q, sort: list.sort, dir: list.dir }} columns={columns} rowKey={(r) => r.id} extra={{ brand }} searchLabel={t("search")} testId="stores-table" />
    </ConsoleShell>
  );
}
