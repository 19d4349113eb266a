import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { parseListParams, type RawSearchParams } from "@/lib/admin/list-params";
import { brandParam, enumFilter, textFilter } from "@/lib/admin/filters";
import { toLocale } from "@/lib/i18n/locales";
import { brandMemberTags, listBrandMembers, MEMBER_SORTS, TIERS } from "@/lib/members/admin";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DataTable } from "@/components/admin/data-table";
import { consoleTime, FilterBar } from "@/components/admin/people/filter-bar";

export const metadata: Metadata = { title: "会员 · Members", robots: { index: false } };

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> };

export default async function MembersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const c = await openBrandConsole("/admin/members", raw.brand);
  const t = await getTranslations("adminPeople");
  const list = parseListParams(raw, { sorts: MEMBER_SORTS, defaultSort: "joinedAt", defaultDir: "desc" });
  const tier = enumFilter(raw, "tier", TIERS);
  const tag = textFilter(raw, "tag", 20);
  const [page, tags] = await Promise.all([listBrandMembers(c.brand.id, list, { tier, tag }), brandMemberTags(c.brand.id)]);
  const brand = brandParam(raw);
  const suffix = brand ? `?brand=${brand}` : "";
  const when = consoleTime(locale);
  return (
    <ConsoleShell console={c} section="members" title={t("members.title")}>
      <FilterBar
        path="/admin/members"
        keep={{ brand, q: list.q || undefined, sort: list.sort, dir: list.dir }}
        applyLabel={t("filter.apply")}
        clearLabel={t("filter.clear")}
        fields={[
          { kind: "select", name: "tier", label: t("members.tier"), value: tier, anyLabel: t("filter.any"), options: TIERS.map((x) => ({ value: x, label: t(`tiers.${x}`) })) },
          { kind: "select", name: "tag", label: t("members.tags"), value: tag, anyLabel: t("filter.any"), options: tags.map((x) => ({ value: x, label: x })) },
        ]}
      />
      <DataTable
        path="/admin/members"
        page={page}
        state={list}
        extra={{ brand, tier, tag }}
        searchLabel={t("members.search")}
        testId="member-list"
        rowKey={(r) => r.id}
        columns={[
          { key: "phone", label: t("members.phone"), cell: (r) => <Link href={`/admin/members/${r.id}${suffix}`} className="font-mono underline" data-testid="member-row-link">{r.member.phone ?? "—"}</Link> },
          { key: "nickname", label: t("members.nickname"), cell: (r) => r.member.nickname || "—" },
          { key: "tier", label: t("members.tier"), cell: (r) => t(`tiers.${r.tier}`) },
          { key: "tags", label: t("members.tags"), cell: (r) => r.tags.map((x) => x.tag).join("、") || "—" },
          { key: "points", label: t("members.points"), sort: "points", align: "right", cell: (r) => r.points },
          { key: "joinedAt", label: t("members.joinedAt"), sort: "joinedAt", cell: (r) => when(r.joinedAt) },
        ]}
      />
    </ConsoleShell>
  );
}
