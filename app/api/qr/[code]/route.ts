import { sceneCode, sceneExists } from "@/lib/scenes/resolve";
import { qrResponse } from "@/lib/qr/response";
import { withErrors } from "@/lib/http/errors";


export async function GET(_req: Request, { params }: { params: Promise<{ code: string }> }) {
  return withErrors(async () => {
    const { code } = await params;
    return qrResponse(sceneCode.safeParse(code).success && (await sceneExists(code)) ? code : null);
  });
}
