import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { parseListParams } from "@/lib/admin/list-params";
import { API_KEY_SORTS, listApiKeys, type ApiKeyListRow } from "@/lib/erp/keys";
import { toLocale } from "@/lib/i18n/locales";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DataTable, type Column } from "@/components/admin/data-table";
import { CreateKeyForm } from "@/components/admin/api-keys/create-key-form";
import { RevokeKeyButton } from "@/components/admin/api-keys/revoke-key-button";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API 密钥 · API keys", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The brand's ERP/POS API keys: create (secret shown once), list (server-paged), revoke. */
export default async function ApiKeysPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole("/admin/api-keys", raw.brand);
  const list = parseListParams(raw, { sorts: API_KEY_SORTS, defaultSort: "createdAt", defaultDir: "desc" });
  const [page, t] = await Promise.all([listApiKeys(c.brand.id, list), getTranslations("erp")]);
  const when = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
  const revokeLabels = { button: t("revoke.button"), confirm: t("revoke.confirm"), yes: t("revoke.yes"), cancel: t("revoke.cancel") };
  const columns: Column<ApiKeyListRow>[] = [
    { key: "name", label: t("list.name"), sort: "name", cell: (k) => k.name },
    { key: "prefix", label: t("list.prefix"), cell: (k) => <code className="font-mono text-xs">{k.prefix}</code> },
    { key: "rateLimit", label: t("list.rateLimit"), align: "right", cell: (k) => k.rateLimit },
    { key: "createdAt", label: t("list.createdAt"), sort: "createdAt", cell: (k) => when.format(k.createdAt) },
    { key: "lastUsedAt", label: t("list.lastUsedAt"), sort: "lastUsedAt", cell: (k) => (k.lastUsedAt ? when.format(k.lastUsedAt) : t("list.never")) },
    {
      key: "status",
      label: t("list.status"),
      cell: (k) => (k.revokedAt ? <span className="text-gray-500">{`${t("list.revoked")} ${when.format(k.revokedAt)}`}</span> : <span className="text-green-700">{t("list.active")}</span>),
    },
    { key: "actions", label: t("list.actions"), cell: (k) => (k.revokedAt ? null : <RevokeKeyButton brandId={c.brand.id} id={k.id} labels={revokeLabels} revoke={revokeApiKeyAction} />) },
  ];
  return (
    <ConsoleShell console={c} section="apiKeys" title={t("title")}>
      <p className="mb-4 text-sm text-gray-600">{t("intro")}</p>
      <CreateKeyForm
        brandId={c.brand.id}
        create={createApiKeyAction}
        labels={{
          heading: t("create.heading"),
          name: t("create.name"),
          namePlaceholder: t("create.namePlaceholder"),
          rateLimit: t("create.rateLimit"),
          submit: t("create.submit"),
          creating: t("create.creating"),
          secretHeading: t("create.secretHeading"),
          warning: t("create.warning"),
          copy: t("create.copy"),
          copied: t("create.copied"),
          done: t("create.done"),
        }}
      />
      <DataTable
        path="/admin/api-keys"
        page={page}
        state={list}
        columns={columns}
        rowKey={(k) => k.id}
        extra={{ brand: c.role === "ADMIN" ? c.brand.slug : undefined }}
        searchLabel={t("list.search")}
        testId="api-keys-table"
      />
    </ConsoleShell>
  );
}
