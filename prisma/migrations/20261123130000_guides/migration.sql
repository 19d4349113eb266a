-- Guide attribution, transfers, the commission ledger, member referral, lookbooks and the inbox (issue 5).
-- CHECK constraints by hand (decision 003): rates within 0–100 %, one beneficiary per ledger row, signs by kind.
-- AlterTable
ALTER TABLE "MemberBrand" ADD COLUMN "referralCode" TEXT;
ALTER TABLE "MemberBrand" ADD COLUMN "referrerId" TEXT;
ALTER TABLE "MemberBrand" ADD COLUMN "referrerL2Id" TEXT;

-- CreateTable
CREATE TABLE "GuideBinding" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "guideId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "boundAt" DATETIME NOT NULL,
    "lastTouchAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "endedReason" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "GuideBinding_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GuideBinding_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GuideBinding_guideId_fkey" FOREIGN KEY ("guideId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "fromStoreId" TEXT NOT NULL,
    "toStoreId" TEXT NOT NULL,
    "memberId" TEXT,
    "requestedById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'REQUESTED',
    "note" TEXT NOT NULL DEFAULT '',
    "approvedById" TEXT,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedAt" DATETIME,
    "shippedAt" DATETIME,
    "receivedAt" DATETIME,
    "endedAt" DATETIME,
    CONSTRAINT "Transfer_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Transfer_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Transfer_fromStoreId_fkey" FOREIGN KEY ("fromStoreId") REFERENCES "Store" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Transfer_toStoreId_fkey" FOREIGN KEY ("toStoreId") REFERENCES "Store" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Transfer_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Transfer_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CHECK ("quantity" BETWEEN 1 AND 99),
    CHECK ("fromStoreId" <> "toStoreId")
);

-- CreateTable
CREATE TABLE "CommissionEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "staffId" TEXT,
    "memberId" TEXT,
    "orderId" TEXT,
    "level" INTEGER NOT NULL DEFAULT 0,
    "kind" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "availableAt" DATETIME,
    "settledAt" DATETIME,
    "payoutId" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommissionEntry_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CommissionEntry_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CommissionEntry_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CommissionEntry_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CHECK (("staffId" IS NULL) <> ("memberId" IS NULL)),
    CHECK ("level" BETWEEN 0 AND 2),
    CHECK (("kind" = 'EARN' AND "amountFen" >= 0) OR ("kind" <> 'EARN' AND "amountFen" <= 0))
);

-- CreateTable
CREATE TABLE "Lookbook" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "guideId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Lookbook_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Lookbook_guideId_fkey" FOREIGN KEY ("guideId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LookbookItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lookbookId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "sort" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "LookbookItem_lookbookId_fkey" FOREIGN KEY ("lookbookId") REFERENCES "Lookbook" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LookbookRecipient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lookbookId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedAt" DATETIME,
    CONSTRAINT "LookbookRecipient_lookbookId_fkey" FOREIGN KEY ("lookbookId") REFERENCES "Lookbook" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LookbookRecipient_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "brandId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT NOT NULL,
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InboxMessage_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InboxMessage_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Brand and Order: new columns added in place (Prisma's table rebuild would drop the hand-written CHECKs).
ALTER TABLE "Brand" ADD COLUMN "bindingMode" TEXT NOT NULL DEFAULT 'LAST_TOUCH' CHECK ("bindingMode" IN ('FIRST_TOUCH', 'LAST_TOUCH', 'WINDOW'));
ALTER TABLE "Brand" ADD COLUMN "bindingWindowDays" INTEGER NOT NULL DEFAULT 30 CHECK ("bindingWindowDays" BETWEEN 1 AND 365);
ALTER TABLE "Brand" ADD COLUMN "bindingProtectionDays" INTEGER NOT NULL DEFAULT 7 CHECK ("bindingProtectionDays" BETWEEN 0 AND 365);
ALTER TABLE "Brand" ADD COLUMN "guideRateBps" INTEGER NOT NULL DEFAULT 300 CHECK ("guideRateBps" BETWEEN 0 AND 10000);
ALTER TABLE "Brand" ADD COLUMN "referralL1RateBps" INTEGER NOT NULL DEFAULT 200 CHECK ("referralL1RateBps" BETWEEN 0 AND 10000);
ALTER TABLE "Brand" ADD COLUMN "referralL2RateBps" INTEGER NOT NULL DEFAULT 100 CHECK ("referralL2RateBps" BETWEEN 0 AND 10000);
ALTER TABLE "Brand" ADD COLUMN "commissionFreezeDays" INTEGER NOT NULL DEFAULT 7 CHECK ("commissionFreezeDays" BETWEEN 0 AND 365);
ALTER TABLE "Brand" ADD COLUMN "commissionCapFen" INTEGER NOT NULL DEFAULT 0 CHECK ("commissionCapFen" >= 0);
ALTER TABLE "Order" ADD COLUMN "guideId" TEXT REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "Order_guideId_createdAt_idx" ON "Order"("guideId", "createdAt");

-- CreateIndex
CREATE INDEX "GuideBinding_brandId_memberId_endedAt_idx" ON "GuideBinding"("brandId", "memberId", "endedAt");

-- CreateIndex
CREATE INDEX "GuideBinding_guideId_endedAt_idx" ON "GuideBinding"("guideId", "endedAt");

-- CreateIndex
CREATE INDEX "Transfer_fromStoreId_status_idx" ON "Transfer"("fromStoreId", "status");

-- CreateIndex
CREATE INDEX "Transfer_toStoreId_status_idx" ON "Transfer"("toStoreId", "status");

-- CreateIndex
CREATE INDEX "Transfer_memberId_idx" ON "Transfer"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "CommissionEntry_dedupeKey_key" ON "CommissionEntry"("dedupeKey");

-- CreateIndex
CREATE INDEX "CommissionEntry_orderId_idx" ON "CommissionEntry"("orderId");

-- CreateIndex
CREATE INDEX "CommissionEntry_staffId_createdAt_idx" ON "CommissionEntry"("staffId", "createdAt");

-- CreateIndex
CREATE INDEX "CommissionEntry_memberId_createdAt_idx" ON "CommissionEntry"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "CommissionEntry_status_availableAt_idx" ON "CommissionEntry"("status", "availableAt");

-- CreateIndex
CREATE INDEX "Lookbook_guideId_createdAt_idx" ON "Lookbook"("guideId", "createdAt");

-- CreateIndex
CREATE INDEX "LookbookItem_lookbookId_sort_idx" ON "LookbookItem"("lookbookId", "sort");

-- CreateIndex
CREATE INDEX "LookbookRecipient_memberId_idx" ON "LookbookRecipient"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "LookbookRecipient_lookbookId_memberId_key" ON "LookbookRecipient"("lookbookId", "memberId");

-- CreateIndex
CREATE INDEX "InboxMessage_memberId_createdAt_idx" ON "InboxMessage"("memberId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MemberBrand_referralCode_key" ON "MemberBrand"("referralCode");

-- CreateIndex
CREATE INDEX "MemberBrand_brandId_referrerId_idx" ON "MemberBrand"("brandId", "referrerId");

