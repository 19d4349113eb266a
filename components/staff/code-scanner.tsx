"use client";

import { useEffect, useId, useRef, useState } from "react";
import { cameraProblem, isWechatBrowser, typedCode, type CameraProblem } from "./code-scanner-env";

export interface CodeScannerLabels {
  /** The main button inside WeChat (WeChat's own scanner). */
  scan: string;
  /** The main button elsewhere, and the fallback inside WeChat. */
  scanWithCamera: string;
  stopCamera: string;
  /** The typed input's label. */
  codeLabel: string;
  codePlaceholder: string;
  submit: string;
  preparing: string;
  cameraStarting: string;
  cameraScanning: string;
  codeRead: string;
  cancelled: string;
  wechatUnavailable: string;
  emptyCode: string;
  busy: string;
  cameraDenied: string;
  cameraMissing: string;
  cameraInUse: string;
  cameraUnsupported: string;
  cameraFailed: string;
}

export const DEFAULT_CODE_SCANNER_LABELS: CodeScannerLabels = {
  scan: "扫码 Scan",
  scanWithCamera: "用摄像头扫码 Scan with camera",
  stopCamera: "停止扫码 Stop",
  codeLabel: "取货码 Pickup code",
  codePlaceholder: "或手动输入 Or type it",
  submit: "确认 OK",
  preparing: "正在准备微信扫一扫… Preparing WeChat scan…",
  cameraStarting: "正在打开摄像头… Opening the camera…",
  cameraScanning: "请将二维码对准取景框 Point the camera at the code",
  codeRead: "已读取 Code read",
  cancelled: "已取消扫码 Scan cancelled",
  wechatUnavailable: "微信扫一扫不可用，请用摄像头扫码 WeChat scan is unavailable; use the camera",
  emptyCode: "请输入取货码 Enter the code",
  busy: "处理中… Working…",
  cameraDenied: "无法使用摄像头：请在设置中允许访问摄像头，或手动输入 Camera access was denied: allow it in settings, or type the code",
  cameraMissing: "未找到摄像头，请手动输入 No camera found; type the code",
  cameraInUse: "摄像头正被其他应用使用，请关闭后重试 The camera is in use by another app; close it and retry",
  cameraUnsupported: "此浏览器无法使用摄像头，请手动输入 This browser cannot use the camera; type the code",
  cameraFailed: "摄像头扫码失败，请重试或手动输入 Camera scanning failed; retry or type the code",
};

const PROBLEM_LABEL: Record<CameraProblem, keyof CodeScannerLabels> = {
  denied: "cameraDenied",
  no_camera: "cameraMissing",
  in_use: "cameraInUse",
  unsupported: "cameraUnsupported",
  failed: "cameraFailed",
};

type Mode = "idle" | "wechat" | "camera-starting" | "camera";
type Status = { text: string; tone: "info" | "error" } | null;

/**
 * How staff read a shopper's pickup code: WeChat's own scanner inside WeChat, the phone's camera
 * elsewhere (or when WeChat's fails), and always a typed input. Hands the code's raw text to onCode;
 * checking it is the caller's job.
 */
export function CodeScanner({ onCode, labels: given, busy = false }: { onCode(code: string): void; labels?: Partial<CodeScannerLabels>; busy?: boolean }) {
  const labels = { ...DEFAULT_CODE_SCANNER_LABELS, ...given };
  const inputId = useId();
  const statusId = useId();
  const [mode, setMode] = useState<Mode>("idle");
  const [status, setStatus] = useState<Status>(null);
  const [typed, setTyped] = useState("");
  // null until known on the client: the server render cannot see the user agent's WeChat.
  const [inWechat, setInWechat] = useState<boolean | null>(null);
  const [wechatFailed, setWechatFailed] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const typedRef = useRef<HTMLInputElement>(null);
  const stopCameraRef = useRef<(() => void) | null>(null);
  // Bumped to cancel a camera start still waiting for permission when the user stops or leaves.
  const attemptRef = useRef(0);
  // The camera's callback outlives the render that started it: call the caller's latest onCode.
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  });

  useEffect(() => {
    const wechat = isWechatBrowser(navigator.userAgent);
    setInWechat(wechat);
    if (!wechat) return;
    // Configured ahead of the tap, so WeChat's sheet opens at once; loaded only inside WeChat.
    import("./code-scanner-wechat")
      .then(({ prepareWechatScan }) => prepareWechatScan())
      .catch(() => setWechatFailed(true));
  }, []);

  // The camera must not stay on after the page is left.
  useEffect(
    () => () => {
      attemptRef.current++;
      stopCameraRef.current?.();
      stopCameraRef.current = null;
    },
    [],
  );

  function stopCamera() {
    attemptRef.current++;
    stopCameraRef.current?.();
    stopCameraRef.current = null;
    setMode("idle");
  }

  function deliver(text: string) {
    setStatus({ text: labels.codeRead, tone: "info" });
    onCodeRef.current(text);
  }

  async function startCamera(notice?: Status) {
    const attempt = ++attemptRef.current;
    setStatus(notice ?? { text: labels.cameraStarting, tone: "info" });
    if (!navigator.mediaDevices?.getUserMedia) {
      // No camera API at all: plain http, or an old WebView.
      setStatus({ text: labels.cameraUnsupported, tone: "error" });
      return;
    }
    setMode("camera-starting");
    try {
      // Loaded on the tap, not with the page: the decoder is most of this component's weight.
      // QR only: pickup codes are QR codes, and @zxing/library 0.23's multi-format reader logs a warning
      // on every frame without a code (zxing-js/library#648).
      const { BrowserQRCodeReader } = await import("@zxing/browser");
      if (attempt !== attemptRef.current) return;
      const reader = new BrowserQRCodeReader();
      const video = videoRef.current;
      if (!video) throw new Error("no video element");
      let done = false;
      const controls = await reader.decodeFromConstraints(
        { audio: false, video: { facingMode: { ideal: "environment" } } },
        video,
        (result, _error, running) => {
          // Errors here are "nothing in this frame yet"; only a result matters.
          if (!result || done) return;
          done = true;
          running.stop();
          stopCameraRef.current = null;
          setMode("idle");
          deliver(result.getText());
        },
      );
      if (attempt !== attemptRef.current || done) {
        controls.stop(); // stopped or unmounted while the permission prompt was up
        return;
      }
      stopCameraRef.current = () => controls.stop();
      setMode("camera");
      setStatus({ text: labels.cameraScanning, tone: "info" });
    } catch (error) {
      if (attempt !== attemptRef.current) return;
      setMode("idle");
      setStatus({ text: labels[PROBLEM_LABEL[cameraProblem(error)]], tone: "error" });
    }
  }

  async function scan() {
    if (busy) return;
    if (!inWechat || wechatFailed) return startCamera();
    setMode("wechat");
    setStatus({ text: labels.preparing, tone: "info" });
    try {
      const { scanWithWechat } = await import("./code-scanner-wechat");
      const outcome = await scanWithWechat();
      setMode("idle");
      if (outcome.kind === "cancelled") setStatus({ text: labels.cancelled, tone: "info" });
      else deliver(outcome.text);
    } catch {
      // Script blocked, signature refused, scanQRCode failed: the camera still works in WeChat's browser.
      setWechatFailed(true);
      setMode("idle");
      await startCamera({ text: labels.wechatUnavailable, tone: "info" });
    }
  }

  useEffect(() => {
    if (typedRef.current?.value) setTyped(typedRef.current.value); // typed before hydration
  }, []);

  function submitTyped(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    // What the field shows: on a slow phone staff may have typed before this script ran, so React's state lags.
    const code = typedCode(typed || typedRef.current?.value || "");
    if (!code) {
      setStatus({ text: labels.emptyCode, tone: "error" });
      return;
    }
    setStatus(null);
    onCodeRef.current(code);
  }

  const cameraOn = mode === "camera" || mode === "camera-starting";
  const useWechat = inWechat === true && !wechatFailed;
  const statusText = busy ? labels.busy : status?.text;

  return (
    <div className="space-y-4" aria-busy={busy}>
      <div className={cameraOn ? "relative overflow-hidden rounded-2xl bg-black" : "hidden"}>
        {/* muted + playsInline: iOS plays inline only so; without them the preview opens full screen or not at all. */}
        <video ref={videoRef} muted playsInline className="aspect-square w-full object-cover" data-testid="code-scanner-video" />
        <div aria-hidden className="pointer-events-none absolute inset-[15%] rounded-xl border-2 border-white/80" />
      </div>

      {cameraOn ? (
        <button type="button" onClick={stopCamera} className="h-14 w-full rounded-full border border-gray-300 bg-white text-base font-medium">
          {labels.stopCamera}
        </button>
      ) : (
        <button
          type="button"
          onClick={() => void scan()}
          disabled={busy || mode === "wechat" || inWechat === null}
          className="h-14 w-full rounded-full bg-black text-base font-medium text-white disabled:opacity-60"
          data-testid="code-scanner-scan"
        >
          {useWechat ? labels.scan : labels.scanWithCamera}
        </button>
      )}

      <p
        id={statusId}
        role="status"
        aria-live="polite"
        className={
          statusText
            ? status?.tone === "error" && !busy
              ? "rounded bg-red-50 px-3 py-2 text-sm text-red-700"
              : "rounded bg-gray-50 px-3 py-2 text-sm text-gray-700"
            : "sr-only"
        }
        data-testid="code-scanner-status"
      >
        {statusText ?? ""}
      </p>

      <form onSubmit={submitTyped} className="space-y-2">
        <label htmlFor={inputId} className="block text-sm">
          {labels.codeLabel}
        </label>
        <div className="flex gap-2">
          <input
            id={inputId}
            name="code"
            ref={typedRef}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder={labels.codePlaceholder}
            inputMode="text"
            autoCapitalize="characters"
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="go"
            maxLength={128}
            aria-describedby={statusId}
            disabled={busy}
            className="h-14 min-w-0 flex-1 rounded-lg border border-gray-300 px-3 font-mono text-lg tracking-widest placeholder:font-sans placeholder:text-base placeholder:tracking-normal placeholder:normal-case disabled:bg-gray-50"
            data-testid="code-scanner-input"
          />
          <button type="submit" disabled={busy} className="h-14 shrink-0 rounded-lg bg-black px-5 text-base font-medium text-white disabled:opacity-60">
            {labels.submit}
          </button>
        </div>
      </form>
    </div>
  );
}
