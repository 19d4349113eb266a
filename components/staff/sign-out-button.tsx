"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  // redirect: false, then our own relative navigation: next-auth would build an absolute URL from NEXTAUTH_URL.
  async function leave() {
    await signOut({ redirect: false });
    window.location.assign("/staff/sign-in");
  }
  async function leaveEverywhere() {
    await fetch("/api/auth/sign-out-everywhere", { method: "POST" });
    window.location.assign("/staff/sign-in");
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <button type="button" onClick={leave} className="rounded-full border border-gray-300 px-4 py-2 text-sm">
        退出登录 Sign out
      </button>
      <button type="button" onClick={leaveEverywhere} className="text-xs text-gray-500 underline">
        退出所有设备 Sign out everywhere
      </button>
    </div>
  );
}
