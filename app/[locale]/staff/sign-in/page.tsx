import type { Metadata } from "next";
import { StaffSignInForm } from "@/components/staff/staff-sign-in-form";

export const metadata: Metadata = { title: "员工登录 · Staff sign-in", robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Only our own paths may follow a sign-in (no open redirect). */
function safeNext(value: unknown): string {
  return typeof value === "string" && /^\/(guide|admin|staff)(\/[\w\-/]*)?$/.test(value) ? value : "/staff";
}

export default async function StaffSignInPage({ searchParams }: { searchParams: Search }) {
  const next = safeNext((await searchParams).next);
  return (
    <main className="mx-auto max-w-sm px-6 py-12">
      <h1 className="text-xl font-semibold">员工登录</h1>
      <p className="text-sm text-gray-500">Staff sign-in · 导购 · 店长 · 品牌管理员</p>
      <StaffSignInForm next={next} />
    </main>
  );
}
