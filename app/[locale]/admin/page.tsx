import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { loadStaffProfile } from "@/lib/auth/staff-profile";
import { StaffHeader } from "@/components/staff/staff-header";

export const metadata: Metadata = { title: "品牌管理后台 · Admin console", robots: { index: false } };

// The console (catalogs, stock, dashboards, imports) is built by the admin issue.
export default async function AdminHome() {
  const principal = await requirePage("brand.manage", {}, "/admin");
  if (principal.kind !== "staff") return null;
  const profile = await loadStaffProfile(principal.staffId);
  if (!profile) return null;
  return (
    <main className="mx-auto max-w-screen-lg">
      <StaffHeader title="品牌管理后台" profile={profile} />
      <nav aria-label="管理 / Manage" className="px-4 pt-4">
        <Link href="/admin/commission" className="inline-flex h-11 items-center rounded-lg border border-gray-300 px-4 text-sm font-medium" data-testid="admin-commission-link">
          佣金与绑定 / Commission and binding
        </Link>
      </nav>
      <p className="px-4 py-6 text-sm text-gray-600">管理功能即将上线 · The console is coming.</p>
    </main>
  );
}
