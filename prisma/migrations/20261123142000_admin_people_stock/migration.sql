-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN "brandId" TEXT;

-- CreateIndex
CREATE INDEX "MemberBrand_brandId_joinedAt_idx" ON "MemberBrand"("brandId", "joinedAt");

-- CreateIndex
CREATE INDEX "MemberBrand_brandId_points_idx" ON "MemberBrand"("brandId", "points");

-- CreateIndex
CREATE INDEX "AuditLog_brandId_createdAt_idx" ON "AuditLog"("brandId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_brandId_createdAt_idx" ON "Order"("brandId", "createdAt");

-- CreateIndex
CREATE INDEX "Transfer_brandId_requestedAt_idx" ON "Transfer"("brandId", "requestedAt");

