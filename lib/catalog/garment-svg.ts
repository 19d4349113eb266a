// Flat fashion illustrations of garments, drawn as SVG from a kind, a colour and a view.
// The demo catalog has no photographs: /img/garment/<kind>/<hex>?v=front serves these, so every
// product shows a clean, on-colour picture (portrait 3:4, viewBox 0 0 600 800). Pure and deterministic.

export const GARMENT_KINDS = ["dress", "tshirt", "shirt", "knit", "jeans", "skirt", "trousers", "jacket", "coat", "trench"] as const;
export type GarmentKind = (typeof GARMENT_KINDS)[number];
export const GARMENT_VIEWS = ["front", "back"] as const;
export type GarmentView = (typeof GARMENT_VIEWS)[number];

export function isGarmentKind(value: string): value is GarmentKind {
  return (GARMENT_KINDS as readonly string[]).includes(value);
}

/** The image URL the catalog stores for a colour of a style: `/img/garment/dress/c8102e?v=front`. */
export function garmentImageUrl(kind: GarmentKind, colorHex: string, view: GarmentView = "front"): string {
  return `/img/garment/${kind}/${normalizeHex(colorHex).slice(1)}?v=${view}`;
}

// ---------------------------------------------------------------------------------------------
// Colour

type Rgb = [number, number, number];

/** "#C8102E", "c8102e" → "#c8102e"; throws on anything else. */
export function normalizeHex(hex: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(hex);
  if (!m) throw new Error(`invalid colour: ${hex}`);
  return `#${m[1]!.toLowerCase()}`;
}

function rgb(hex: string): Rgb {
  const n = parseInt(normalizeHex(hex).slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, "0")).join("")}`;
}

/** t = 0 gives a, t = 1 gives b. */
function mix(a: string, b: string, t: number): string {
  const x = rgb(a);
  const y = rgb(b);
  return toHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

/** Relative luminance (WCAG), 0 black … 1 white. */
function luminance(hex: string): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = rgb(hex);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

type Palette = { base: string; hi: string; shade: string; deep: string; line: string; outline: string; bg: string; bg2: string };

function palette(colorHex: string): Palette {
  const base = normalizeHex(colorHex);
  const lum = luminance(base);
  const dark = lum < 0.06;
  const light = lum > 0.72;
  // Background: a very light tint of the garment's own colour; a warmer grey behind near-whites so they stand out.
  const bg = light ? "#e9e4dc" : mix(base, "#f6f3ee", 0.9);
  return {
    base,
    hi: mix(base, "#ffffff", dark ? 0.14 : 0.22),
    shade: dark ? mix(base, "#ffffff", 0.06) : mix(base, "#000000", 0.13),
    deep: dark ? mix(base, "#000000", 0.45) : mix(base, "#000000", 0.32),
    line: dark ? mix(base, "#ffffff", 0.3) : mix(base, "#000000", light ? 0.26 : 0.34),
    outline: dark ? mix(base, "#000000", 0.6) : mix(base, "#000000", light ? 0.3 : 0.42),
    bg,
    bg2: mix(bg, "#ffffff", 0.55),
  };
}

// ---------------------------------------------------------------------------------------------
// Geometry: shapes are written as their right half in (dx from the centre line, y); the left half is the mirror.

type Pt = readonly [number, number];
type Seg = readonly ["L", Pt] | readonly ["Q", Pt, Pt] | readonly ["C", Pt, Pt, Pt];

const CX = 300;
const r1 = (n: number) => String(Math.round(n * 10) / 10);
const pt = (p: Pt, flip: boolean) => `${r1(CX + (flip ? -p[0] : p[0]))} ${r1(p[1])}`;
const segStr = (s: Seg, flip: boolean) => s[0] + (s.slice(1) as Pt[]).map((p) => pt(p, flip)).join(" ");
const endOf = (s: Seg): Pt => s[s.length - 1] as Pt;

/** An open path in half coordinates. */
function path(start: Pt, segs: readonly Seg[], flip = false, close = false): string {
  return `M${pt(start, flip)}${segs.map((s) => segStr(s, flip)).join("")}${close ? "Z" : ""}`;
}

/** The same path drawn on both sides. */
function both(start: Pt, segs: readonly Seg[], close = false): string {
  return path(start, segs, false, close) + path(start, segs, true, close);
}

/** Segments that retrace `segs` backwards, ending at `start`. */
function reversed(start: Pt, segs: readonly Seg[]): Seg[] {
  const points: Pt[] = [start, ...segs.map(endOf)];
  const out: Seg[] = [];
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i]!;
    const to = points[i]!;
    if (s[0] === "L") out.push(["L", to]);
    else if (s[0] === "Q") out.push(["Q", s[1], to]);
    else out.push(["C", s[2], s[1], to]);
  }
  return out;
}

/** A closed symmetric outline: right half from a point on the centre line to another one, then its mirror back. */
function outline(start: Pt, segs: readonly Seg[]): string {
  return path(start, segs) + reversed(start, segs).map((s) => segStr(s, true)).join("") + "Z";
}

/** An open symmetric line through the centre: mirror of the right half (left end → centre), then the right half. */
function across(start: Pt, segs: readonly Seg[]): string {
  const end = segs.length ? endOf(segs[segs.length - 1]!) : start;
  return `M${pt(end, true)}${reversed(start, segs).map((s) => segStr(s, true)).join("")}${segs.map((s) => segStr(s, false)).join("")}`;
}

// ---------------------------------------------------------------------------------------------
// Drawing helpers

type Drawing = {
  /** Drawn before the body, seen through open necklines (the inside of the back). */
  inner?: string;
  body: string;
  /** Inside the body's outline (clipped to it). */
  details: string;
  /** On top, may pass the outline (collars, lapels, hanger clips). */
  over?: string;
  hanger: "top" | "clip";
};

function fill(d: string, color: string, extra = ""): string {
  return `<path d="${d}" fill="${color}"${extra}/>`;
}
function stroke(d: string, color: string, width = 2, extra = ""): string {
  return `<path d="${d}" fill="none" stroke="${color}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"${extra}/>`;
}
function stitch(d: string, color: string, width = 1.6): string {
  return stroke(d, color, width, ` stroke-dasharray="6 5" opacity="0.85"`);
}
function shape(d: string, fillColor: string, strokeColor: string, width = 2.2): string {
  return `<path d="${d}" fill="${fillColor}" stroke="${strokeColor}" stroke-width="${width}" stroke-linejoin="round"/>`;
}
function button(x: number, y: number, rad: number, p: Palette, color = p.hi): string {
  return (
    `<circle cx="${r1(x)}" cy="${r1(y)}" r="${rad}" fill="${color}" stroke="${p.outline}" stroke-width="1.6"/>` +
    `<circle cx="${r1(x - rad * 0.3)}" cy="${r1(y - rad * 0.3)}" r="${r1(rad * 0.18)}" fill="${p.outline}" opacity="0.55"/>` +
    `<circle cx="${r1(x + rad * 0.3)}" cy="${r1(y + rad * 0.3)}" r="${r1(rad * 0.18)}" fill="${p.outline}" opacity="0.55"/>`
  );
}
/** Soft vertical fold: a long thin wedge of shade. */
function fold(x0: number, y0: number, x1: number, y1: number, w: number, color: string, opacity = 0.35): string {
  const d = `M${r1(CX + x0)} ${r1(y0)}L${r1(CX + x1 - w)} ${r1(y1)}L${r1(CX + x1 + w)} ${r1(y1)}Z`;
  return fill(d, color, ` opacity="${opacity}"`);
}
/** Vertical rib lines between two horizontal edges (knit cuffs and hems). */
function ribs(x0: number, x1: number, y0: number, y1: number, step: number, color: string): string {
  let d = "";
  for (let x = x0 + step / 2; x < x1; x += step) d += `M${r1(CX + x)} ${r1(y0)}L${r1(CX + x)} ${r1(y1)}`;
  return stroke(d, color, 1.4, ` opacity="0.6"`);
}

// ---------------------------------------------------------------------------------------------
// Garments

function tshirt(p: Palette, view: GarmentView): Drawing {
  const neckDip = view === "front" ? 150 : 118;
  const neck: Seg[] = [["C", [28, neckDip], [48, neckDip - 20], [52, 106]]];
  const half: Seg[] = [
    ...neck,
    ["L", [130, 126]],
    ["L", [198, 230]],
    ["L", [142, 262]],
    ["L", [124, 234]],
    ["L", [128, 560]],
    ["Q", [66, 568], [0, 568]],
  ];
  const rib: Seg[] = [["C", [24, neckDip - 10], [41, neckDip - 26], [44, 109]]];
  const details = [
    view === "front" ? fill(path([0, neckDip], neck) + "L" + `${CX + 44} 109` + reversed([0, neckDip - 10], rib).map((s) => segStr(s, false)).join("") + "Z", p.shade) : "",
    view === "front" ? fill(path([0, neckDip], neck, true) + "L" + `${CX - 44} 109` + reversed([0, neckDip - 10], rib).map((s) => segStr(s, true)).join("") + "Z", p.shade) : "",
    stroke(across([0, neckDip - 10], rib), p.line, 1.6),
    view === "back" ? stroke(across([0, 128], [["Q", [40, 126], [96, 120]]]), p.line, 1.4, ` opacity="0.5"`) : "",
    stroke(both([130, 128], [["Q", [118, 180], [124, 234]]]), p.line, 1.6, ` opacity="0.7"`),
    stitch(both([190, 218], [["L", [135, 248]]]), p.line),
    stitch(across([0, 554], [["Q", [66, 554], [128, 546]]]), p.line),
    fold(96, 300, 106, 548, 7, p.shade),
    fold(-92, 330, -100, 548, 6, p.shade),
    fold(30, 420, 40, 560, 4, p.shade, 0.25),
  ];
  return { inner: view === "front" ? fill(path([-56, 103], [["Q", [0, 132], [56, 103]], ["L", [56, 170]], ["L", [-56, 170]]], false, true), p.deep) : undefined, body: outline([0, neckDip], half), details: details.join(""), hanger: "top" };
}

function shirt(p: Palette, view: GarmentView): Drawing {
  const half: Seg[] = [
    ["L", [46, 100]],
    ["L", [128, 122]],
    ["C", [150, 150], [166, 300], [176, 470]],
    ["L", [178, 504]],
    ["L", [134, 508]],
    ["L", [132, 474]],
    ["C", [126, 380], [120, 290], [118, 232]],
    ["L", [120, 522]],
    ["C", [98, 560], [60, 604], [0, 604]],
  ];
  const d: string[] = [
    stroke(both([128, 124], [["Q", [114, 176], [118, 232]]]), p.line, 1.6, ` opacity="0.7"`),
    stroke(both([132, 474], [["L", [176, 468]]]), p.line, 1.8),
    stitch(both([134, 496], [["L", [177, 491]]]), p.line, 1.3),
    stitch(across([0, 590], [["C", [56, 590], [92, 548], [114, 514]]]), p.line),
    fold(94, 300, 100, 560, 6, p.shade),
    fold(-90, 320, -96, 560, 6, p.shade),
    fold(152, 300, 160, 460, 5, p.shade, 0.3),
    fold(-152, 300, -160, 460, 5, p.shade, 0.3),
  ];
  let over = "";
  if (view === "front") {
    d.push(stroke(`M${CX - 12} 124L${CX - 12} 602M${CX + 12} 124L${CX + 12} 602`, p.line, 1.6));
    for (const y of [160, 228, 296, 364, 432, 500, 566]) d.push(button(CX, y, 5.5, p));
    d.push(stroke(path([52, 206], [["L", [100, 206]], ["L", [100, 258]], ["L", [76, 270]], ["L", [52, 258]]], false, true), p.line, 1.8));
    d.push(stitch(path([52, 216], [["L", [100, 216]]]), p.line, 1.2));
    // Collar stand behind the neck, then the two collar points.
    over += shape(path([-46, 100], [["C", [-30, 88], [30, 88], [46, 100]], ["L", [40, 110]], ["C", [26, 102], [-26, 102], [-40, 110]]], false, true), p.deep, p.outline, 2);
    const leaf: Seg[] = [["L", [44, 96]], ["L", [62, 110]], ["L", [34, 172]], ["L", [4, 134]]];
    over += shape(both([0, 124], leaf, true), p.base, p.outline);
    over += stitch(both([8, 132], [["L", [32, 162]], ["L", [54, 114]]]), p.line, 1.2);
  } else {
    d.push(stroke(across([0, 176], [["Q", [60, 176], [124, 166]]]), p.line, 1.8));
    d.push(stroke(`M${CX - 12} 178L${CX - 8} 232M${CX + 12} 178L${CX + 8} 232`, p.line, 1.4, ` opacity="0.7"`));
    over += shape(path([-46, 100], [["C", [-30, 88], [30, 88], [46, 100]], ["L", [60, 116]], ["C", [30, 126], [-30, 126], [-60, 116]]], false, true), p.base, p.outline);
  }
  return { body: outline([0, 118], half), details: d.join(""), over, hanger: "top" };
}

function knit(p: Palette, view: GarmentView): Drawing {
  const neckDip = view === "front" ? 142 : 116;
  const neck: Seg[] = [["C", [28, neckDip], [46, neckDip - 18], [50, 104]]];
  const half: Seg[] = [
    ...neck,
    ["L", [140, 132]],
    ["C", [170, 170], [184, 320], [190, 470]],
    ["L", [186, 514]],
    ["L", [142, 516]],
    ["L", [140, 472]],
    ["C", [136, 380], [132, 300], [126, 250]],
    ["L", [132, 512]],
    ["L", [124, 560]],
    ["Q", [62, 564], [0, 564]],
  ];
  const inner: Seg[] = [["C", [22, neckDip - 14], [36, neckDip - 28], [38, 110]]];
  const d: string[] = [
    // Neck rib band.
    fill(path([0, neckDip], neck) + `L${CX + 38} 110` + reversed([0, neckDip - 14], inner).map((s) => segStr(s, false)).join("") + "Z", p.shade),
    fill(path([0, neckDip], neck, true) + `L${CX - 38} 110` + reversed([0, neckDip - 14], inner).map((s) => segStr(s, true)).join("") + "Z", p.shade),
    stroke(across([0, neckDip - 14], inner), p.line, 1.6),
    // Hem and cuff ribs.
    fill(across([0, 514], [["L", [132, 512]]]) + `L${CX + 124} 560Q${CX + 62} 564 ${CX} 564Q${CX - 62} 564 ${CX - 124} 560Z`, p.shade),
    ribs(-128, 128, 516, 560, 9, p.line),
    fill(both([140, 472], [["L", [190, 470]], ["L", [186, 514]], ["L", [142, 516]]], true), p.shade),
    stroke(both([141, 472], [["L", [190, 470]]]), p.line, 1.6),
    stroke(across([0, 514], [["L", [132, 512]]]), p.line, 1.6),
    stroke(both([140, 134], [["Q", [128, 190], [126, 250]]]), p.line, 1.6, ` opacity="0.7"`),
    fold(150, 300, 162, 460, 5, p.shade, 0.3),
    fold(-150, 300, -162, 460, 5, p.shade, 0.3),
  ];
  for (const x of [152, 160, 168, 176]) d.push(stroke(both([x, 476], [["L", [x - 1, 512]]]), p.line, 1.2, ` opacity="0.5"`));
  if (view === "front") {
    // Cable stitch down the front, and a plain column either side.
    for (const cx of [-64, 0, 64]) {
      let cable = "";
      for (let y = 176; y < 500; y += 36) {
        cable += `M${CX + cx - 12} ${y}C${CX + cx - 12} ${y + 18} ${CX + cx + 12} ${y + 18} ${CX + cx + 12} ${y + 36}`;
        cable += `M${CX + cx + 12} ${y}C${CX + cx + 12} ${y + 14} ${CX + cx + 4} ${y + 16} ${CX + cx + 2} ${y + 18}`;
        cable += `M${CX + cx - 2} ${y + 20}C${CX + cx - 4} ${y + 22} ${CX + cx - 12} ${y + 24} ${CX + cx - 12} ${y + 36}`;
      }
      d.push(stroke(cable, p.line, 2, ` opacity="0.55"`));
      d.push(stroke(`M${CX + cx - 22} 170L${CX + cx - 22} 508M${CX + cx + 22} 170L${CX + cx + 22} 508`, p.line, 1.2, ` opacity="0.4"`));
    }
  } else {
    d.push(fold(90, 200, 100, 510, 8, p.shade, 0.3), fold(-90, 220, -100, 510, 8, p.shade, 0.3));
  }
  return {
    inner: view === "front" ? fill(path([-54, 102], [["Q", [0, 128], [54, 102]], ["L", [54, 160]], ["L", [-54, 160]]], false, true), p.deep) : undefined,
    body: outline([0, neckDip], half),
    details: d.join(""),
    hanger: "top",
  };
}

function dress(p: Palette, view: GarmentView): Drawing {
  const front = view === "front";
  const neck: Seg[] = front ? [["L", [50, 168]], ["L", [54, 110]]] : [["C", [30, 128], [50, 120], [54, 110]]];
  const start: Pt = front ? [0, 168] : [0, 128];
  const half: Seg[] = [
    ...neck,
    ["L", [96, 118]],
    ["C", [126, 98], [172, 130], [164, 198]],
    ["L", [160, 218]],
    ["L", [114, 230]],
    ["L", [102, 224]],
    ["C", [98, 262], [88, 300], [86, 334]],
    ["C", [122, 450], [172, 600], [198, 712]],
    ["Q", [100, 732], [0, 732]],
  ];
  const d: string[] = [
    // Sleeve band and gathers.
    fill(both([102, 206], [["L", [163, 196]], ["L", [160, 218]], ["L", [114, 230]]], true), p.shade),
    stroke(both([102, 206], [["L", [163, 196]]]), p.line, 1.6),
    stroke(both([104, 126], [["Q", [112, 150], [110, 176]]]) + both([124, 114], [["Q", [136, 146], [134, 180]]]) + both([146, 126], [["Q", [156, 150], [152, 184]]]), p.line, 1.4, ` opacity="0.5"`),
    // Waist seam and skirt folds.
    fill(across([0, 338], [["Q", [44, 338], [86, 330]], ["L", [88, 346]], ["Q", [44, 354], [0, 354]]]) + "Z", p.shade, ` opacity="0.6"`),
    stroke(across([0, 338], [["Q", [44, 338], [86, 330]]]), p.line, 1.8),
    stroke(across([0, 354], [["Q", [44, 354], [88, 346]]]), p.line, 1.2, ` opacity="0.6"`),
    fold(-60, 356, -128, 722, 12, p.shade),
    fold(-22, 356, -44, 728, 10, p.shade, 0.28),
    fold(24, 356, 52, 728, 10, p.shade, 0.28),
    fold(62, 356, 134, 722, 12, p.shade),
    fold(84, 356, 180, 712, 8, p.shade, 0.22),
    fold(-84, 356, -180, 712, 8, p.shade, 0.22),
    stitch(across([0, 718], [["Q", [100, 718], [194, 698]]]), p.line),
    // Bodice darts.
    stroke(both([44, 236], [["Q", [48, 290], [46, 330]]]), p.line, 1.3, ` opacity="0.5"`),
  ];
  if (front) {
    d.push(stroke(`M${CX - 44} 112L${CX - 44} 160L${CX + 44} 160L${CX + 44} 112`, p.line, 1.6));
  } else {
    d.push(stroke(`M${CX} 130L${CX} 400`, p.line, 1.8));
    d.push(stitch(`M${CX - 6} 132L${CX - 6} 398M${CX + 6} 132L${CX + 6} 398`, p.line, 1.2));
    d.push(`<rect x="${CX - 4}" y="134" width="8" height="18" rx="3" fill="${p.hi}" stroke="${p.outline}" stroke-width="1.4"/>`);
  }
  return {
    inner: front ? fill(path([-56, 108], [["Q", [0, 134], [56, 108]], ["L", [56, 180]], ["L", [-56, 180]]], false, true), p.deep) : undefined,
    body: outline(start, half),
    details: d.join(""),
    hanger: "top",
  };
}

function skirt(p: Palette, view: GarmentView): Drawing {
  const half: Seg[] = [
    ["L", [92, 170]],
    ["L", [94, 208]],
    ["C", [120, 320], [160, 480], [184, 640]],
    ["Q", [96, 660], [0, 660]],
  ];
  const d: string[] = [];
  // Pleats: alternate panels in shade, pressed lines between them.
  const n = 10;
  for (let i = 0; i < n; i++) {
    const t0 = -1 + (2 * i) / n;
    const t1 = -1 + (2 * (i + 1)) / n;
    const top = (t: number) => `${r1(CX + t * 94)} 208`;
    const bottom = (t: number) => `${r1(CX + t * 186)} ${r1(660 - 22 * t * t)}`;
    if (i % 2 === 1) d.push(fill(`M${top(t0)}L${top(t1)}L${bottom(t1)}L${bottom(t0)}Z`, p.shade, ` opacity="0.55"`));
    if (i > 0) d.push(stroke(`M${top(t0)}L${bottom(t0)}`, p.line, 1.3, ` opacity="0.55"`));
  }
  d.push(stitch(across([0, 646], [["Q", [96, 646], [182, 626]]]), p.line));
  d.push(shape(`M${CX - 92} 170L${CX + 92} 170L${CX + 94} 208Q${CX} 214 ${CX - 94} 208Z`, p.shade, p.outline, 1.8));
  d.push(stitch(across([0, 178], [["L", [90, 178]]]), p.line, 1.2));
  if (view === "front") d.push(button(CX + 70, 189, 6.5, p));
  else d.push(stroke(`M${CX} 212L${CX} 320`, p.line, 1.8), `<rect x="${CX - 4}" y="214" width="8" height="16" rx="3" fill="${p.hi}" stroke="${p.outline}" stroke-width="1.4"/>`);
  return { body: outline([0, 170], half), details: d.join(""), hanger: "clip" };
}

function jeans(p: Palette, view: GarmentView): Drawing {
  const half: Seg[] = [
    ["L", [106, 146]],
    ["L", [108, 184]],
    ["C", [118, 230], [122, 290], [122, 330]],
    ["L", [118, 710]],
    ["L", [18, 714]],
    ["L", [8, 352]],
    ["Q", [4, 340], [0, 336]],
  ];
  const thread = "#d49a3a";
  const d: string[] = [
    // Worn-in lighter thighs and knees (wash).
    `<ellipse cx="${CX + 66}" cy="380" rx="32" ry="120" fill="${p.hi}" opacity="0.35"/>`,
    `<ellipse cx="${CX - 66}" cy="380" rx="32" ry="120" fill="${p.hi}" opacity="0.35"/>`,
    fill(`M${CX - 106} 146L${CX + 106} 146L${CX + 108} 184L${CX - 108} 184Z`, p.shade, ` opacity="0.7"`),
    stroke(`M${CX - 108} 184L${CX + 108} 184`, p.line, 1.8),
    stitch(`M${CX - 106} 153L${CX + 106} 153M${CX - 107} 177L${CX + 107} 177`, thread, 1.4),
    stitch(both([24, 700], [["L", [117, 698]]]), thread, 1.4),
    stroke(both([68, 400], [["Q", [70, 520], [66, 700]]]), p.line, 1.2, ` opacity="0.25"`),
    fold(60, 470, 56, 520, 14, p.shade, 0.25),
    fold(-60, 470, -56, 520, 14, p.shade, 0.25),
  ];
  for (const x of [-96, -36, 36, 96]) {
    d.push(`<rect x="${CX + x - 5}" y="142" width="10" height="48" rx="2" fill="${p.base}" stroke="${p.outline}" stroke-width="1.4"/>`);
  }
  if (view === "front") {
    d.push(stroke(`M${CX} 184L${CX} 330`, p.line, 1.8));
    d.push(stitch(path([16, 186], [["L", [16, 296]], ["Q", [16, 318], [0, 322]]]), thread, 1.5));
    d.push(stroke(both([58, 186], [["C", [62, 224], [92, 240], [121, 244]]]), p.line, 1.8));
    d.push(stitch(both([66, 186], [["C", [70, 218], [96, 232], [120, 234]]]), thread, 1.3));
    d.push(stitch(path([78, 190], [["L", [104, 190]], ["L", [104, 218]], ["L", [80, 222]]]), thread, 1.3));
    d.push(`<circle cx="${CX}" cy="165" r="8" fill="#c2a060" stroke="#7f6633" stroke-width="1.5"/><circle cx="${CX}" cy="165" r="3" fill="#7f6633"/>`);
    for (const x of [60, -60, 118, -118]) d.push(`<circle cx="${CX + x}" cy="${x > 100 || x < -100 ? 244 : 188}" r="3" fill="#c2a060"/>`);
  } else {
    d.push(stroke(across([0, 244], [["L", [120, 218]]]), p.line, 1.8));
    d.push(stitch(across([0, 252], [["L", [120, 226]]]), thread, 1.3));
    d.push(stroke(`M${CX} 184L${CX} 336`, p.line, 1.6));
    const pocket: Seg[] = [["L", [98, 250]], ["L", [100, 322]], ["L", [66, 344]], ["L", [34, 328]]];
    d.push(shape(both([30, 258], pocket, true), p.base, p.line, 1.8));
    d.push(stitch(both([38, 266], [["L", [92, 260]], ["L", [94, 318]], ["L", [66, 336]], ["L", [40, 322]], ["L", [38, 266]]]), thread, 1.3));
    d.push(`<rect x="${CX + 58}" y="154" width="36" height="22" rx="2" fill="#8b5a3c" stroke="#5e3b27" stroke-width="1.4"/>`);
  }
  return { body: outline([0, 150], half), details: d.join(""), hanger: "clip" };
}

function trousers(p: Palette, view: GarmentView): Drawing {
  const half: Seg[] = [
    ["L", [100, 148]],
    ["L", [102, 186]],
    ["C", [114, 232], [124, 290], [130, 340]],
    ["L", [158, 712]],
    ["L", [26, 716]],
    ["L", [8, 354]],
    ["Q", [4, 342], [0, 338]],
  ];
  const d: string[] = [
    fill(`M${CX - 100} 148L${CX + 100} 148L${CX + 102} 186L${CX - 102} 186Z`, p.shade, ` opacity="0.8"`),
    stroke(`M${CX - 102} 186L${CX + 102} 186`, p.line, 1.8),
    // Pressed creases and the fall of the fabric.
    stroke(both([64, 200], [["L", [92, 712]]]), p.hi, 2.2, ` opacity="0.8"`),
    stroke(both([66, 200], [["L", [94, 712]]]), p.line, 1.1, ` opacity="0.45"`),
    fold(120, 380, 146, 706, 8, p.shade, 0.35),
    fold(-120, 380, -146, 706, 8, p.shade, 0.35),
    fold(30, 420, 40, 710, 6, p.shade, 0.3),
    fold(-30, 420, -40, 710, 6, p.shade, 0.3),
    stitch(both([28, 702], [["L", [156, 698]]]), p.line, 1.2),
  ];
  for (const x of [-88, -30, 30, 88]) d.push(`<rect x="${CX + x - 4}" y="144" width="8" height="46" rx="2" fill="${p.base}" stroke="${p.outline}" stroke-width="1.3"/>`);
  if (view === "front") {
    d.push(stroke(`M${CX} 186L${CX} 332`, p.line, 1.8));
    d.push(stitch(path([14, 188], [["L", [14, 290]], ["Q", [14, 310], [0, 316]]]), p.line, 1.3));
    d.push(stroke(both([66, 188], [["L", [114, 266]]]), p.line, 1.8));
    d.push(button(CX, 167, 6, p));
  } else {
    d.push(stroke(`M${CX} 186L${CX} 338`, p.line, 1.6));
    d.push(stroke(both([40, 238], [["L", [90, 236]]]), p.line, 2.2));
    d.push(button(CX + 65, 226, 4.5, p), button(CX - 65, 226, 4.5, p));
    d.push(stroke(both([62, 188], [["L", [64, 222]]]), p.line, 1.2, ` opacity="0.6"`));
  }
  return { body: outline([0, 150], half), details: d.join(""), hanger: "clip" };
}

/** Long-sleeved body with a shaped hem: shared by jacket, coat and trench. */
function outerBody(hemY: number, hemSide: number, waist: number | null, sleeveEnd: number): Seg[] {
  const segs: Seg[] = [
    ["C", [22, 110], [38, 106], [46, 102]],
    ["L", [136, 128]],
    ["C", [158, 160], [174, 320], [182, sleeveEnd]],
    ["L", [180, sleeveEnd + 34]],
    ["L", [136, sleeveEnd + 38]],
    ["C", [130, sleeveEnd - 120], [124, 330], [120, 240]],
  ];
  if (waist !== null) segs.push(["C", [118, 300], [116, waist - 40], [118, waist]]);
  segs.push(["L", [hemSide, hemY - 8]], ["Q", [hemSide / 2, hemY], [0, hemY]]);
  return segs;
}

function lapels(p: Palette, breakY: number, wide: boolean): string {
  const w = wide ? 14 : 0;
  const leaf: Seg[] = [
    ["L", [58, 108]],
    ["L", [78 + w / 2, 170]],
    ["L", [66 + w / 2, 178]],
    ["L", [94 + w, 204]],
    ["L", [4, breakY]],
    ["L", [30, 112]],
  ];
  return (
    shape(path([-46, 102], [["C", [-30, 92], [30, 92], [46, 102]], ["L", [34, 114]], ["C", [20, 108], [-20, 108], [-34, 114]]], false, true), p.deep, p.outline, 1.8) +
    shape(both([34, 104], leaf, true), p.base, p.outline) +
    stroke(both([36, 116], [["L", [8, breakY - 6]]]), p.line, 1.2, ` opacity="0.6"`) +
    stroke(both([68, 172], [["L", [36, 130]]]), p.line, 1.2, ` opacity="0.5"`)
  );
}

function jacket(p: Palette, view: GarmentView): Drawing {
  const half = outerBody(512, 132, null, 444);
  const d: string[] = [
    fill(across([0, 480], [["L", [131, 478]], ["L", [132, 504]], ["Q", [66, 512], [0, 512]]]) + "Z", p.shade),
    stroke(across([0, 480], [["L", [131, 478]]]), p.line, 1.8),
    stitch(across([0, 500], [["L", [130, 498]]]), p.line, 1.2),
    fill(both([136, 444], [["L", [182, 444]], ["L", [180, 478]], ["L", [136, 482]]], true), p.shade),
    stroke(both([136, 444], [["L", [182, 444]]]), p.line, 1.6),
    stroke(both([136, 128], [["Q", [120, 180], [120, 240]]]), p.line, 1.6, ` opacity="0.7"`),
    fold(154, 280, 166, 430, 5, p.shade, 0.3),
    fold(-154, 280, -166, 430, 5, p.shade, 0.3),
    fold(96, 300, 104, 470, 6, p.shade, 0.3),
    fold(-96, 300, -104, 470, 6, p.shade, 0.3),
  ];
  let over = "";
  if (view === "front") {
    d.push(stroke(`M${CX} 128L${CX} 510`, p.line, 1.8), stitch(`M${CX + 10} 132L${CX + 10} 478`, p.line, 1.2));
    for (const y of [176, 246, 316, 386, 456]) d.push(button(CX - 1, y, 6, p, p.deep));
    for (const s of [1, -1]) {
      const x0 = s > 0 ? 42 : -102;
      d.push(stroke(`M${CX + x0} 212L${CX + x0 + 60} 212L${CX + x0 + 60} 276L${CX + x0} 276Z`, p.line, 1.8));
      d.push(shape(`M${CX + x0 - 2} 200L${CX + x0 + 62} 200L${CX + x0 + 62} 224L${CX + x0 + 30} 232L${CX + x0 - 2} 224Z`, p.base, p.line, 1.8));
      d.push(button(CX + x0 + 30, 222, 4.5, p, p.deep));
      d.push(stroke(`M${CX + x0 + 4} 352L${CX + x0 + 58} 352L${CX + x0 + 58} 436L${CX + x0 + 4} 436Z`, p.line, 1.8));
      d.push(stitch(`M${CX + x0 + 4} 362L${CX + x0 + 58} 362`, p.line, 1.2));
    }
    const leaf: Seg[] = [["L", [46, 98]], ["L", [70, 116]], ["L", [46, 190]], ["L", [6, 140]]];
    over += shape(path([-46, 102], [["C", [-30, 90], [30, 90], [46, 102]], ["L", [38, 112]], ["C", [24, 104], [-24, 104], [-38, 112]]], false, true), p.deep, p.outline, 1.8);
    over += shape(both([0, 128], leaf, true), p.base, p.outline);
    over += stitch(both([10, 138], [["L", [44, 180]], ["L", [62, 118]]]), p.line, 1.2);
  } else {
    d.push(stroke(across([0, 196], [["Q", [70, 196], [128, 184]]]), p.line, 1.8));
    d.push(stitch(across([0, 206], [["Q", [70, 206], [128, 194]]]), p.line, 1.2));
    over += shape(path([-46, 102], [["C", [-30, 90], [30, 90], [46, 102]], ["L", [64, 122]], ["C", [30, 134], [-30, 134], [-64, 122]]], false, true), p.base, p.outline);
  }
  return { body: outline([0, 110], half), details: d.join(""), over, hanger: "top" };
}

function coat(p: Palette, view: GarmentView): Drawing {
  const half = outerBody(728, 150, null, 560);
  const d: string[] = [
    stroke(both([136, 128], [["Q", [120, 180], [120, 240]]]), p.line, 1.6, ` opacity="0.7"`),
    stroke(both([136, 540], [["L", [181, 536]]]), p.line, 1.6),
    stitch(both([136, 550], [["L", [181, 546]]]), p.line, 1.1),
    fold(156, 300, 170, 550, 6, p.shade, 0.3),
    fold(-156, 300, -170, 550, 6, p.shade, 0.3),
    fold(100, 420, 128, 720, 9, p.shade, 0.32),
    fold(-100, 420, -128, 720, 9, p.shade, 0.32),
    fold(46, 540, 58, 724, 6, p.shade, 0.22),
    fold(-46, 540, -58, 724, 6, p.shade, 0.22),
    stitch(across([0, 714], [["Q", [74, 714], [148, 708]]]), p.line, 1.3),
  ];
  let over = "";
  if (view === "front") {
    d.push(fill(`M${CX - 34} 108L${CX + 34} 108L${CX + 4} 300L${CX - 4} 300Z`, p.deep));
    d.push(stroke(`M${CX + 4} 300L${CX + 4} 727`, p.line, 1.8));
    for (const y of [344, 434, 524]) d.push(button(CX - 10, y, 8, p, p.deep));
    for (const s of [1, -1]) {
      d.push(shape(`M${CX + s * 62} 470L${CX + s * 128} 464L${CX + s * 130} 492L${CX + s * 64} 498Z`, p.base, p.line, 1.8));
    }
    over += lapels(p, 300, false);
  } else {
    d.push(stroke(`M${CX} 116L${CX} 620`, p.line, 1.6));
    d.push(stroke(`M${CX} 620L${CX} 727M${CX + 12} 620L${CX + 12} 727M${CX} 620L${CX + 12} 620`, p.line, 1.6));
    d.push(stroke(both([70, 124], [["Q", [74, 300], [84, 420]]]), p.line, 1.2, ` opacity="0.45"`));
    over += shape(path([-46, 102], [["C", [-30, 90], [30, 90], [46, 102]], ["L", [62, 120]], ["C", [30, 132], [-30, 132], [-62, 120]]], false, true), p.base, p.outline);
  }
  return { body: outline([0, 110], half), details: d.join(""), over, hanger: "top" };
}

function trench(p: Palette, view: GarmentView): Drawing {
  const half = outerBody(730, 172, 392, 548);
  const buckle = "#6d5b44";
  const d: string[] = [
    stroke(both([136, 128], [["Q", [120, 180], [120, 240]]]), p.line, 1.6, ` opacity="0.7"`),
    // Sleeve straps with buckles.
    fill(both([136, 516], [["L", [181, 512]], ["L", [181, 528]], ["L", [136, 532]]], true), p.shade),
    stroke(both([136, 516], [["L", [181, 512]]]) + both([136, 532], [["L", [181, 528]]]), p.line, 1.4),
    `<rect x="${CX + 146}" y="512" width="12" height="20" rx="2" fill="none" stroke="${buckle}" stroke-width="2.2"/>`,
    `<rect x="${CX - 158}" y="512" width="12" height="20" rx="2" fill="none" stroke="${buckle}" stroke-width="2.2"/>`,
    fold(156, 290, 170, 500, 6, p.shade, 0.3),
    fold(-156, 290, -170, 500, 6, p.shade, 0.3),
    fold(70, 420, 120, 722, 10, p.shade, 0.32),
    fold(-70, 420, -120, 722, 10, p.shade, 0.32),
    fold(130, 420, 164, 716, 6, p.shade, 0.25),
    fold(-130, 420, -164, 716, 6, p.shade, 0.25),
    stitch(across([0, 716], [["Q", [86, 716], [170, 708]]]), p.line, 1.3),
    // Belt.
    shape(`M${CX - 124} 374L${CX + 124} 374L${CX + 124} 402L${CX - 124} 402Z`, p.shade, p.line, 1.6),
    stitch(`M${CX - 122} 380L${CX + 122} 380M${CX - 122} 396L${CX + 122} 396`, p.line, 1.1),
  ];
  let over = "";
  if (view === "front") {
    d.push(fill(`M${CX - 34} 108L${CX + 34} 108L${CX + 4} 282L${CX - 4} 282Z`, p.deep));
    d.push(stroke(`M${CX + 40} 282L${CX + 40} 729`, p.line, 1.8));
    // Storm flap on the right chest.
    d.push(shape(`M${CX + 60} 116L${CX + 134} 130L${CX + 128} 228L${CX + 70} 220Z`, p.base, p.line, 1.6));
    for (const y of [306, 346, 446, 506]) d.push(button(CX - 28, y, 6.5, p, p.deep), button(CX + 26, y, 6.5, p, p.deep));
    d.push(`<rect x="${CX + 10}" y="368" width="36" height="40" rx="4" fill="none" stroke="${buckle}" stroke-width="3"/>`);
    d.push(shape(`M${CX + 40} 402L${CX + 60} 402L${CX + 60} 468L${CX + 50} 480L${CX + 40} 468Z`, p.shade, p.line, 1.6));
    for (const s of [1, -1]) d.push(stroke(`M${CX + s * 70} 470L${CX + s * 96} 560`, p.line, 2));
    over += lapels(p, 282, true);
  } else {
    // Back storm flap (cape) and centre vent.
    d.push(shape(`M${CX - 126} 128L${CX + 126} 128L${CX + 122} 236Q${CX} 262 ${CX - 122} 236Z`, p.base, p.line, 1.6));
    d.push(stitch(`M${CX - 120} 226Q${CX} 250 ${CX + 120} 226`, p.line, 1.1));
    d.push(stroke(`M${CX} 250L${CX} 374M${CX} 402L${CX} 600`, p.line, 1.6));
    d.push(stroke(`M${CX} 600L${CX} 729M${CX + 12} 600L${CX + 12} 729M${CX} 600L${CX + 12} 600`, p.line, 1.6));
    d.push(`<rect x="${CX - 18}" y="368" width="36" height="40" rx="4" fill="none" stroke="${buckle}" stroke-width="3"/>`);
    over += shape(path([-46, 102], [["C", [-30, 90], [30, 90], [46, 102]], ["L", [66, 122]], ["C", [30, 136], [-30, 136], [-66, 122]]], false, true), p.base, p.outline);
  }
  // Epaulettes.
  over += shape(both([56, 106], [["L", [132, 124]], ["L", [130, 140]], ["L", [54, 122]]], true), p.base, p.outline, 1.6);
  over += button(CX + 66, 115, 4.5, p, p.deep) + button(CX - 66, 115, 4.5, p, p.deep);
  return { body: outline([0, 110], half), details: d.join(""), over, hanger: "top" };
}

const DRAW: Record<GarmentKind, (p: Palette, view: GarmentView) => Drawing> = {
  dress,
  tshirt,
  shirt,
  knit,
  jeans,
  skirt,
  trousers,
  jacket,
  coat,
  trench,
};

/** Lowest y and widest half-width of each drawing, to scale it so every garment fills the frame alike. */
const EXTENT: Record<GarmentKind, { bottom: number; half: number }> = {
  dress: { bottom: 732, half: 198 },
  tshirt: { bottom: 568, half: 198 },
  shirt: { bottom: 604, half: 178 },
  knit: { bottom: 564, half: 190 },
  jeans: { bottom: 716, half: 122 },
  skirt: { bottom: 660, half: 186 },
  trousers: { bottom: 716, half: 158 },
  jacket: { bottom: 512, half: 182 },
  coat: { bottom: 728, half: 182 },
  trench: { bottom: 730, half: 182 },
};
/** The hanger's hook tops out here in every drawing. */
const TOP = 44;

function frame(kind: GarmentKind): string {
  const { bottom, half } = EXTENT[kind];
  const s = Math.min(704 / (bottom - TOP), 258 / half);
  const y0 = 44 + (704 - (bottom - TOP) * s) / 2;
  return `translate(300 ${r1(y0)}) scale(${Math.round(s * 1000) / 1000}) translate(-300 -${TOP})`;
}

function hanger(kind: Drawing["hanger"], p: Palette): { under: string; over: string } {
  const metal = mix(p.bg, "#000000", 0.45);
  const hook = `<path d="M300 100L300 70C300 52 318 44 328 54C336 62 332 74 322 76" fill="none" stroke="${metal}" stroke-width="5" stroke-linecap="round"/>`;
  if (kind === "top") {
    const wood = "#c8a47e";
    return {
      under: `${hook}<path d="M300 92L172 128Q160 132 164 120L300 84L436 120Q440 132 428 128Z" fill="${wood}" stroke="#9a7652" stroke-width="2" stroke-linejoin="round"/>`,
      over: "",
    };
  }
  // Trouser hanger: a bar with two clips on the waistband.
  const bar = `<path d="M300 96L300 70C300 52 318 44 328 54C336 62 332 74 322 76" fill="none" stroke="${metal}" stroke-width="5" stroke-linecap="round"/><path d="M196 112L404 112" stroke="${metal}" stroke-width="7" stroke-linecap="round"/><path d="M300 96L300 112" stroke="${metal}" stroke-width="5"/>`;
  const clip = (x: number) =>
    `<rect x="${x - 13}" y="118" width="26" height="46" rx="5" fill="${mix(metal, "#ffffff", 0.35)}" stroke="${metal}" stroke-width="2"/><path d="M${x} 112L${x} 120" stroke="${metal}" stroke-width="4"/>`;
  return { under: bar, over: clip(216) + clip(384) };
}

/**
 * A flat illustration of a garment in a colour, front or back, as a standalone SVG document (600×800).
 * Throws on a malformed colour; callers at a boundary validate first.
 */
export function garmentSvg(kind: GarmentKind, colorHex: string, view: GarmentView = "front"): string {
  const draw = DRAW[kind];
  if (!draw) throw new Error(`unknown garment kind: ${kind}`);
  const p = palette(colorHex);
  const g = draw(p, view);
  const h = hanger(g.hanger, p);
  const label = `${kind} ${p.base} ${view}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 800" width="600" height="800" role="img" aria-label="${label}">` +
    `<defs>` +
    `<radialGradient id="bg" cx="50%" cy="42%" r="70%"><stop offset="0" stop-color="${p.bg2}"/><stop offset="1" stop-color="${p.bg}"/></radialGradient>` +
    `<linearGradient id="fab" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${p.hi}"/><stop offset="0.45" stop-color="${p.base}"/><stop offset="1" stop-color="${p.shade}"/></linearGradient>` +
    `<clipPath id="cut"><path d="${g.body}"/></clipPath>` +
    `<filter id="drop" x="-20%" y="-10%" width="140%" height="130%"><feDropShadow dx="0" dy="10" stdDeviation="12" flood-color="#000000" flood-opacity="0.14"/></filter>` +
    `</defs>` +
    `<rect width="600" height="800" fill="url(#bg)"/>` +
    `<g transform="${frame(kind)}">` +
    h.under +
    (g.inner ?? "") +
    `<g filter="url(#drop)"><path d="${g.body}" fill="url(#fab)"/></g>` +
    `<g clip-path="url(#cut)">${g.details}</g>` +
    `<path d="${g.body}" fill="none" stroke="${p.outline}" stroke-width="2.4" stroke-linejoin="round"/>` +
    (g.over ?? "") +
    h.over +
    `</g></svg>`
  );
}
