import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { consoleErrorMessage } from "@/lib/admin/console-action";
import { refusedAnswer } from "@/lib/action-answer";
import { TransferRefused } from "@/lib/transfers/errors";
import { AccessDenied } from "@/lib/auth/policy";
import { Refusal } from "@/lib/refusal";
import { StockAdjustRefused } from "@/lib/inventory/adjustments";
import { OrderRefused } from "@/lib/orders/errors";
import { DmRefused } from "@/lib/dm/errors";
import { UploadRefused } from "@/lib/storage";

describe("what a console form shows for an error", () => {
  it("shows any domain's refusal and an access refusal as they are", () => {
    for (const refusal of [new StockAdjustRefused("below_reserved", "低于已预留 / Below reserved"), new OrderRefused("gone", "订单已取消 / Cancelled"), new DmRefused("no_items", "没有商品 / No items"), new UploadRefused("too_large")]) {
      expect(refusal).toBeInstanceOf(Refusal);
      expect(consoleErrorMessage("test", refusal)).toBe(refusal.message);
    }
    expect(consoleErrorMessage("test", new AccessDenied("forbidden", "brand.manage"))).toMatch(/没有权限/);
  });

  it("gives staff screens the refusal's code too, so they can offer the next step", () => {
    expect(refusedAnswer("transfer action", "approve", new TransferRefused("no_stock", "调出门店库存不足 / Not enough stock"))).toEqual({ ok: false, message: "调出门店库存不足 / Not enough stock", code: "no_stock" });
    expect(refusedAnswer("transfer action", "approve", new AccessDenied("unauthenticated", "guide.workspace"))).toMatchObject({ code: "unauthenticated" });
    expect(refusedAnswer("lookbook action", "send", z.object({ id: z.string() }).safeParse({}).error!)).toEqual({ ok: false, message: "参数无效 / Invalid request", code: "bad_request" });
  });

  it("shows bad input's own bilingual message, a generic one otherwise", () => {
    const bilingual = z.string().min(2, "太短 / Too short").safeParse("a").error!;
    expect(consoleErrorMessage("test", bilingual)).toBe("太短 / Too short");
    expect(consoleErrorMessage("test", z.number().safeParse("x").error!)).toBe("参数无效 / Invalid request");
  });

  it("never shows an unexpected error's text; it is logged for the team", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(consoleErrorMessage("test", new Error("SQLITE_CONSTRAINT: secret table detail"))).toBe("操作失败，请重试 / Something went wrong, please retry");
      expect(log).toHaveBeenCalledOnce();
    } finally {
      log.mockRestore();
    }
  });
});
