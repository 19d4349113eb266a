"use client";

import { useId, useState } from "react";
import { isWechatBrowser } from "./code-scanner-env";
import { copyText } from "./share-clipboard";

export type ShareLabels = {
  share: string;
  copy: string;
  copied: string;
  copyFailed: string;
  preparing: string;
  wechatReady: string;
  wechatFailed: string;
  link: string;
};

type Status = { text: string; tone: "info" | "ok" | "error" } | null;

/**
 * One "share" button for a link that carries the guide's code. Inside WeChat it sets the ··· menu's share
 * card (title, description, picture, link) and says to use that menu; elsewhere it copies the link. Either
 * way the link is shown, so a guide can always press and hold it to copy by hand.
 */
export function ShareButton({ url, title, desc, imgUrl, label, labels, testId }: { url: string; title: string; desc: string; imgUrl: string; label?: string; labels: ShareLabels; testId?: string }) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const statusId = useId();

  async function copy() {
    setStatus((await copyText(url)) ? { text: labels.copied, tone: "ok" } : { text: labels.copyFailed, tone: "error" });
  }

  async function share() {
    if (busy) return;
    setOpen(true);
    if (!isWechatBrowser(navigator.userAgent)) return copy();
    setBusy(true);
    setStatus({ text: labels.preparing, tone: "info" });
    try {
      const { setWechatShare } = await import("./share-wechat");
      await setWechatShare({ title, desc, link: url, imgUrl });
      setStatus({ text: labels.wechatReady, tone: "ok" });
    } catch {
      // No JS-SDK (not configured, signature refused, weak network): the link still works when pasted.
      setStatus({ text: labels.wechatFailed, tone: "error" });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="w-full" data-testid={testId}>
      <button
        type="button"
        onClick={() => void share()}
        disabled={busy}
        aria-expanded={open}
        aria-describedby={open ? statusId : undefined}
        className="h-12 w-full rounded-full bg-black px-5 text-base font-medium text-white disabled:opacity-60"
      >
        {label ?? labels.share}
      </button>
      {open ? (
        <div className="mt-2 space-y-2">
          <p
            id={statusId}
            role="status"
            aria-live="polite"
            className={`rounded px-3 py-2 text-sm ${status?.tone === "error" ? "bg-red-50 text-red-700" : status?.tone === "ok" ? "bg-green-50 text-green-800" : "bg-gray-50 text-gray-700"}`}
            data-testid="share-status"
          >
            {status?.text ?? ""}
          </p>
          <label className="block text-xs text-gray-500">
            {labels.link}
            <input
              readOnly
              value={url}
              onFocus={(e) => e.currentTarget.select()}
              className="mt-1 h-12 w-full rounded-lg border border-gray-300 px-3 font-mono text-sm"
              data-testid="share-link"
            />
          </label>
          <button type="button" onClick={() => void copy()} className="h-12 w-full rounded-full border border-gray-300 bg-white text-base font-medium">
            {labels.copy}
          </button>
        </div>
      ) : null}
    </div>
  );
}
