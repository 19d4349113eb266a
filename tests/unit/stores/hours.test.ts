import { describe, expect, it } from "vitest";
import { chinaMinuteOfDay, formatHours, isOpenAt } from "@/lib/stores/hours";

const at = (isoUtc: string) => new Date(isoUtc);

describe("opening hours (China time, UTC+8)", () => {
  const mall = { opensAt: 600, closesAt: 1320 }; // 10:00–22:00

  it("converts UTC to minutes after midnight in China", () => {
    expect(chinaMinuteOfDay(at("2026-11-23T02:00:00Z"))).toBe(600);
    expect(chinaMinuteOfDay(at("2026-11-23T16:30:00Z"))).toBe(30);
  });

  it("is open between opening and closing, closed at the closing minute", () => {
    expect(isOpenAt(mall, at("2026-11-23T01:59:00Z"))).toBe(false); // 09:59
    expect(isOpenAt(mall, at("2026-11-23T02:00:00Z"))).toBe(true); // 10:00
    expect(isOpenAt(mall, at("2026-11-23T13:59:00Z"))).toBe(true); // 21:59
    expect(isOpenAt(mall, at("2026-11-23T14:00:00Z"))).toBe(false); // 22:00
  });

  it("handles a store that closes after midnight", () => {
    const late = { opensAt: 600, closesAt: 1500 }; // 10:00–01:00
    expect(isOpenAt(late, at("2026-11-23T16:30:00Z"))).toBe(true); // 00:30
    expect(isOpenAt(late, at("2026-11-23T17:00:00Z"))).toBe(false); // 01:00
    expect(formatHours(late)).toBe("10:00–01:00");
    expect(formatHours(mall)).toBe("10:00–22:00");
  });
});
