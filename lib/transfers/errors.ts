import { Refusal } from "@/lib/refusal";
// Refusals of a transfer that staff can act on. Chinese first, English after; `status` is what an action or
// route answers with. Nothing has been written when one of these is thrown.

export class TransferRefused extends Refusal {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 403 | 404 | 409 = 400,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "TransferRefused";
  }
}

/** The source cannot give the quantity: the message carries the figure so the guide can pick another store. */
export class SourceShort extends TransferRefused {
  constructor(readonly sellable: number, readonly quantity: number) {
    super(
      "source_short",
      sellable <= 0
        ? `来源门店目前没有可调的库存（需要 ${quantity} 件） / The source store has none to give right now (${quantity} needed)`
        : `来源门店仅有 ${sellable} 件可调（需要 ${quantity} 件） / The source store has only ${sellable} ${sellable === 1 ? "unit" : "units"} to give (${quantity} needed)`,
      409,
      { sellable, quantity },
    );
  }
}

/** Another tap (a colleague, a double tap) moved the transfer first. */
export class TransferChangedMeanwhile extends TransferRefused {
  constructor() {
    super("transfer_changed", "调货单状态刚刚已变化，请刷新后重试 / The transfer changed meanwhile: refresh and try again", 409);
  }
}

export const transferNotFound = () => new TransferRefused("not_found", "调货单不存在 / Transfer not found", 404);
