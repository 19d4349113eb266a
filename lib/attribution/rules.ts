import type { BindingMode, BindingSource } from "@/lib/generated/prisma/enums";

// Whose customer a shopper is when a guide's code touches them (scan, share link, counter). Pure; the brand
// chooses the mode (DESIGN.md §9, issue 5):
//   FIRST_TOUCH  the first guide keeps the customer until the manager reassigns them;
//   LAST_TOUCH   another guide's touch takes the customer over, except within the protection period after
//                their current guide last served them (no poaching at the door);
//   WINDOW       a binding lasts `windowDays` after its guide's last touch; nobody else can take it meanwhile,
//                and once it lapses the next guide's touch binds.
// Orders credit the guide of the binding that is in force when the order is placed (creditedGuide).

export type BindingSettings = { mode: BindingMode; windowDays: number; protectionDays: number };
export type OpenBinding = { guideId: string; boundAt: Date; lastTouchAt: Date };
export type Touch = { guideId: string; at: Date; source: BindingSource };

export type TouchDecision =
  | { action: "bind"; reason: "first" | "lapsed" }
  | { action: "refresh" } // the same guide again: the window restarts
  | { action: "takeover"; reason: "last_touch" | "lapsed" }
  | { action: "keep"; reason: "first_touch" | "protected" | "window" };

const DAY = 86_400_000;

/** True when a WINDOW binding has run out (other modes never lapse by time). */
export function hasLapsed(binding: OpenBinding, settings: BindingSettings, at: Date): boolean {
  return settings.mode === "WINDOW" && at.getTime() >= binding.lastTouchAt.getTime() + settings.windowDays * DAY;
}

export function decideTouch(current: OpenBinding | null, touch: Touch, settings: BindingSettings): TouchDecision {
  if (!current) return { action: "bind", reason: "first" };
  if (current.guideId === touch.guideId) return hasLapsed(current, settings, touch.at) ? { action: "takeover", reason: "lapsed" } : { action: "refresh" };
  if (hasLapsed(current, settings, touch.at)) return { action: "takeover", reason: "lapsed" };
  switch (settings.mode) {
    case "FIRST_TOUCH":
      return { action: "keep", reason: "first_touch" };
    case "WINDOW":
      return { action: "keep", reason: "window" };
    case "LAST_TOUCH":
      return touch.at.getTime() < current.lastTouchAt.getTime() + settings.protectionDays * DAY
        ? { action: "keep", reason: "protected" }
        : { action: "takeover", reason: "last_touch" };
  }
}

/** The guide an order placed at `at` credits: the open binding's guide, unless a WINDOW binding has lapsed. */
export function creditedGuide(current: OpenBinding | null, settings: BindingSettings, at: Date): string | null {
  if (!current || hasLapsed(current, settings, at)) return null;
  return current.guideId;
}
