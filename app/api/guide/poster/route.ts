import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { AccessDenied } from "@/lib/auth/policy";
import { apiError, withErrors } from "@/lib/http/errors";
import { guideForRequest } from "@/lib/guides/access";
import { guidePoster } from "@/lib/guides/poster";

// GET → the signed-in guide's poster (PNG; SVG on a server without a CJK font). ?inline=1 shows it in the
// page instead of downloading: WeChat's browser does not download files, so there the guide opens it and
// presses and holds to save it to the album.
export const runtime = "nodejs";

const query = z.object({ inline: z.enum(["1"]).optional() });

export async function GET(request: NextRequest) {
  return withErrors(async () => {
    const parsed = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!parsed.success) return apiError("bad_request", "参数无效 / Invalid parameters");
    const access = await guideForRequest();
    if ("denied" in access) {
      const denied = new AccessDenied(access.denied, "guide.workspace");
      return NextResponse.json({ error: { code: access.denied, message: denied.message } }, { status: denied.status });
    }
    const poster = await guidePoster(access.guide);
    const filename = `poster.${poster.extension}`;
    return new Response(poster.body, {
      headers: {
        "content-type": poster.contentType,
        "content-disposition": `${parsed.data.inline ? "inline" : "attachment"}; filename="${filename}"`,
        // The guide's own poster: not for shared caches.
        "cache-control": "private, max-age=300",
        "x-poster-format": poster.extension,
      },
    });
  });
}
