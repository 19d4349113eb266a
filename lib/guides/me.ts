import "server-only";
import { db } from "@/lib/db";
import { shortLinkQrSvg } from "@/lib/qr/svg";
import { publicBaseUrl } from "@/lib/site";
import type { GuideActor } from "./access";
import { guideSceneCode } from "./scene";
import { absoluteUrl, guideLink, guideShareUrl, productPath } from "./share";

// "My code" (/guide/me): who the guide is, their QR code and link, and products to share with the code
// attached. Everything the page and the share buttons need, read in one place.

export type ShareableProduct = {
  styleCode: string;
  name: string;
  priceFen: number;
  /** Absolute: WeChat's share card fetches it from its own servers. */
  imageUrl: string | null;
  shareUrl: string;
};

export type GuideCard = {
  name: string;
  store: { code: string; name: string; mallName: string; city: string };
  brand: { slug: string; name: string; colorPrimary: string; colorAccent: string; colorInk: string };
  sceneCode: string;
  link: string;
  qrSvg: string;
  /** The brand's logo, absolute: the picture of the guide's own share card. */
  imageUrl: string;
};

const SHARE_LIST_LENGTH = 12;

async function shareableProducts(brandId: string, brandSlug: string, sceneCode: string, query: string): Promise<ShareableProduct[]> {
  const baseUrl = publicBaseUrl();
  const q = query.trim().slice(0, 40);
  const rows = await db.product.findMany({
    where: { brandId, active: true, ...(q ? { OR: [{ styleCode: { startsWith: q.toUpperCase() } }, { name: { contains: q } }, { nameEn: { contains: q } }] } : {}) },
    // Without a query: the newest styles, which are what guides push.
    orderBy: [{ launchedAt: "desc" }, { styleCode: "asc" }],
    take: SHARE_LIST_LENGTH,
    select: { styleCode: true, name: true, priceFen: true, images: { select: { url: true }, orderBy: { sort: "asc" }, take: 1 } },
  });
  return rows.map((p) => ({
    styleCode: p.styleCode,
    name: p.name,
    priceFen: p.priceFen,
    imageUrl: p.images[0] ? absoluteUrl(baseUrl, p.images[0].url) : null,
    shareUrl: guideShareUrl({ baseUrl, sceneCode, brandSlug, to: productPath(brandSlug, p.styleCode) }),
  }));
}

async function guideCard(guide: GuideActor): Promise<GuideCard> {
  const [code, staff] = await Promise.all([
    guideSceneCode(guide.staffId),
    db.staff.findUniqueOrThrow({
      where: { id: guide.staffId },
      select: {
        name: true,
        store: { select: { code: true, name: true, mallName: true, city: true } },
        brand: { select: { slug: true, name: true, colorPrimary: true, colorAccent: true, colorInk: true, logoUrl: true } },
      },
    }),
  ]);
  if (!staff.store || !staff.brand) throw new Error(`staff ${guide.staffId} has no store or brand`);
  const { logoUrl, ...brand } = staff.brand;
  const baseUrl = publicBaseUrl();
  return { name: staff.name, store: staff.store, brand, sceneCode: code, link: guideLink(baseUrl, code), qrSvg: await shortLinkQrSvg(code, baseUrl), imageUrl: absoluteUrl(baseUrl, logoUrl) };
}

/** The guide's card (QR, link, name, store) for the poster route. */
export { guideCard };

/** /guide/me: the card and up to 12 products to share (newest first, or matching `query`). */
export async function loadGuideMe(guide: GuideActor, query = ""): Promise<GuideCard & { products: ShareableProduct[]; query: string }> {
  const card = await guideCard(guide);
  const products = await shareableProducts(guide.brandId, card.brand.slug, card.sceneCode, query);
  return { ...card, products, query: query.trim().slice(0, 40) };
}
