import type { Principal } from "@/lib/auth/policy";
import { OrderRefused } from "./errors";

/** A store staff member acting on orders: the store they stand in decides what they may redeem or receive. */
export type StaffActor = { staffId: string; brandId: string; storeId: string };

/** Store counter work needs a store: guides and managers have one; brand admins act from a store's account. */
export function staffActorOf(principal: Principal): StaffActor {
  if (principal.kind !== "staff" || !principal.brandId || !principal.storeId) {
    throw new OrderRefused("store_staff_only", "仅门店员工可操作（请使用门店账号登录） / Store staff only: sign in with a store account", 403);
  }
  return { staffId: principal.staffId, brandId: principal.brandId, storeId: principal.storeId };
}
