-- CreateTable
CREATE TABLE "MemberTag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberBrandId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MemberTag_memberBrandId_fkey" FOREIGN KEY ("memberBrandId") REFERENCES "MemberBrand" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MemberTag_tag_idx" ON "MemberTag"("tag");

-- CreateIndex
CREATE UNIQUE INDEX "MemberTag_memberBrandId_tag_key" ON "MemberTag"("memberBrandId", "tag");

