import crypto from "node:crypto";
import http from "node:http";
import { closeServer, listenOnLoopback } from "./loopback";

// A fake S3 on loopback speaking enough of the REST protocol for lib/storage/s3.ts: object requests, path-style
// (path /{bucket}/{key}) or virtual-hosted (Host {bucket}.{any name}, path /{key}; such names do not resolve
// here, so tests send them through reachFakeS3()):
//   PUT  {key}   stores the body with its Content-Type and Cache-Control; 200 with an ETag
//   GET  {key}   the bytes and their headers; 404 NoSuchKey
//   HEAD {key}   the headers only
// Every request must carry an AWS Signature Version 4 Authorization header, which the fake checks as S3 does, by
// computing the signature again with the secret it knows (written here from AWS's documentation, independently
// of the client's signer): a wrong secret is 403 SignatureDoesNotMatch, an unknown key id 403 InvalidAccessKeyId,
// another region 400 AuthorizationHeaderMalformed, a body that does not match x-amz-content-sha256 400
// XAmzContentSHA256Mismatch, an x-amz-* header left out of the signature 403 AccessDenied. Errors are S3's XML.
// Objects live in memory (`objects`, keyed "bucket/key").

export interface FakeS3Object {
  bytes: Buffer;
  contentType: string;
  cacheControl?: string;
  etag: string;
  lastModified: Date;
}

export interface FakeS3Request {
  method: string;
  path: string;
  status: number;
  /** S3's error code when it refused. */
  code?: string;
  headers: http.IncomingHttpHeaders;
}

export interface FakeS3 {
  /** e.g. http://127.0.0.1:54321: use it as S3_ENDPOINT. */
  url: string;
  region: string;
  objects: Map<string, FakeS3Object>;
  requests: FakeS3Request[];
  /** The next `count` requests answer `status` with S3 error `code` (e.g. 503 SlowDown) before anything is checked. */
  failNext(count: number, status: number, code: string): void;
  close(): Promise<void>;
}

/** What SigV4 signs, taken from a request as it arrived. */
export interface SignedRequest {
  method: string;
  /** The path as sent, percent-encoded, without the query. */
  path: string;
  /** The raw query string without "?" ("" when none). */
  query: string;
  /** Lower-case names; repeated headers joined by ",". */
  headers: Record<string, string>;
  signedHeaders: string[];
  payloadHash: string;
  amzDate: string;
  /** date/region/service/aws4_request */
  scope: string;
}

// RFC 3986 unreserved characters stay; everything else is %XX with upper-case hex (AWS's UriEncode).
const uriEncode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

const hmac = (key: Buffer | string, data: string) => crypto.createHmac("sha256", key).update(data, "utf8").digest();
const sha256 = (data: Buffer | string) => crypto.createHash("sha256").update(data).digest("hex");

/** The SigV4 signature S3 expects for `request` (AWS: "Signature Calculations for the Authorization Header"). */
export function sigV4Signature(request: SignedRequest, secretAccessKey: string): string {
  // S3 encodes the path once (other services twice), segment by segment, after undoing the client's encoding.
  const canonicalUri = request.path.split("/").map((segment) => uriEncode(decode(segment))).join("/") || "/";
  const canonicalQuery = request.query
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf("=");
      const [name, value] = at < 0 ? [pair, ""] : [pair.slice(0, at), pair.slice(at + 1)];
      return [uriEncode(decode(name.replace(/\+/g, " "))), uriEncode(decode(value.replace(/\+/g, " ")))] as const;
    })
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  const canonicalHeaders = request.signedHeaders.map((name) => `${name}:${(request.headers[name] ?? "").trim().replace(/\s+/g, " ")}\n`).join("");
  const canonicalRequest = [request.method, canonicalUri, canonicalQuery, canonicalHeaders, request.signedHeaders.join(";"), request.payloadHash].join("\n");
  const stringToSign = ["AWS4-HMAC-SHA256", request.amzDate, request.scope, sha256(canonicalRequest)].join("\n");
  const [date = "", region = "", service = ""] = request.scope.split("/");
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), "aws4_request");
  return hmac(signingKey, stringToSign).toString("hex");
}

class S3Failure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export async function startFakeS3(options: { accessKeyId: string; secretAccessKey: string; region?: string; buckets: string[] }): Promise<FakeS3> {
  const region = options.region ?? "us-east-1";
  const buckets = new Set(options.buckets);
  const objects = new Map<string, FakeS3Object>();
  const requests: FakeS3Request[] = [];
  let failures: { count: number; status: number; code: string } = { count: 0, status: 0, code: "" };

  function authenticate(req: http.IncomingMessage, path: string, query: string, body: Buffer): void {
    const authorization = req.headers.authorization;
    if (!authorization) throw new S3Failure(403, "AccessDenied", "Access Denied");
    const match = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(authorization);
    if (!match) throw new S3Failure(400, "AuthorizationHeaderMalformed", "The authorization header is malformed.");
    const [, credential = "", signedList = "", signature = ""] = match;
    const [accessKeyId, date, credentialRegion, service, terminator, ...rest] = credential.split("/");
    if (!accessKeyId || !date || !credentialRegion || service !== "s3" || terminator !== "aws4_request" || rest.length > 0) {
      throw new S3Failure(400, "AuthorizationHeaderMalformed", "The authorization header is malformed; the Credential is mal-formed.");
    }
    if (accessKeyId !== options.accessKeyId) throw new S3Failure(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
    if (credentialRegion !== region) {
      throw new S3Failure(400, "AuthorizationHeaderMalformed", `The authorization header is malformed; the region '${credentialRegion}' is wrong; expecting '${region}'`);
    }

    const amzDate = String(req.headers["x-amz-date"] ?? "");
    const when = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
    if (!when) throw new S3Failure(403, "AccessDenied", "AWS authentication requires a valid Date or x-amz-date header");
    if (amzDate.slice(0, 8) !== date) throw new S3Failure(400, "AuthorizationHeaderMalformed", "Invalid credential date. Date is not the same as X-Amz-Date.");
    const at = Date.UTC(+when[1]!, +when[2]! - 1, +when[3]!, +when[4]!, +when[5]!, +when[6]!);
    if (Math.abs(Date.now() - at) > MAX_SKEW_MS) throw new S3Failure(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.");

    const signedHeaders = signedList.split(";");
    if (!signedHeaders.includes("host")) throw new S3Failure(400, "AuthorizationHeaderMalformed", "Host must be a signed header.");
    const unsigned = Object.keys(req.headers).filter((name) => name.startsWith("x-amz-") && !signedHeaders.includes(name));
    if (unsigned.length > 0) throw new S3Failure(403, "AccessDenied", `There were headers present in the request which were not signed: ${unsigned.join(", ")}`);
    const payloadHash = String(req.headers["x-amz-content-sha256"] ?? "");
    if (!payloadHash) throw new S3Failure(400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
    if (payloadHash !== "UNSIGNED-PAYLOAD" && !/^[0-9a-f]{64}$/.test(payloadHash)) {
      throw new S3Failure(400, "InvalidArgument", "x-amz-content-sha256 must be UNSIGNED-PAYLOAD or a valid sha256 value.");
    }

    const headers: Record<string, string> = {};
    for (const [name, values] of Object.entries(req.headersDistinct)) if (values) headers[name] = values.join(",");
    const expected = sigV4Signature({ method: req.method ?? "GET", path, query, headers, signedHeaders, payloadHash, amzDate, scope: `${date}/${region}/s3/aws4_request` }, options.secretAccessKey);
    if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
      throw new S3Failure(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
    }
    // Checked after the signature, as S3 does: the hash was signed, now the body must match it.
    if (payloadHash !== "UNSIGNED-PAYLOAD" && sha256(body) !== payloadHash) {
      throw new S3Failure(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
    const raw = req.url ?? "/";
    const q = raw.indexOf("?");
    const path = q < 0 ? raw : raw.slice(0, q);
    const query = q < 0 ? "" : raw.slice(q + 1);
    const method = req.method ?? "GET";
    const requestId = crypto.randomBytes(8).toString("hex").toUpperCase();
    const record: FakeS3Request = { method, path, status: 200, headers: req.headers };
    requests.push(record);
    try {
      if (failures.count > 0) {
        failures.count--;
        throw new S3Failure(failures.status, failures.code, "Injected failure.");
      }
      authenticate(req, path, query, body);
      // A host name whose first label is one of the buckets is virtual-hosted style; anything else path-style.
      const hostLabel = /^([a-z0-9-]+)\.[^:]+/.exec(req.headers.host ?? "")?.[1];
      const virtual = hostLabel !== undefined && buckets.has(hostLabel);
      const [bucket = "", ...keyParts] = virtual ? [hostLabel, ...path.split("/").slice(1)] : path.split("/").slice(1);
      const key = keyParts.map(decode).join("/");
      if (!bucket || !key) throw new S3Failure(501, "NotImplemented", "Only object requests are implemented by this fake.");
      if (!buckets.has(decode(bucket))) throw new S3Failure(404, "NoSuchBucket", "The specified bucket does not exist");
      const id = `${decode(bucket)}/${key}`;

      if (method === "PUT") {
        if (query) throw new S3Failure(501, "NotImplemented", "Sub-resources are not implemented by this fake.");
        const etag = `"${crypto.createHash("md5").update(body).digest("hex")}"`;
        const cacheControl = req.headers["cache-control"];
        objects.set(id, { bytes: body, contentType: req.headers["content-type"] ?? "binary/octet-stream", ...(cacheControl ? { cacheControl } : {}), etag, lastModified: new Date() });
        res.writeHead(200, { etag, "x-amz-request-id": requestId }).end();
        return;
      }
      if (method === "GET" || method === "HEAD") {
        const object = objects.get(id);
        if (!object) throw new S3Failure(404, "NoSuchKey", "The specified key does not exist.");
        res.writeHead(200, {
          "content-type": object.contentType,
          "content-length": object.bytes.length,
          etag: object.etag,
          "last-modified": object.lastModified.toUTCString(),
          "accept-ranges": "bytes",
          "x-amz-request-id": requestId,
          ...(object.cacheControl ? { "cache-control": object.cacheControl } : {}),
        });
        res.end(method === "GET" ? object.bytes : undefined);
        return;
      }
      throw new S3Failure(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
    } catch (error) {
      if (!(error instanceof S3Failure)) throw error;
      record.status = error.status;
      record.code = error.code;
      // HEAD answers carry no body, so S3 sends only the status.
      const xml =
        method === "HEAD"
          ? undefined
          : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${error.code}</Code><Message>${error.message}</Message><Resource>${path}</Resource><RequestId>${requestId}</RequestId></Error>`;
      res.writeHead(error.status, { "content-type": "application/xml", "x-amz-request-id": requestId }).end(xml);
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > MAX_BODY_BYTES) {
        res.writeHead(400, { "content-type": "application/xml" }).end("<Error><Code>EntityTooLarge</Code></Error>");
        return;
      }
      handle(req, res, Buffer.concat(chunks));
    });
  });

  const url = await listenOnLoopback(server);

  return {
    url,
    region,
    objects,
    requests,
    failNext(count, status, code) {
      failures = { count, status, code };
    },
    close: () => closeServer(server),
  };
}

/**
 * A transport for S3Storage that connects every request to the fake whatever its host name, sending that name as
 * Host (the signed host): virtual-hosted names such as media.s3.fake.test resolve nowhere here.
 */
export function reachFakeS3(s3: FakeS3): (request: Request) => Promise<Response> {
  const target = new URL(s3.url);
  return async (request) => {
    const url = new URL(request.url);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    return new Promise<Response>((resolve, reject) => {
      const outgoing = http.request(
        { host: target.hostname, port: target.port, method: request.method, path: url.pathname + url.search, headers: { ...Object.fromEntries(request.headers), host: url.host }, signal: request.signal },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
          incoming.on("error", reject);
          incoming.on("end", () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
            const empty = request.method === "HEAD" || chunks.length === 0;
            resolve(new Response(empty ? null : Buffer.concat(chunks), { status: incoming.statusCode ?? 500, headers }));
          });
        },
      );
      outgoing.on("error", reject);
      outgoing.end(body);
    });
  };
}
