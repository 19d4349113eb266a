-- At most one open binding per member and brand: two guides' touches at the same moment cannot both win.
-- (A partial index; Prisma's schema language cannot say "WHERE endedAt IS NULL", so it lives here only.)
CREATE UNIQUE INDEX "GuideBinding_open_key" ON "GuideBinding"("brandId", "memberId") WHERE "endedAt" IS NULL;
