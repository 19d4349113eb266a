import { IMMUTABLE, mediaStorage } from "@/lib/storage";

// Uploaded pictures. Keys are content hashes, so a URL's bytes never change: cached for a year. With
// MEDIA_STORAGE=s3 and no S3_PUBLIC_URL the bytes come from the bucket through here.
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const { key } = await params;
  let object;
  try {
    object = await mediaStorage().get(key.join("/"));
  } catch (error) {
    // A misconfigured or unreachable bucket: the team reads why in the log; the browser gets no detail of it.
    console.error("[media] GET", error);
    return Response.json({ error: { code: "storage_unavailable", message: "图片暂时无法读取 / The picture cannot be read right now" } }, { status: 502 });
  }
  if (!object) return Response.json({ error: { code: "not_found", message: "图片不存在 / No such picture" } }, { status: 404 });
  return new Response(new Uint8Array(object.bytes), {
    headers: { "content-type": object.contentType, "cache-control": IMMUTABLE, "x-content-type-options": "nosniff" },
  });
}
