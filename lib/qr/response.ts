import { shortLinkQrSvg } from "./svg";
import { apiError } from "@/lib/http/errors";

export async function qrResponse(code: string | null): Promise<Response> {
  if (!code) return apiError("not_found", "二维码不存在 / No such QR code");
  return new Response(await shortLinkQrSvg(code), {
    headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
}
