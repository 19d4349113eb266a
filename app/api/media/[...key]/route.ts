import { mediaStorage } from "@/lib/storage";

// Uploaded pictures. Keys are content hashes, so a URL's bytes never change: cached for a year.
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const { key } = await params;
  const object = await mediaStorage().get(key.join("/"));
  if (!object) return Response.json({ error: { code: "not_found", message: "图片不存在 / No such picture" } }, { status: 404 });
  return new Response(new Uint8Array(object.bytes), {
    headers: { "content-type": object.contentType, "cache-control": "public, max-age=31536000, immutable", "x-content-type-options": "nosniff" },
  });
}
