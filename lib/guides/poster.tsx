import "server-only";
import { ImageResponse } from "next/og";
import QRCode from "qrcode";
import type { GuideActor } from "./access";
import { guideCard, type GuideCard } from "./me";
import { posterFont } from "./poster-font";

// The guide's poster (海报): printed for the counter or sent to Moments. A PNG through next/og (satori +
// resvg, built into Next: no new dependency) with a CJK font read from the system (poster-font.ts); without
// one, an SVG of the same poster, whose text the viewer's own fonts draw.

export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1334; // a phone screen's shape: saved to the album, it fills the screen
const QR_SIZE = 460;

export type PosterFile = { body: BodyInit; contentType: string; extension: "png" | "svg" };

function Poster({ card, qrDataUrl }: { card: GuideCard; qrDataUrl: string }) {
  const { brand, store } = card;
  return (
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", background: brand.colorAccent, color: brand.colorInk, fontFamily: "poster" }}>
      <div style={{ display: "flex", flexDirection: "column", alignItems: "center", justifyContent: "center", height: 220, background: brand.colorPrimary, color: "#ffffff" }}>
        <div style={{ fontSize: 72, letterSpacing: 8 }}>{brand.name}</div>
        <div style={{ fontSize: 28, marginTop: 8 }}>我的专属导购 · My personal stylist</div>
      </div>
      <div style={{ display: "flex", flexDirection: "column", alignItems: "center", margin: "48px 48px 0", padding: "40px 32px", background: "#ffffff", borderRadius: 32 }}>
        <div style={{ fontSize: 64 }}>{card.name}</div>
        <div style={{ fontSize: 30, marginTop: 12, color: "#555555" }}>{store.name}</div>
        <div style={{ fontSize: 26, marginTop: 6, color: "#777777" }}>{[store.city, store.mallName].filter(Boolean).join(" · ")}</div>
        {/* satori draws a plain <img> (a data URL), not next/image */}
        <img src={qrDataUrl} width={QR_SIZE} height={QR_SIZE} style={{ marginTop: 32 }} alt="" />
        <div style={{ fontSize: 30, marginTop: 20 }}>微信扫码，找我选款</div>
        <div style={{ fontSize: 24, marginTop: 6, color: "#777777" }}>Scan in WeChat to shop with me</div>
      </div>
      <div style={{ display: "flex", flexGrow: 1, alignItems: "center", justifyContent: "center", fontSize: 22, color: "#777777" }}>{card.link}</div>
    </div>
  );
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

/** The same poster as SVG text, for a machine without a CJK font: the phone that opens it has one. */
export function posterSvg(card: GuideCard): string {
  const { brand, store } = card;
  const qr = card.qrSvg.replace(/<\?xml[^>]*>/, "").replace("<svg ", `<svg x="${(POSTER_WIDTH - QR_SIZE) / 2}" y="560" width="${QR_SIZE}" height="${QR_SIZE}" `);
  const text = (y: number, size: number, fill: string, value: string) =>
    `<text x="${POSTER_WIDTH / 2}" y="${y}" font-size="${size}" fill="${fill}" text-anchor="middle" font-family="'PingFang SC','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif">${escapeXml(value)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}" viewBox="0 0 ${POSTER_WIDTH} ${POSTER_HEIGHT}">`,
    `<rect width="100%" height="100%" fill="${escapeXml(brand.colorAccent)}"/>`,
    `<rect width="100%" height="220" fill="${escapeXml(brand.colorPrimary)}"/>`,
    text(130, 72, "#ffffff", brand.name),
    text(190, 28, "#ffffff", "我的专属导购 · My personal stylist"),
    `<rect x="48" y="268" width="${POSTER_WIDTH - 96}" height="900" rx="32" fill="#ffffff"/>`,
    text(380, 64, escapeXml(brand.colorInk), card.name),
    text(440, 30, "#555555", store.name),
    text(490, 26, "#777777", [store.city, store.mallName].filter(Boolean).join(" · ")),
    qr,
    text(1080, 30, escapeXml(brand.colorInk), "微信扫码，找我选款"),
    text(1124, 24, "#777777", "Scan in WeChat to shop with me"),
    text(1250, 22, "#777777", card.link),
    `</svg>`,
  ].join("");
}

/** The signed-in guide's poster: PNG when a CJK font is installed, else SVG. */
export async function guidePoster(guide: GuideActor): Promise<PosterFile> {
  const [card, font] = await Promise.all([guideCard(guide), posterFont()]);
  if (!font) return { body: posterSvg(card), contentType: "image/svg+xml; charset=utf-8", extension: "svg" };
  const qrDataUrl = await QRCode.toDataURL(card.link, { errorCorrectionLevel: "M", margin: 2, width: QR_SIZE, color: { dark: "#000000", light: "#ffffff" } });
  const image = new ImageResponse(<Poster card={card} qrDataUrl={qrDataUrl} />, {
    width: POSTER_WIDTH,
    height: POSTER_HEIGHT,
    fonts: [{ name: "poster", data: font.data, weight: 400, style: "normal" }],
  });
  // Rendered here, not streamed: a rendering failure becomes this request's error, not a truncated PNG.
  return { body: await image.arrayBuffer(), contentType: "image/png", extension: "png" };
}
