import { openApiDocument } from "@/lib/erp/openapi";

// The API's OpenAPI 3.1 document, generated from the handlers' zod schemas. Public: it holds no data.
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
