"use client";

import { useRouter } from "next/navigation";
import { usePosition } from "./use-position";

/** "In stock near me": asks for the position, then reloads the listing with it (rounded to ~1 km). */
export function NearMeToggle({ active, offHref, onHrefBase, labels }: { active: boolean; offHref: string; onHrefBase: string; labels: { on: string; off: string; locating: string; denied: string } }) {
  const router = useRouter();
  const { state, request } = usePosition();
  async function toggle() {
    if (active) return router.push(offHref);
    const p = await request();
    if (!p) return;
    const sep = onHrefBase.includes("?") ? "&" : "?";
    router.push(`${onHrefBase}${sep}near=${p.lat.toFixed(2)},${p.lng.toFixed(2)}`);
  }
  return (
    <div>
      <button
        type="button"
        onClick={toggle}
        aria-pressed={active}
        className={`rounded-full border px-3 py-1.5 text-xs ${active ? "border-brand bg-brand text-white" : "border-line"}`}
      >
        {state === "locating" ? labels.locating : active ? labels.on : labels.off}
      </button>
      {state === "denied" || state === "unavailable" ? <p role="alert" className="mt-1 text-xs text-warn">{labels.denied}</p> : null}
    </div>
  );
}
