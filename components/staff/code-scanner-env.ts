// Pure decisions behind components/staff/code-scanner.tsx, kept apart so they are tested without a browser.

/** WeChat's in-app browser (the only place wx.scanQRCode exists). */
export function isWechatBrowser(userAgent: string): boolean {
  return /MicroMessenger/i.test(userAgent);
}

/**
 * The URL wx.config must be signed for. Android signs the page as it is now. iOS WeChat keeps the URL the
 * page was first opened at (pushState navigations do not change what it checks), so there it is the
 * document's navigation entry. Both without the #fragment.
 */
export function urlToSign({ href, entryUrl, userAgent }: { href: string; entryUrl?: string | null; userAgent: string }): string {
  const ios = /iPhone|iPad|iPod/i.test(userAgent);
  const url = ios && entryUrl ? entryUrl : href;
  return url.split("#")[0] ?? "";
}

// The format names WeChat puts before a barcode's digits ("EAN_13,6901234567892"). A QR code's text comes bare.
const WECHAT_FORMAT_PREFIX = /^(?:EAN_13|EAN_8|UPC_A|UPC_E|CODE_128|CODE_39|CODE_93|ITF|CODABAR|QR_CODE|DATA_MATRIX|PDF_417|AZTEC),/;

/** What was printed in the code: wx.scanQRCode's resultStr without WeChat's own "FORMAT," wrapper. */
export function textFromWechatScan(resultStr: string): string {
  return resultStr.replace(WECHAT_FORMAT_PREFIX, "");
}

/** A typed code as the staff meant it: surrounding spaces (from pasting) dropped; null when nothing is left. */
export function typedCode(input: string): string | null {
  const code = input.trim();
  return code ? code : null;
}

export type CameraProblem = "denied" | "no_camera" | "in_use" | "unsupported" | "failed";

/** Why getUserMedia (through @zxing/browser) failed, from the DOMException's name, for a message staff can act on. */
export function cameraProblem(error: unknown): CameraProblem {
  const name = typeof error === "object" && error !== null && "name" in error ? String((error as { name: unknown }).name) : "";
  switch (name) {
    case "NotAllowedError":
    case "PermissionDeniedError": // older WebViews
    case "SecurityError":
      return "denied";
    case "NotFoundError":
    case "DevicesNotFoundError":
    case "OverconstrainedError":
      return "no_camera";
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return "in_use";
    default:
      return "failed";
  }
}
