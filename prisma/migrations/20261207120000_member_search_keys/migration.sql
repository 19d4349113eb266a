-- The console's partial member search (issue 7): every suffix of each member's phone and lower-cased nickname,
-- so "contains q" is a range scan of the keys starting with q (lib/members/search-keys.ts writes them from now on).
-- CreateTable
CREATE TABLE "MemberSearchKey" (
    "key" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,

    PRIMARY KEY ("key", "memberId"),
    CONSTRAINT "MemberSearchKey_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MemberSearchKey_memberId_idx" ON "MemberSearchKey"("memberId");

-- Keys of the members already there (DISTINCT: a phone suffix may equal a nickname suffix).
INSERT INTO "MemberSearchKey" ("key", "memberId")
WITH RECURSIVE "suffix"("memberId", "rest") AS (
    SELECT "id", "phone" FROM "Member" WHERE "phone" IS NOT NULL AND "phone" <> ''
    UNION ALL
    SELECT "id", lower("nickname") FROM "Member" WHERE "nickname" <> ''
    UNION ALL
    SELECT "memberId", substr("rest", 2) FROM "suffix" WHERE length("rest") > 1
)
SELECT DISTINCT "rest", "memberId" FROM "suffix";
