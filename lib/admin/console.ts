import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePage } from "@/lib/auth/session";
import { loadStaffProfile } from "@/lib/auth/staff-profile";
import { getBrands } from "@/lib/catalog/cached";

export type ConsoleBrand = { id: string; slug: string; name: string };

export type BrandConsole = {
  staffId: string;
  /** "staff:<id>", as ledgers and the audit log name the actor. */
  actor: string;
  role: "ADMIN" | "BRAND_ADMIN";
  brand: ConsoleBrand;
  /** The brands the group admin may switch between; empty for a brand admin (their brand only). */
  brands: ConsoleBrand[];
  profile: NonNullable<Awaited<ReturnType<typeof loadStaffProfile>>>;
};

const brandSlug = z.string().regex(/^[a-z0-9-]{1,40}$/);

/**
 * Every brand console page starts here: who (sign-in first, before anything is looked up), which brand (a brand
 * admin's own; the group admin's ?brand=slug, else the first), and whether they reach it (403 otherwise, logged).
 * A brand admin naming another brand's slug is refused rather than silently shown their own.
 */
export async function openBrandConsole(path: string, askedSlug?: string | string[]): Promise<BrandConsole> {
  const principal = await requirePage("brand.manage", {}, path);
  if (principal.kind !== "staff" || (principal.role !== "ADMIN" && principal.role !== "BRAND_ADMIN")) notFound();
  const brands = await getBrands();
  const asked = brandSlug.safeParse(askedSlug);
  const brand = asked.success
    ? brands.find((b) => b.slug === asked.data)
    : principal.brandId
      ? brands.find((b) => b.id === principal.brandId)
      : brands[0];
  if (!brand) notFound();
  await requirePage("brand.manage", { brandId: brand.id }, path);
  const profile = await loadStaffProfile(principal.staffId);
  if (!profile) notFound();
  return {
    staffId: principal.staffId,
    actor: `staff:${principal.staffId}`,
    role: principal.role,
    brand: { id: brand.id, slug: brand.slug, name: brand.name },
    brands: principal.role === "ADMIN" ? brands.map((b) => ({ id: b.id, slug: b.slug, name: b.name })) : [],
    profile,
  };
}
