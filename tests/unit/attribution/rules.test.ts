import { describe, expect, it } from "vitest";
import { creditedGuide, decideTouch, type BindingSettings, type OpenBinding } from "@/lib/attribution/rules";

const DAY = 86_400_000;
const t0 = new Date("2026-11-01T02:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const settings = (mode: BindingSettings["mode"]): BindingSettings => ({ mode, windowDays: 30, protectionDays: 7 });
const boundToA: OpenBinding = { guideId: "A", boundAt: t0, lastTouchAt: t0 };
const touchB = (days: number) => ({ guideId: "B", at: at(days), source: "QR" as const });

describe("binding a shopper to a guide", () => {
  it("binds the first guide whatever the mode", () => {
    for (const mode of ["FIRST_TOUCH", "LAST_TOUCH", "WINDOW"] as const) {
      expect(decideTouch(null, touchB(0), settings(mode))).toEqual({ action: "bind", reason: "first" });
    }
  });

  it("the same guide again refreshes the binding (its window restarts)", () => {
    for (const mode of ["FIRST_TOUCH", "LAST_TOUCH", "WINDOW"] as const) {
      expect(decideTouch(boundToA, { guideId: "A", at: at(10), source: "SHARE_LINK" }, settings(mode))).toEqual({ action: "refresh" });
    }
  });

  describe("two guides within the window", () => {
    it("FIRST_TOUCH: the first guide keeps the customer, even long after", () => {
      expect(decideTouch(boundToA, touchB(3), settings("FIRST_TOUCH"))).toEqual({ action: "keep", reason: "first_touch" });
      expect(decideTouch(boundToA, touchB(300), settings("FIRST_TOUCH"))).toEqual({ action: "keep", reason: "first_touch" });
    });
    it("LAST_TOUCH: protected for 7 days after the guide last served them, then the new guide takes over", () => {
      expect(decideTouch(boundToA, touchB(6.9), settings("LAST_TOUCH"))).toEqual({ action: "keep", reason: "protected" });
      expect(decideTouch(boundToA, touchB(7), settings("LAST_TOUCH"))).toEqual({ action: "takeover", reason: "last_touch" });
      // A fresh touch by A restarts the protection.
      expect(decideTouch({ ...boundToA, lastTouchAt: at(5) }, touchB(8), settings("LAST_TOUCH"))).toEqual({ action: "keep", reason: "protected" });
    });
    it("WINDOW: nobody takes the customer while the window runs; after it lapses the next guide binds", () => {
      expect(decideTouch(boundToA, touchB(29), settings("WINDOW"))).toEqual({ action: "keep", reason: "window" });
      expect(decideTouch(boundToA, touchB(30), settings("WINDOW"))).toEqual({ action: "takeover", reason: "lapsed" });
    });
  });

  it("credits orders while the binding holds; a lapsed WINDOW binding credits nobody", () => {
    expect(creditedGuide(boundToA, settings("WINDOW"), at(29))).toBe("A");
    expect(creditedGuide(boundToA, settings("WINDOW"), at(31))).toBeNull();
    expect(creditedGuide(boundToA, settings("FIRST_TOUCH"), at(400))).toBe("A");
    expect(creditedGuide(boundToA, settings("LAST_TOUCH"), at(400))).toBe("A");
    expect(creditedGuide(null, settings("LAST_TOUCH"), at(1))).toBeNull();
  });
});
