import { describe, expect, it } from "vitest";
import { parseDashboardQuery, periodOf, shanghaiDay, shanghaiDayStart } from "@/lib/analytics/filters";
import { chartCsv } from "@/lib/analytics/csv";

describe("dashboard periods in Shanghai days", () => {
  it("a Shanghai day starts at 16:00 UTC the day before; 15:59 UTC is still the earlier day", () => {
    expect(shanghaiDayStart("2026-11-23").toISOString()).toBe("2026-11-22T16:00:00.000Z");
    expect(shanghaiDay(new Date("2026-11-22T15:59:59Z"))).toBe("2026-11-22");
    expect(shanghaiDay(new Date("2026-11-22T16:00:00Z"))).toBe("2026-11-23");
  });

  it("from/to are inclusive days; the end is the next day's start; every day is listed", () => {
    const p = periodOf({ from: "2026-02-27", to: "2026-03-02" });
    expect(p.days).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(p.start.toISOString()).toBe("2026-02-26T16:00:00.000Z");
    expect(p.end.toISOString()).toBe("2026-03-02T16:00:00.000Z");
  });

  it("defaults: the last 30 days to today; only a start: 30 days from it; only an end: 30 days up to it", () => {
    const now = new Date("2026-11-23T02:00:00Z");
    expect(periodOf({}, now)).toMatchObject({ from: "2026-10-25", to: "2026-11-23" });
    expect(periodOf({ from: "2026-01-01" }, now)).toMatchObject({ from: "2026-01-01", to: "2026-01-30" });
    expect(periodOf({ to: "2026-01-30" }, now)).toMatchObject({ from: "2026-01-01", to: "2026-01-30" });
  });

  it("empty fields count as not given; repeated ones take the first, except store: every code, upper-cased, once", () => {
    const parsed = parseDashboardQuery({ city: ["", "上海"], store: ["sh01", "BJ01", "", "SH01"], from: "", to: "2026-01-30" });
    expect(parsed).toMatchObject({ ok: true, query: { store: ["SH01", "BJ01"] }, period: { from: "2026-01-01" } });
    if (parsed.ok) expect(parsed.query.city).toBeUndefined();
    expect(parseDashboardQuery({ store: "gz01, sh01" })).toMatchObject({ ok: true, query: { store: ["GZ01", "SH01"] } });
    const none = parseDashboardQuery({ store: ["", " "] });
    expect(none.ok && none.query.store).toBeUndefined();
  });

  it("refuses a reversed period, one over 366 days, a date that does not exist, a malformed store code", () => {
    expect(parseDashboardQuery({ from: "2026-01-02", to: "2026-01-01" })).toEqual({ ok: false, message: "开始日期晚于结束日期 / The start date is after the end date" });
    expect(parseDashboardQuery({ from: "2025-01-01", to: "2026-01-02" })).toEqual({ ok: false, message: "时间范围最长 366 天 / The period is at most 366 days" });
    expect(parseDashboardQuery({ from: "2025-01-01", to: "2026-01-01" })).toMatchObject({ ok: true });
    expect(parseDashboardQuery({ to: "2026-13-01" })).toMatchObject({ ok: false, message: "不是有效日期 / Not a valid date" });
    expect(parseDashboardQuery({ store: "S H" })).toMatchObject({ ok: false, message: "门店编号无效 / Not a valid store code" });
    expect(parseDashboardQuery({ store: ["SH01", "S;H"] })).toMatchObject({ ok: false, message: "门店编号无效 / Not a valid store code" });
  });
});

describe("chart CSV", () => {
  it("BOM, the header of the chart's columns, CRLF lines, empty for no ratio, formulas neutralised", () => {
    const csv = chartCsv("store-conversion", [
      { storeCode: "SH01", storeName: "=HYPERLINK(\"x\")", city: "上海", scans: 4, validOrders: 1, conversion: 0.25 },
      { storeCode: "BJ01", storeName: "北京, 国贸", city: "北京", scans: 0, validOrders: 2, conversion: null },
    ]);
    expect(csv.startsWith("\uFEFFstoreCode,storeName,city,scans,validOrders,conversion\r\n")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[1]).toBe(`SH01,"'=HYPERLINK(""x"")",上海,4,1,0.25`);
    expect(lines[2]).toBe(`BJ01,"北京, 国贸",北京,0,2,`);
  });
});
