import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { openBrandConsole } from "@/lib/admin/console";
import { parseListParams, type RawSearchParams } from "@/lib/admin/list-params";
import { brandParam } from "@/lib/admin/filters";
import { toLocale } from "@/lib/i18n/locales";
import { staffDisplayNames } from "@/lib/staff/admin";
import { formatYuan } from "@/lib/money";
import { brandMember, memberBrandOrders, memberPointsHistory, TIERS } from "@/lib/members/admin";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DataTable } from "@/components/admin/data-table";
import { ActionForm, inputClass, labelClass } from "@/components/admin/people/action-form";
import { consoleTime } from "@/components/admin/people/filter-bar";
import { addMemberTagAction, adjustMemberPointsAction, removeMemberTagAction, setMemberTierAction } from "../actions";

export const metadata: Metadata = { title: "会员 · Member", robots: { index: false } };

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<RawSearchParams> };

export default async function MemberPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(toLocale(locale));
  const raw = await searchParams;
  const path = `/admin/members/${encodeURIComponent(id)}`;
  const c = await openBrandConsole(path, raw.brand);
  const memberBrandId = z.string().min(1).max(64).safeParse(id);
  const mb = memberBrandId.success ? await brandMember(c.brand.id, memberBrandId.data) : null;
  if (!mb) notFound();
  const list = parseListParams(raw, { sorts: ["createdAt"], defaultSort: "createdAt", defaultDir: "desc", pageSize: 10 });
  const [t, history, orders] = await Promise.all([getTranslations("adminPeople"), memberPointsHistory(mb.id, list), memberBrandOrders(c.brand.id, mb.member.id)]);
  const names = await staffDisplayNames(history.rows.map((r) => r.actor));
  const brand = brandParam(raw);
  const suffix = brand ? `?brand=${brand}` : "";
  const when = consoleTime(locale);
  const hidden = (
    <>
      <input type="hidden" name="brandId" value={c.brand.id} />
      <input type="hidden" name="memberBrandId" value={mb.id} />
    </>
  );
  return (
    <ConsoleShell console={c} section="members" title={t("members.title")}>
      <Link href={`/admin/members${suffix}`} className="text-sm text-gray-600 underline">{t("back")}</Link>
      <dl className="my-4 grid max-w-3xl grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-4">
        <dt className="text-gray-500">{t("members.phone")}</dt>
        <dd className="font-mono">{mb.member.phone ?? "—"}</dd>
        <dt className="text-gray-500">{t("members.nickname")}</dt>
        <dd>{mb.member.nickname || "—"}</dd>
        <dt className="text-gray-500">{t("members.tier")}</dt>
        <dd data-testid="member-tier">{t(`tiers.${mb.tier}`)}</dd>
        <dt className="text-gray-500">{t("members.points")}</dt>
        <dd className="tabular-nums" data-testid="member-points">{mb.points}</dd>
        <dt className="text-gray-500">{t("members.joinedAt")}</dt>
        <dd>{when(mb.joinedAt)}</dd>
      </dl>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <section>
          <h2 className="mb-2 text-sm font-semibold">{t("members.tier")}</h2>
          <ActionForm action={setMemberTierAction} submitLabel={t("save")} workingLabel={t("working")} savedText={t("saved")} testId="member-tier-form" resetOnSave={false}>
            {hidden}
            <label className={labelClass}>
              {t("members.tier")}
              <select name="tier" defaultValue={mb.tier} className={inputClass} data-testid="member-tier-select">
                {TIERS.map((x) => (
                  <option key={x} value={x}>{t(`tiers.${x}`)}</option>
                ))}
              </select>
            </label>
          </ActionForm>
        </section>
        <section>
          <h2 className="mb-2 text-sm font-semibold">{t("members.tags")}</h2>
          <ul className="mb-2 flex flex-wrap gap-2" data-testid="member-tags">
            {mb.tags.length === 0 ? <li className="text-sm text-gray-500">—</li> : null}
            {mb.tags.map((x) => (
              <li key={x.tag} className="flex items-center gap-1 rounded-full bg-gray-100 px-3 py-1 text-sm">
                <span>{x.tag}</span>
                <ActionForm action={removeMemberTagAction} submitLabel="×" workingLabel="…" savedText={t("saved")} testId="member-tag-remove" className="inline-flex">
                  {hidden}
                  <input type="hidden" name="tag" value={x.tag} />
                </ActionForm>
              </li>
            ))}
          </ul>
          <ActionForm action={addMemberTagAction} submitLabel={t("members.addTag")} workingLabel={t("working")} savedText={t("saved")} testId="member-tag-add">
            {hidden}
            <label className={labelClass}>
              {t("members.tag")}
              <input name="tag" required maxLength={20} className={inputClass} data-testid="member-tag-input" />
            </label>
          </ActionForm>
        </section>
        <section className="xl:col-span-2">
          <h2 className="mb-2 text-sm font-semibold">{t("members.adjustPoints")}</h2>
          <p className="mb-2 text-xs text-gray-500">{t("members.adjustHint")}</p>
          <ActionForm action={adjustMemberPointsAction} submitLabel={t("members.adjust")} workingLabel={t("working")} savedText={t("saved")} testId="points-adjust">
            {hidden}
            <label className={labelClass}>
              {t("members.delta")}
              <input name="delta" required inputMode="numeric" className={`${inputClass} w-32`} data-testid="points-delta" />
            </label>
            <label className={labelClass}>
              {t("members.reason")}
              <input name="reason" required maxLength={200} className={`${inputClass} w-80`} data-testid="points-reason" />
            </label>
          </ActionForm>
        </section>
      </div>
      <h2 className="mb-2 mt-6 text-sm font-semibold">{t("members.history")}</h2>
      <DataTable
        path={path}
        page={history}
        state={list}
        extra={{ brand }}
        testId="points-history"
        searchable={false}
        rowKey={(r) => r.id}
        columns={[
          { key: "createdAt", label: t("members.when"), cell: (r) => when(r.createdAt) },
          { key: "delta", label: t("members.delta"), align: "right", cell: (r) => (r.delta > 0 ? `+${r.delta}` : r.delta) },
          { key: "balanceAfter", label: t("members.balanceAfter"), align: "right", cell: (r) => r.balanceAfter },
          { key: "reason", label: t("members.reason"), cell: (r) => r.reason },
          { key: "actor", label: t("members.actor"), cell: (r) => names.get(r.actor) ?? r.actor },
        ]}
      />
      <h2 className="mb-2 mt-6 text-sm font-semibold">{t("members.orders")}</h2>
      {orders.length === 0 ? (
        <p className="text-sm text-gray-500">{t("members.noOrders")}</p>
      ) : (
        <table className="w-full max-w-4xl text-left text-sm" data-testid="member-orders">
          <tbody>
            {orders.map((o) => (
              <tr key={o.id} className="border-t border-gray-100">
                <td className="py-2 pr-3 font-mono"><Link href={`/admin/orders/${o.number}${suffix}`} className="underline">{o.number}</Link></td>
                <td className="py-2 pr-3">{o.status}</td>
                <td className="py-2 pr-3">{o.fulfilment}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatYuan(o.totalFen)}</td>
                <td className="py-2">{when(o.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ConsoleShell>
  );
}
