"use client";

import { signOut } from "next-auth/react";

export function MemberSignOut({ brand, label }: { brand: string; label: string }) {
  async function leave() {
    await signOut({ redirect: false });
    window.location.assign(`/${brand}/me`);
  }
  return (
    <button type="button" onClick={leave} className="mt-6 w-full rounded-full border border-line py-2.5 text-sm">
      {label}
    </button>
  );
}
