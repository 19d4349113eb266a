// What the hand-over screen is given by its server actions (plain data: fen, not formatted money).

export type HandOverLine = { id: string; name: string; styleCode: string; variant: string; quantity: number; unitPriceFen: number };

export type HandOverOrder = { number: string; status: string; fulfilment: string; totalFen: number; lines: HandOverLine[] };

export type HandOverDone = {
  number: string;
  status: string;
  handedOver: number;
  missing: number;
  refundedFen: number;
  refundStatus: "SUCCEEDED" | "PENDING" | "FAILED" | null;
};
