import { NextResponse } from "next/server";
import { receivePaymentNotification } from "@/lib/orders/payment";

// WeChat Pay's payment notifications (支付结果通知). The signature is the authentication: no session, no
// Origin check. WeChat Pay wants 2xx with no body for success and 4xx/5xx with {"code":"FAIL"} otherwise.
export async function POST(request: Request) {
  try {
    const body = await request.text();
    const receipt = await receivePaymentNotification({ headers: request.headers, body });
    if (receipt.status === 204) return new NextResponse(null, { status: 204 });
    return NextResponse.json({ code: receipt.code, message: receipt.message }, { status: receipt.status });
  } catch (error) {
    console.error("[payment] notification", error);
    return NextResponse.json({ code: "FAIL", message: "系统繁忙 / Try again later" }, { status: 500 });
  }
}
