import { Refusal } from "@/lib/refusal";
// Refusals a guide can act on; Chinese first, English after. Nothing has been written when one is thrown.
export class LookbookRefused extends Refusal {
  constructor(
    readonly code: "bad_request" | "no_brand" | "unknown_product" | "not_your_customer" | "not_found",
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
