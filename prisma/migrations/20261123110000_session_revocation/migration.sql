-- "Sign out everywhere": sessions that began before this instant stop working (checked against the token's sign-in time).
-- Written as ADD COLUMN rather than Prisma's table rebuild: same result, no copy of the tables.
ALTER TABLE "Member" ADD COLUMN "sessionsRevokedAt" DATETIME;
ALTER TABLE "Staff" ADD COLUMN "sessionsRevokedAt" DATETIME;
