import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { loadStaffProfile } from "@/lib/auth/staff-profile";
import { storeQueue } from "@/lib/orders/queries";
import { storeHolds } from "@/lib/holds/try-on";
import { transferCounts } from "@/lib/transfers/queries";
import { StaffHeader } from "@/components/staff/staff-header";
import { WorkspaceTiles } from "@/components/staff/workspace-tiles";

export const metadata: Metadata = { title: "导购工作台 · Guide workspace", robots: { index: false } };

// The guide workspace (QR code, customers, stock lookup, transfers…) is built by the guide issue.
export default async function GuideHome() {
  const principal = await requirePage("guide.workspace", {}, "/guide");
  if (principal.kind !== "staff") return null;
  const profile = await loadStaffProfile(principal.staffId);
  if (!profile) return null;
  // The store counter's work, for staff who stand in a store (brand and group admins have none).
  const storeId = principal.storeId;
  const [queue, holds, t] = storeId ? await Promise.all([storeQueue(storeId, "prepare", 0), storeHolds(storeId), getTranslations("storeOps")]) : [null, null, null];
  // The guide's own tools (my code, customers, stock): for staff who stand in a store, like the counter.
  const tg = storeId ? await getTranslations("guide") : null;
  const tl = await getTranslations("lookbooks");
  // Out-of-stock demand and transfers (lib/transfers): ask another store; what waits on this one.
  const [tt, waiting] = await Promise.all([getTranslations("transfers.home"), storeId ? transferCounts(storeId) : null]);
  // My results (everyone at a store) and the team (the store manager): lib/commission.
  const tc = storeId ? await getTranslations("commission.home") : null;
  return (
    <main className="mx-auto max-w-screen-sm">
      <StaffHeader title="导购工作台" profile={profile} />
      {tg ? (
        <section className="p-4" aria-labelledby="guide-tools">
          <h2 id="guide-tools" className="mb-3 text-base font-semibold">{tg("home.title")}</h2>
          <WorkspaceTiles
            testId="guide-tile"
            columns={1}
            tiles={[
              { href: "/guide/me", label: tg("home.me"), hint: tg("home.meHint") },
              { href: "/guide/customers", label: tg("home.customers"), hint: tg("home.customersHint") },
              { href: "/guide/stock", label: tg("home.stock"), hint: tg("home.stockHint") },
              { href: "/guide/lookbooks", label: tl("tile"), hint: tl("tileHint") },
            ]}
          />
        </section>
      ) : null}
      {tc ? (
        <section className="px-4" aria-label={tc("results")}>
          <WorkspaceTiles
            testId="commission-tile"
            hintSize="xs"
            tiles={[
              { href: "/guide/results", label: tc("results"), hint: tc("resultsHint") },
              ...(principal.role === "STORE_MANAGER" ? [{ href: "/guide/team", label: tc("team"), hint: tc("teamHint") }] : []),
            ]}
          />
        </section>
      ) : null}
      {queue && holds && t ? (
        <section className="p-4" aria-labelledby="store-counter">
          <h2 id="store-counter" className="mb-3 text-base font-semibold">{t("home.title")}</h2>
          <Link href="/guide/hand-over" className="mb-3 flex h-16 items-center justify-center rounded-2xl bg-black text-lg font-semibold text-white">
            {t("home.handOver")}
          </Link>
          <WorkspaceTiles
            testId="store-tile"
            tiles={[
              { href: "/guide/orders", label: t("home.toPrepare"), count: queue.counts.prepare },
              { href: "/guide/orders?tab=ready", label: t("home.ready"), count: queue.counts.ready },
              { href: "/guide/orders?tab=cashier", label: t("home.cashier"), count: queue.counts.cashier },
              { href: "/guide/orders?tab=ship", label: t("home.toShip"), count: queue.counts.ship },
              { href: "/guide/holds", label: t("home.holds"), count: holds.length },
              { href: "/guide/returns", label: t("home.returns"), count: null },
            ]}
          />
        </section>
      ) : null}
      <section className="p-4" aria-labelledby="guide-transfers">
        <h2 id="guide-transfers" className="mb-3 text-base font-semibold">{tt("title")}</h2>
        <WorkspaceTiles
          testId="transfer-tile"
          tiles={[
            ...(storeId ? [{ href: "/guide/demand", label: tt("demand"), count: null }] : []),
            { href: "/guide/transfers", label: tt("transfers"), count: waiting ? waiting.toHandle + waiting.inTransit : null },
          ]}
        />
      </section>
      <p className="px-4 py-6 text-sm text-gray-600">工作台功能即将上线 · The workspace is coming.</p>
    </main>
  );
}
