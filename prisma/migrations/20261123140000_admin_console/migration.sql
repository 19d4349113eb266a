-- Issue 6: VIP DM catalogs share the lookbook model (kind, audience, window, draft/publish); member points
-- entries; CSV import jobs with staged rows; ERP API keys and idempotency receipts. CHECKs by hand (decision 003).
-- CreateTable
CREATE TABLE "CatalogAudience" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lookbookId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    CONSTRAINT "CatalogAudience_lookbookId_fkey" FOREIGN KEY ("lookbookId") REFERENCES "Lookbook" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PointsEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberBrandId" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,
    "balanceAfter" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK ("balanceAfter" >= 0 AND "delta" <> 0),
    CONSTRAINT "PointsEntry_memberBrandId_fkey" FOREIGN KEY ("memberBrandId") REFERENCES "MemberBrand" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'VALIDATING',
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "appliedRows" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "errors" TEXT NOT NULL DEFAULT '[]',
    "actor" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CHECK ("appliedRows" >= 0 AND "appliedRows" <= "totalRows" AND "errorCount" >= 0),
    CONSTRAINT "ImportJob_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "jobId" TEXT NOT NULL,
    "rowNo" INTEGER NOT NULL,
    "storeId" TEXT,
    "skuId" TEXT,
    "quantity" INTEGER,
    "priceFen" INTEGER,
    "payload" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("jobId", "rowNo"),
    CONSTRAINT "ImportRow_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "rateLimit" INTEGER NOT NULL DEFAULT 600,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CHECK ("rateLimit" > 0),
    CONSTRAINT "ApiKey_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ErpReceipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ErpReceipt_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Lookbook" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'LOOKBOOK',
    "authorId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "coverUrl" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'PUBLISHED',
    "startsAt" DATETIME,
    "endsAt" DATETIME,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK ("endsAt" IS NULL OR "startsAt" IS NULL OR "endsAt" > "startsAt"),
    CONSTRAINT "Lookbook_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Lookbook_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Lookbooks sent before this migration were published when made; their guide is their author.
INSERT INTO "new_Lookbook" ("brandId", "createdAt", "id", "note", "title", "authorId", "kind", "status", "publishedAt")
SELECT "brandId", "createdAt", "id", "note", "title", "guideId", 'LOOKBOOK', 'PUBLISHED', "createdAt" FROM "Lookbook";
DROP TABLE "Lookbook";
ALTER TABLE "new_Lookbook" RENAME TO "Lookbook";
CREATE INDEX "Lookbook_authorId_createdAt_idx" ON "Lookbook"("authorId", "createdAt");
CREATE INDEX "Lookbook_brandId_kind_status_idx" ON "Lookbook"("brandId", "kind", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CatalogAudience_kind_value_idx" ON "CatalogAudience"("kind", "value");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogAudience_lookbookId_kind_value_key" ON "CatalogAudience"("lookbookId", "kind", "value");

-- CreateIndex
CREATE INDEX "PointsEntry_memberBrandId_createdAt_idx" ON "PointsEntry"("memberBrandId", "createdAt");

-- CreateIndex
CREATE INDEX "ImportJob_brandId_createdAt_idx" ON "ImportJob"("brandId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_secretHash_key" ON "ApiKey"("secretHash");

-- CreateIndex
CREATE INDEX "ApiKey_brandId_createdAt_idx" ON "ApiKey"("brandId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ErpReceipt_brandId_key_key" ON "ErpReceipt"("brandId", "key");

