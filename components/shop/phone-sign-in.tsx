"use client";

import { useEffect, useRef, useState } from "react";
import { signIn } from "next-auth/react";

type Labels = Record<"phone" | "code" | "sendCode" | "resendIn" | "signIn" | "signingIn" | "devBanner" | "failed", string>;

/** Shopper sign-in outside WeChat: mobile number, a 6-digit code by SMS, then back where the shopper was (or the member centre). */
export function PhoneSignIn({ brand, labels, returnTo }: { brand: string; labels: Labels; returnTo: string }) {
  const [phone, setPhone] = useState("");
  const [code, setCode] = useState("");
  const [cooldown, setCooldown] = useState(0);
  const [devCode, setDevCode] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const phoneInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  // On a slow phone the shopper may type before this script has run: keep what is already in the fields.
  useEffect(() => {
    if (phoneInput.current?.value) setPhone(phoneInput.current.value);
    if (codeInput.current?.value) setCode(codeInput.current.value);
  }, []);

  useEffect(() => {
    if (cooldown <= 0) return;
    const t = setTimeout(() => setCooldown((c) => c - 1), 1000);
    return () => clearTimeout(t);
  }, [cooldown]);

  async function sendCode() {
    setMessage(null);
    const res = await fetch("/api/auth/otp", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ phone }) });
    const data = await res.json().catch(() => ({}));
    if (res.ok) {
      setCooldown(data.cooldownSeconds ?? 60);
      setDevCode(data.devCode ?? null);
    } else {
      setMessage(data.error?.message ?? labels.failed);
      if (data.error?.retryAfterSeconds) setCooldown(data.error.retryAfterSeconds);
    }
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPending(true);
    setMessage(null);
    const result = await signIn("phone", { phone, code, brand, redirect: false });
    setPending(false);
    if (result?.ok && !result.error) {
      document.cookie = "mc_fav=; Max-Age=0; path=/"; // merged into the member by the sign-in
      window.location.assign(returnTo);
    }
    else setMessage(result?.error && result.error !== "CredentialsSignin" ? result.error : labels.failed);
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      {devCode ? (
        <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="dev-code-banner">
          {labels.devBanner} <strong>{devCode}</strong>
        </p>
      ) : null}
      <label className="block text-sm">
        {labels.phone}
        <input ref={phoneInput} value={phone} onChange={(e) => setPhone(e.target.value)} type="tel" inputMode="tel" autoComplete="tel" required className="mt-1 h-11 w-full rounded-lg border border-line px-3 text-base" />
      </label>
      <div className="flex items-end gap-2">
        <label className="block flex-1 text-sm">
          {labels.code}
          <input ref={codeInput} value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="one-time-code" maxLength={6} required className="mt-1 h-11 w-full rounded-lg border border-line px-3 text-base tracking-widest" />
        </label>
        <button type="button" onClick={sendCode} disabled={cooldown > 0 || phone.length < 11} className="h-11 shrink-0 rounded-lg border border-brand px-3 text-sm text-brand disabled:border-line disabled:text-muted">
          {cooldown > 0 ? labels.resendIn.replace("{s}", String(cooldown)) : labels.sendCode}
        </button>
      </div>
      {message ? <p role="alert" data-testid="sign-in-message" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">{message}</p> : null}
      <button type="submit" disabled={pending} className="h-11 w-full rounded-full bg-brand text-sm font-medium text-white disabled:opacity-60">
        {pending ? labels.signingIn : labels.signIn}
      </button>
    </form>
  );
}
