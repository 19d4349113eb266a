import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { toLocale } from "@/lib/i18n/locales";
import { lookbookCustomers, MAX_ITEMS } from "@/lib/lookbooks/service";
import { StaffHeader } from "@/components/staff/staff-header";
import { LookbookForm } from "@/components/staff/lookbook-form";
import { requireLookbookGuidePage } from "../_shared";
import { createLookbookAction, searchLookbookProductsAction } from "../actions";

export const metadata: Metadata = { title: "新建搭配 · New lookbook", robots: { index: false } };

export default async function NewLookbookPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const { guide, profile } = await requireLookbookGuidePage("/guide/lookbooks/new");
  const [customers, t] = await Promise.all([lookbookCustomers(guide), getTranslations("lookbooks")]);
  const labels = {
    title: t("formTitle"), titlePlaceholder: t("formTitlePlaceholder"), note: t("formNote"), search: t("search"), searchButton: t("searchButton"),
    noResults: t("noResults"), add: t("add"), added: t("added"), remove: t("remove"), picked: t.raw("picked") as string, itemNote: t("itemNote"),
    customers: t("customers"), noCustomers: t("noCustomers"), send: t("send"), sending: t("sending"),
  };
  return (
    <main className="mx-auto max-w-screen-sm pb-8">
      <StaffHeader title={t("new")} profile={profile} />
      <LookbookForm customers={customers.map((c) => ({ memberId: c.memberId, who: c.who }))} max={MAX_ITEMS} labels={labels} search={searchLookbookProductsAction} create={createLookbookAction} />
    </main>
  );
}
