"use client";

import { useEffect, useRef, useState } from "react";
import { signIn } from "next-auth/react";

type Labels = Record<"button" | "useProfile" | "completing" | "failed", string>;

/**
 * Shopper sign-in inside WeChat. The button starts WeChat web OAuth in our own route (silent snsapi_base;
 * snsapi_userinfo when the shopper asks to use their WeChat nickname and avatar). When WeChat has sent
 * the shopper back (`complete`), the server-set one-time ticket is redeemed through next-auth.
 */
// WeChat's round trip drops our query string, so the return path waits in this tab's sessionStorage.
const RETURN_KEY = "mc_return_to";

export function WechatSignIn({ brand, labels, complete, error, returnTo }: { brand: string; labels: Labels; complete: boolean; error: string | null; returnTo: string }) {
  const [useProfile, setUseProfile] = useState(false);
  const [message, setMessage] = useState<string | null>(error);
  const [pending, setPending] = useState(complete);
  const started = useRef(false);

  useEffect(() => {
    if (!complete || started.current) return;
    started.current = true;
    void signIn("wechat", { brand, redirect: false }).then((result) => {
      if (result?.ok && !result.error) {
        document.cookie = "mc_fav=; Max-Age=0; path=/"; // merged into the member by the sign-in
        let target = returnTo;
        try {
          target = sessionStorage.getItem(RETURN_KEY) ?? returnTo;
          sessionStorage.removeItem(RETURN_KEY);
        } catch {
          /* private mode: the member centre will do */
        }
        window.location.assign(target.startsWith(`/${brand}/`) ? target : `/${brand}/me`);
        return;
      }
      setPending(false);
      setMessage(result?.error && result.error !== "CredentialsSignin" ? result.error : labels.failed);
    });
  }, [brand, complete, labels.failed, returnTo]);

  const href = `/api/auth/wechat/authorize?brand=${encodeURIComponent(brand)}${useProfile ? "&scope=userinfo" : ""}`;
  return (
    <div className="space-y-3" data-testid="wechat-sign-in">
      {message ? <p role="alert" data-testid="wechat-sign-in-message" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">{message}</p> : null}
      <a
        href={href}
        onClick={() => {
          try {
            sessionStorage.setItem(RETURN_KEY, returnTo);
          } catch {
            /* private mode */
          }
        }}
        aria-disabled={pending}
        className={`flex h-11 w-full items-center justify-center rounded-full bg-[#07c160] text-sm font-medium text-white ${pending ? "pointer-events-none opacity-60" : ""}`}
      >
        {pending ? labels.completing : labels.button}
      </a>
      <label className="flex items-center gap-2 text-xs text-muted">
        <input type="checkbox" checked={useProfile} onChange={(e) => setUseProfile(e.target.checked)} />
        {labels.useProfile}
      </label>
    </div>
  );
}
