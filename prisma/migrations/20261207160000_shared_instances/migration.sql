-- Several app instances on one database (issue 8, decision 032): cache tags every instance reads, leases for work
-- one instance does at a time, WeChat credentials shared by all.

-- CreateTable
CREATE TABLE "CacheTag" (
    "tag" TEXT NOT NULL PRIMARY KEY,
    "staleAt" BIGINT NOT NULL,
    "expiredAt" BIGINT,
    "updatedAt" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "until" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WechatCredential" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CacheTag_updatedAt_idx" ON "CacheTag"("updatedAt");
