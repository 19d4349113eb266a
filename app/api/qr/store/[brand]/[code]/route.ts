import { findSceneCode } from "@/lib/scenes/resolve";
import { qrResponse } from "@/lib/qr/response";
import { withErrors } from "@/lib/http/errors";

export async function GET(_req: Request, { params }: { params: Promise<{ brand: string; code: string }> }) {
  return withErrors(async () => {
    const { brand, code } = await params;
    return qrResponse(await findSceneCode(brand, { storeCode: code }));
  });
}
