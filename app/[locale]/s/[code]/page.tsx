import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { openScene } from "@/lib/scenes/resolve";

// A scanned QR code or short link: record the scan, go straight to its product or store (no home detour).
export const dynamic = "force-dynamic";

export default async function ShortLink({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ to?: string | string[] }> }) {
  const { code } = await params;
  const { to } = await searchParams;
  const target = await openScene(code, (await headers()).get("user-agent") ?? "", typeof to === "string" ? to : undefined);
  if (!target) notFound();
  redirect(target.path);
}
