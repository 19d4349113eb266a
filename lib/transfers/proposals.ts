import { distanceMeters, type GcjPoint } from "@/lib/stores/geo";
import { sellableQuantity } from "@/lib/inventory/levels";

// Which stores could give a SKU to the requesting store: pure, so the ordering rule is tested without a
// database. A source keeps its own safety stock (the same figure online orders respect), so what it "can
// give" is on hand − reserved − safety stock; warehouses are sources like any store.

export type SourceCandidate = GcjPoint & {
  storeId: string;
  code: string;
  name: string;
  city: string;
  kind: string;
  onHand: number;
  reserved: number;
  safetyStock: number;
};

export type SourceProposal = Omit<SourceCandidate, "onHand" | "reserved" | "safetyStock"> & { sellable: number; distanceM: number };

/** Candidates that can give `quantity` now, nearest to `target` first (ties: more to give, then code). */
export function rankSources(target: GcjPoint & { storeId: string }, candidates: SourceCandidate[], quantity: number): SourceProposal[] {
  return candidates
    .filter((c) => c.storeId !== target.storeId)
    .map(({ onHand, reserved, safetyStock, ...c }) => ({ ...c, sellable: sellableQuantity(onHand, reserved, safetyStock), distanceM: distanceMeters(target, c) }))
    .filter((c) => c.sellable >= quantity)
    .sort((a, b) => a.distanceM - b.distanceM || b.sellable - a.sellable || a.code.localeCompare(b.code));
}
