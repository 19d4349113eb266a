"use client";

import { useState, useTransition } from "react";
import { holdToTryOnAction, type TryOnResult } from "./try-on-actions";

// Bilingual in one line like the domain's messages: the product page is cached and shared by both languages.
const LABELS = {
  hold: "预留试穿 / Hold to try on",
  holding: "预留中… / Holding…",
  heldUntil: (time: string) => `已为你预留至 ${time} / Held for you until ${time}`,
  signIn: "登录 / Sign in",
  myHolds: "我的预留 / My holds",
};

const hhmm = new Intl.DateTimeFormat("zh-CN", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Shanghai" });

/** One store row's "hold this size for me to try on" (shown once a size is chosen and the store has it). */
export function TryOnButton({ brand, storeCode, skuId }: { brand: string; storeCode: string; skuId: string }) {
  const [result, setResult] = useState<TryOnResult | null>(null);
  const [pending, startTransition] = useTransition();
  if (result?.ok) {
    return (
      <span className="mt-1 block text-[11px] text-ok" role="status" data-testid="try-on-held">
        {LABELS.heldUntil(hhmm.format(new Date(result.until)))} · <a href={`/${brand}/orders#holds`} className="underline">{LABELS.myHolds}</a>
      </span>
    );
  }
  return (
    <span className="mt-1 block">
      <button
        type="button"
        disabled={pending}
        onClick={() => startTransition(async () => setResult(await holdToTryOnAction({ brand, storeCode, skuId })))}
        className="rounded-full border border-brand px-2 py-0.5 text-[11px] text-brand disabled:opacity-60"
        data-testid="try-on-hold"
      >
        {pending ? LABELS.holding : LABELS.hold}
      </button>
      {result && !result.ok ? (
        <span role="alert" className="mt-0.5 block text-[11px] text-warn">
          {result.message}
          {result.signIn ? <> · <a href={`/${brand}/sign-in`} className="underline">{LABELS.signIn}</a></> : null}
        </span>
      ) : null}
    </span>
  );
}
