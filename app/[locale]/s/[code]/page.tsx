import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { openScene } from "@/lib/scenes/resolve";

// A scanned QR code or short link: record the scan, go straight to its product or store (no home detour).
export const dynamic = "force-dynamic";

export default async function ShortLink({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const target = await openScene(code, (await headers()).get("user-agent") ?? "");
  if (!target) notFound();
  redirect(target.path);
}
