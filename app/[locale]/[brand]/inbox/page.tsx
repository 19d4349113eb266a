import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getBrand } from "@/lib/catalog/cached";
import { toLocale } from "@/lib/i18n/locales";
import { currentPrincipal } from "@/lib/auth/session";
import { decide } from "@/lib/auth/policy";
import { memberInbox } from "@/lib/inbox/messages";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxMessageCard } from "@/components/shop/inbox-message";
import { openInboxMessageAction } from "./actions";

type Params = Promise<{ locale: string; brand: string }>;

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: toLocale(locale), namespace: "inbox" });
  return { title: t("title"), robots: { index: false } };
}

// The member's messages of this brand, newest first: arrival notices of transfers (pick up / deliver in one
// tap), later a guide's picks. Members only (the proxy's member gate redirects anyone else to sign in).
export default async function InboxPage({ params }: { params: Params }) {
  const { locale, brand: slug } = await params;
  setRequestLocale(toLocale(locale));
  const brand = await getBrand(slug);
  if (!brand) notFound();
  const principal = await currentPrincipal();
  if (decide(principal, "member.self") !== "allow" || principal.kind !== "member") redirect(`/${slug}/sign-in?next=${encodeURIComponent(`/${slug}/inbox`)}`);
  const [messages, t] = await Promise.all([memberInbox(principal.memberId, brand.id), getTranslations("inbox")]);
  const when = new Intl.DateTimeFormat(locale, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Shanghai" });
  const labels = { unread: t("unread"), pickUp: t("pickUp"), deliver: t("deliver"), open: t("open") };
  return (
    <div className="py-4">
      <h1 className="px-4 text-lg font-semibold">{t("title")}</h1>
      {messages.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyHint")} action={{ href: `/${slug}`, label: t("browse") }} />
      ) : (
        <ul className="mt-3 space-y-3 px-4" data-testid="inbox">
          {messages.map((m) => (
            <InboxMessageCard key={m.id} brand={slug} message={{ ...m, when: when.format(m.createdAt) }} labels={labels} open={openInboxMessageAction} />
          ))}
        </ul>
      )}
    </div>
  );
}
