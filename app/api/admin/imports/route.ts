import { after, NextResponse, type NextRequest } from "next/server";
import { currentPrincipal } from "@/lib/auth/session";
import { apiError, withErrors } from "@/lib/http/errors";
import { isSameOrigin } from "@/lib/http/origin";
import { startImportUpload, uploadGate } from "@/lib/imports/service";

// Upload a CSV (multipart: brand, kind, file ≤ 20 MB): brand.manage of that brand. Answers 202 with the job id at
// once; the dry run reads the file after the response, and the page polls GET /api/admin/imports/<id>.
export const dynamic = "force-dynamic";

export async function POST(request: NextRequest) {
  return withErrors(async () => {
    if (!isSameOrigin(request)) return apiError("forbidden", "来源不被允许 / Cross-site request refused");
    const principal = await currentPrincipal();
    const declared = Number(request.headers.get("content-length"));
    const early = uploadGate(principal, Number.isFinite(declared) && declared > 0 ? declared : null);
    if (early) return NextResponse.json({ error: { code: early.code, message: early.message } }, { status: early.status });
    const form = await request.formData().catch(() => null);
    if (!form) return apiError("bad_request", "请上传 CSV 文件 / Upload a CSV file");
    const started = await startImportUpload(principal, { brand: form.get("brand"), kind: form.get("kind"), file: form.get("file") });
    if ("status" in started) return NextResponse.json({ error: { code: started.code, message: started.message } }, { status: started.status });
    after(started.run);
    return NextResponse.json({ jobId: started.jobId }, { status: 202 });
  });
}
