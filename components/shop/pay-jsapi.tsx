"use client";

import { useCallback, useEffect, useRef, useState } from "react";

// Inside WeChat: hand the signed prepay parameters to WeChat's own pay sheet, then wait for the payment
// notification to reach the server (WeChat's "ok" is only the client's view) before opening the order.

type JsapiParams = { appId: string; timeStamp: string; nonceStr: string; package: string; signType: "RSA"; paySign: string };
type Bridge = { invoke(name: "getBrandWCPayRequest", params: JsapiParams, callback: (res: { err_msg?: string }) => void): void };
declare global {
  interface Window {
    WeixinJSBridge?: Bridge;
  }
}

const POLL_MS = 1500;
const POLL_TRIES = 20;

export function PayJsapi(props: { brand: string; number: string; params: JsapiParams; labels: Record<"pay" | "paying" | "confirming" | "cancelled" | "failed" | "notWechat" | "slow" | "viewOrder", string> }) {
  const [state, setState] = useState<"idle" | "paying" | "confirming" | "cancelled" | "failed" | "notWechat" | "slow">("idle");
  const started = useRef(false);
  const orderUrl = `/${props.brand}/orders/${props.number}`;

  const waitForServer = useCallback(async () => {
    setState("confirming");
    for (let i = 0; i < POLL_TRIES; i++) {
      const res = await fetch(`/api/shop/orders/${props.number}/status`, { cache: "no-store" }).catch(() => null);
      const data = res?.ok ? ((await res.json()) as { status: string }) : null;
      if (data && data.status !== "PLACED") return window.location.assign(orderUrl);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    setState("slow");
  }, [props.number, orderUrl]);

  const pay = useCallback(() => {
    const bridge = window.WeixinJSBridge;
    if (!bridge) return setState("notWechat");
    setState("paying");
    bridge.invoke("getBrandWCPayRequest", props.params, (res) => {
      const msg = res.err_msg ?? "";
      if (msg.endsWith(":ok")) void waitForServer();
      else setState(msg.endsWith(":cancel") ? "cancelled" : "failed");
    });
  }, [props.params, waitForServer]);

  // Open WeChat's sheet at once: the shopper already tapped "place order".
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (window.WeixinJSBridge) pay();
    else document.addEventListener("WeixinJSBridgeReady", pay, { once: true });
    const t = setTimeout(() => !window.WeixinJSBridge && setState((s) => (s === "idle" ? "notWechat" : s)), 3000);
    return () => clearTimeout(t);
  }, [pay]);

  const l = props.labels;
  const message = state === "cancelled" ? l.cancelled : state === "failed" ? l.failed : state === "notWechat" ? l.notWechat : state === "slow" ? l.slow : state === "confirming" ? l.confirming : null;
  return (
    <div className="mt-6 space-y-3" data-testid="pay-jsapi">
      {message ? <p role="status" className="rounded bg-gray-50 px-3 py-2 text-sm">{message}</p> : null}
      <button type="button" onClick={pay} disabled={state === "paying" || state === "confirming"} className="h-12 w-full rounded-lg bg-[#07c160] text-base font-medium text-white disabled:opacity-60">
        {state === "paying" || state === "confirming" ? l.paying : l.pay}
      </button>
      <a href={orderUrl} className="block text-center text-sm text-muted underline">{l.viewOrder}</a>
    </div>
  );
}
