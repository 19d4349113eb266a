// The shop's server actions, called over HTTP the way its pages call them (React's fetch-based action protocol):
// POST to the page with a `next-action` header naming the action's id in this build, arguments encoded as React
// encodes them, and the answer as a Flight (text/x-component) stream.
import fs from "node:fs";
import path from "node:path";
import { BenchError, DIST_DIR, ROOT } from "../bench/env";

export interface ShopActions {
  /** components/shop/favourite-actions.ts toggleFavouriteAction (the product page's heart). */
  toggleFavourite: string;
  /** components/shop/pay-actions.ts confirmSandboxPayAction (the sandbox pay sheet's "Pay"). */
  confirmSandboxPay: string;
}

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
}

/** Finds an action's id in a build's server-reference manifest by its file and exported name. */
export function actionId(manifest: { node?: Record<string, ManifestEntry> }, filename: string, exportedName: string): string | null {
  for (const [id, entry] of Object.entries(manifest.node ?? {})) {
    if (entry.filename === filename && entry.exportedName === exportedName) return id;
  }
  return null;
}

export function readShopActions(distDir: string = path.join(ROOT, DIST_DIR)): ShopActions {
  const file = path.join(distDir, "server", "server-reference-manifest.json");
  let manifest: { node?: Record<string, ManifestEntry> };
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8")) as typeof manifest;
  } catch (error) {
    throw new BenchError(`soak: cannot read the build's server actions (${file}): ${(error as Error).message}`);
  }
  const toggleFavourite = actionId(manifest, "components/shop/favourite-actions.ts", "toggleFavouriteAction");
  const confirmSandboxPay = actionId(manifest, "components/shop/pay-actions.ts", "confirmSandboxPayAction");
  if (toggleFavourite === null || confirmSandboxPay === null) {
    throw new BenchError(`soak: ${file} lacks toggleFavouriteAction or confirmSandboxPayAction (renamed or moved?)`);
  }
  return { toggleFavourite, confirmSandboxPay };
}

/** Headers of a fetch-based action call from a page of this origin. */
export function actionHeaders(id: string, origin: string, cookie: string): Record<string, string> {
  return { "next-action": id, accept: "text/x-component", origin, cookie };
}

/** toggleFavouriteAction's answer in the Flight stream: { ok: true, favourited } or { ok: false, message }. */
export function favouriteAnswer(flight: string): { ok: true; favourited: boolean } | { ok: false; message: string } | null {
  const ok = /\{"ok":true,"favourited":(true|false)\}/.exec(flight);
  if (ok) return { ok: true, favourited: ok[1] === "true" };
  const refused = /\{"ok":false,"message":"((?:[^"\\]|\\.)*)"\}/.exec(flight);
  if (refused) return { ok: false, message: refused[1]! };
  return null;
}

/**
 * The pay sheet's form posted through useActionState: React encodes (previousState = null, formData) as a multipart
 * body whose field "0" is the argument list and whose form fields carry the FormData's reference prefix "_1_".
 */
export function payActionBody(brand: string, number: string): FormData {
  const body = new FormData();
  body.set("_1_brand", brand);
  body.set("_1_number", number);
  body.set("0", JSON.stringify([null, "$K1"]));
  return body;
}

/** The pay action redirects to the order on success (x-action-redirect); a refusal answers { message }. */
export function payAnswer(redirect: string | null, flight: string): { paid: true } | { paid: false; message: string } {
  if (redirect !== null && redirect.includes("/orders/")) return { paid: true };
  const refused = /\{"message":"((?:[^"\\]|\\.)*)"\}/.exec(flight);
  return { paid: false, message: refused ? refused[1]! : `no redirect to the order (${flight.slice(0, 120)})` };
}
