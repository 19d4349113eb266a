import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/session";
import { loadStaffProfile } from "@/lib/auth/staff-profile";
import { StaffHeader } from "@/components/staff/staff-header";

export const metadata: Metadata = { title: "导购工作台 · Guide workspace", robots: { index: false } };

// The guide workspace (QR code, customers, stock lookup, transfers…) is built by the guide issue.
export default async function GuideHome() {
  const principal = await requirePage("guide.workspace", {}, "/guide");
  if (principal.kind !== "staff") return null;
  const profile = await loadStaffProfile(principal.staffId);
  if (!profile) return null;
  return (
    <main className="mx-auto max-w-screen-sm">
      <StaffHeader title="导购工作台" profile={profile} />
      <p className="px-4 py-6 text-sm text-gray-600">工作台功能即将上线 · The workspace is coming.</p>
    </main>
  );
}
