-- Issue 7: stock feeds that would empty a store are held (StockFeedHold); the last count's time per (store, SKU) for ERP count conflicts.
-- AlterTable
ALTER TABLE "Inventory" ADD COLUMN "lastCountAt" DATETIME;
ALTER TABLE "Inventory" ADD COLUMN "lastCountOnHand" INTEGER;

-- CreateTable
CREATE TABLE "StockFeedHold" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'HELD',
    "actor" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL DEFAULT '',
    "importJobId" TEXT,
    "counts" TEXT NOT NULL DEFAULT '[]',
    "rows" INTEGER NOT NULL,
    "stores" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    "decidedBy" TEXT,
    -- A decided hold names who decided and when; an undecided one neither (hand-written, decision 024).
    CHECK (("status" = 'HELD' AND "decidedAt" IS NULL AND "decidedBy" IS NULL) OR ("status" <> 'HELD' AND "decidedAt" IS NOT NULL AND "decidedBy" IS NOT NULL)),
    CONSTRAINT "StockFeedHold_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "StockFeedHold_importJobId_key" ON "StockFeedHold"("importJobId");

-- CreateIndex
CREATE INDEX "StockFeedHold_brandId_status_createdAt_idx" ON "StockFeedHold"("brandId", "status", "createdAt");

