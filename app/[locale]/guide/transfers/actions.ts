"use server";

import { z } from "zod";
import type { Capability } from "@/lib/auth/policy";
import { approveTransfer, cancelTransfer, receiveTransfer, refuseTransfer, shipTransfer } from "@/lib/transfers/service";
import type { StoreActionResult } from "@/components/staff/store-action-result";
import { runTransferAction } from "./_shared/run";

// The transfer list's buttons. The capability asked here is the step's (approve/refuse: a manager's
// store.operate; ship: store.fulfil; receive/cancel: guide.workspace); lib/transfers then checks it against
// the transfer's own source or target store, so a posted id of another store reads as not found.

const step = z.enum(["approve", "refuse", "ship", "receive", "cancel"]);
export type TransferStep = z.infer<typeof step>;
const input = z.object({ transferId: z.string().min(1).max(64), step });

const CAPABILITY: Record<TransferStep, Capability> = { approve: "store.operate", refuse: "store.operate", ship: "store.fulfil", receive: "guide.workspace", cancel: "guide.workspace" };
const DO = { approve: approveTransfer, refuse: refuseTransfer, ship: shipTransfer, receive: receiveTransfer, cancel: cancelTransfer } as const;

export async function transferStepAction(raw: unknown): Promise<StoreActionResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, message: "参数无效 / Invalid request", code: "bad_request" };
  const { transferId, step: s } = parsed.data;
  return runTransferAction(CAPABILITY[s], `transfer ${s}`, async (staff) => {
    await DO[s](staff, transferId);
    return {};
  });
}
