import { Refusal } from "@/lib/refusal";
// Refusals of the DM catalog builder an admin can act on; Chinese first, English after. Nothing has been
// written when one is thrown.
export class DmRefused extends Refusal {
  constructor(
    readonly code:
      | "bad_request"
      | "not_found"
      | "unknown_product"
      | "duplicate_product"
      | "too_many_items"
      | "unknown_member"
      | "unknown_store"
      | "no_items"
      | "no_audience"
      | "window_over"
      | "bad_window"
      | "published",
    message: string,
  ) {
    super(message);
  }
}
