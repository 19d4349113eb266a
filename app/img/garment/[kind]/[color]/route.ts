import { z } from "zod";
import { GARMENT_KINDS, GARMENT_VIEWS, garmentSvg } from "@/lib/catalog/garment-svg";

// Product imagery of the demo catalog: /img/garment/<kind>/<hex>?v=front|back → a flat SVG illustration.
// The picture depends only on the URL, so it is cached forever; bad input is a 404, never a 500.
const params = z.object({
  kind: z.enum(GARMENT_KINDS),
  color: z.string().regex(/^[0-9a-fA-F]{6}$/),
  view: z.enum(GARMENT_VIEWS).default("front"),
});

export async function GET(req: Request, { params: routeParams }: { params: Promise<{ kind: string; color: string }> }) {
  const { kind, color } = await routeParams;
  const view = new URL(req.url).searchParams.get("v") ?? undefined;
  const parsed = params.safeParse({ kind, color, view });
  if (!parsed.success) {
    return new Response("未找到图片 / image not found", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=3600" },
    });
  }
  const svg = garmentSvg(parsed.data.kind, `#${parsed.data.color}`, parsed.data.view);
  return new Response(svg, {
    headers: {
      "content-type": "image/svg+xml",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
