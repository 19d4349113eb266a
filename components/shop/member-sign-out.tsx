"use client";

import { signOut } from "next-auth/react";

export function MemberSignOut({ brand, label }: { brand: string; label: string }) {
  async function leave() {
    await signOut({ redirect: false });
    // This device's favourites belonged to the member: the next person on a shared phone must not see them.
    document.cookie = "mc_fav=; Max-Age=0; path=/";
    window.location.assign(`/${brand}/me`);
  }
  return (
    <button type="button" onClick={leave} className="mt-6 w-full rounded-full border border-line py-2.5 text-sm">
      {label}
    </button>
  );
}
