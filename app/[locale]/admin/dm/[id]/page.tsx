import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { openBrandConsole } from "@/lib/admin/console";
import { toLocale } from "@/lib/i18n/locales";
import { formatYuan } from "@/lib/money";
import { dmForBuilder } from "@/lib/dm/read";
import { ConsoleShell } from "@/components/admin/console-shell";
import { DmAudienceForm, DmCoverForm, DmDetailsForm, DmItemsEditor, DmPublishBar, DmWindowForm } from "@/components/admin/dm/dm-builder";
import { addDmItemAction, changeDmItemAction, publishDmAction, saveDmAudienceAction, saveDmDetailsAction, saveDmWindowAction, searchDmProductsAction, uploadDmCoverAction } from "../actions";

export const metadata: Metadata = { title: "DM 目录 · DM catalog", robots: { index: false } };

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ brand?: string | string[] }> };

/** A stored UTC instant as the console's datetime-local value, in China time (UTC+8). */
const chinaLocal = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16) : "");

/** The DM catalog builder: details, cover, ordered items with notes, audience, window, publishing, preview. */
export default async function AdminDmBuilder({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(toLocale(locale));
  const c = await openBrandConsole(`/admin/dm/${encodeURIComponent(id)}`, (await searchParams).brand);
  const [dm, t] = await Promise.all([dmForBuilder(c.brand.id, id), getTranslations("dm.admin")]);
  if (!dm) notFound();
  const brandQ = c.role === "ADMIN" ? c.brand.slug : undefined;
  const q = brandQ ? `?brand=${brandQ}` : "";
  const keys = ["saved", "save", "details", "fieldTitle", "fieldNote", "cover", "coverHint", "upload", "noCover", "items", "noItems", "itemNote", "up", "down", "remove", "offSale", "pick", "find", "add", "noResults", "audience", "audienceHint", "tiers", "tags", "members", "stores", "window", "windowHint", "startsAt", "endsAt", "publishing", "publish", "unpublish", "published", "unpublished"] as const;
  const labels = Object.fromEntries(keys.map((k) => [k, t(k)]));
  const base = { brandId: c.brand.id, id: dm.id, labels };
  return (
    <ConsoleShell console={c} section="dm" title={dm.title}>
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm">
        <Link href={`/admin/dm${q}`} className="text-gray-600 underline">{t("backToList")}</Link>
        <span className={`rounded px-2 py-0.5 text-xs ${dm.status === "PUBLISHED" ? "bg-green-50 text-green-800" : "bg-gray-100"}`} data-testid="dm-status">{t(`status.${dm.status}`)}</span>
        <span className="text-gray-600">
          {t("shopLink")}: <code className="rounded bg-gray-50 px-1" data-testid="dm-shop-link">/{c.brand.slug}/dm/{dm.id}</code>
        </span>
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <div className="space-y-4">
          <DmDetailsForm {...base} initial={{ title: dm.title, note: dm.note }} save={saveDmDetailsAction} />
          <DmCoverForm {...base} coverUrl={dm.coverUrl} upload={uploadDmCoverAction} />
          <DmItemsEditor
            {...base}
            items={dm.items.map((i) => ({ itemId: i.itemId, styleCode: i.styleCode, name: locale === "en" ? i.nameEn : i.name, priceText: formatYuan(i.priceFen), note: i.note, onSale: i.onSale }))}
            change={changeDmItemAction}
            search={searchDmProductsAction}
            add={addDmItemAction}
          />
        </div>
        <div className="space-y-4">
          <DmAudienceForm
            {...base}
            initial={{ tiers: dm.audience.tiers, tags: dm.audience.tags.join(", "), members: dm.audience.members.map((m) => m.who.split(" · ")[0]).join("\n"), stores: dm.audience.stores.map((s) => s.code).join(", ") }}
            tierLabels={{ NORMAL: t("tier.NORMAL"), VIP: t("tier.VIP"), SVIP: t("tier.SVIP") }}
            save={saveDmAudienceAction}
          />
          {dm.audience.members.length ? (
            <ul className="-mt-2 px-1 text-xs text-gray-500">
              {dm.audience.members.map((m) => <li key={m.id}>{m.who}</li>)}
            </ul>
          ) : null}
          <DmWindowForm {...base} initial={{ startsAt: chinaLocal(dm.startsAt), endsAt: chinaLocal(dm.endsAt) }} save={saveDmWindowAction} />
          <DmPublishBar {...base} published={dm.status === "PUBLISHED"} save={publishDmAction} />
          <section className="rounded-xl border border-gray-200 p-4" aria-labelledby="dm-preview">
            <h2 id="dm-preview" className="mb-3 font-semibold">{t("previewAs")}</h2>
            <form method="get" action={`/admin/dm/${dm.id}/preview`} className="flex gap-2">
              {brandQ ? <input type="hidden" name="brand" value={brandQ} /> : null}
              <input name="member" required maxLength={64} placeholder={t("previewMember")} aria-label={t("previewMember")} className="h-10 flex-1 rounded-md border border-gray-300 px-3 text-sm" data-testid="dm-preview-member" />
              <button type="submit" className="h-10 rounded-md bg-black px-4 text-sm font-medium text-white">{t("preview")}</button>
            </form>
          </section>
        </div>
      </div>
    </ConsoleShell>
  );
}
