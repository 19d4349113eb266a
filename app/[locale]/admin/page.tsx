import type { Metadata } from "next";
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
      <p className="px-4 py-6 text-sm text-gray-600">管理功能即将上线 · The console is coming.</p>
    </main>
  );
}
