import QRCode from "qrcode";
import { publicBaseUrl } from "@/lib/site";

/** The QR code (SVG) of a short link /s/<code>, as printed on tags and posters. */
export async function shortLinkQrSvg(code: string, baseUrl = publicBaseUrl()): Promise<string> {
  return QRCode.toString(`${baseUrl}/s/${code}`, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/** Any short text as a QR code (SVG), e.g. a pickup code "MCPU:…" shown to staff at the counter. */
export async function textQrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
