import { decide, type Capability } from "@/lib/auth/policy";
import type { TransferStatus } from "@/lib/generated/prisma/enums";
import type { TransferActor } from "./service";

// Which buttons a staff member sees on a transfer: the same rules lib/transfers/service.ts enforces (this
// only hides what would be refused). The source's manager approves or refuses; anyone at the source ships;
// anyone at the requesting store receives; the requester (or its manager) cancels before it ships.

export type TransferStep = "approve" | "refuse" | "ship" | "receive" | "cancel";
type Seen = { brandId: string; status: TransferStatus; requestedById: string; fromStore: { id: string }; toStore: { id: string } };

export function nextSteps(t: Seen, staff: TransferActor): TransferStep[] {
  const can = (capability: Capability, storeId: string) => decide(staff, capability, { brandId: t.brandId, storeId }) === "allow";
  const canCancel = (t.requestedById === staff.staffId && can("guide.workspace", t.toStore.id)) || can("store.operate", t.toStore.id);
  switch (t.status) {
    case "REQUESTED":
      return [...(can("store.operate", t.fromStore.id) ? (["approve", "refuse"] as const) : []), ...(canCancel ? (["cancel"] as const) : [])];
    case "APPROVED":
      return [...(can("store.fulfil", t.fromStore.id) ? (["ship"] as const) : []), ...(canCancel ? (["cancel"] as const) : [])];
    case "SHIPPED":
      return can("guide.workspace", t.toStore.id) ? ["receive"] : [];
    default:
      return [];
  }
}
