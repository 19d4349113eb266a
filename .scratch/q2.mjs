import Database from "better-sqlite3";
const db = new Database("data/scale.db", { readonly: true });
const brand = db.prepare("select id from Brand limit 1").get().id;
function t(label, sql, ...a){ const st=db.prepare(sql); st.all(...a); const s=performance.now(); let r; for(let i=0;i<20;i++) r=st.all(...a); console.log(label, ((performance.now()-s)/20).toFixed(2),"ms", r.length); }
const ids = (ord, lim) => `SELECT DISTINCT w."memberId" FROM (SELECT k."memberId" FROM "MemberSearchKey" k WHERE k."key" >= @s AND k."key" < @e AND EXISTS (SELECT 1 FROM "MemberBrand" mb WHERE mb."memberId" = k."memberId" AND mb."brandId" = @b) ORDER BY k."key" LIMIT 6000) w ${ord} LIMIT ${lim}`;
for (const q of ["00000", "0778", "0"]) {
  const p = { s: q, e: q + "\u{10FFFF}", b: brand };
  t(q+" ids ordered", ids('ORDER BY w."memberId"', 501), p);
  t(q+" ids stream", ids('', 501), p);
  const listed = (o) => `SELECT b."id", b."joinedAt", b."points" FROM "MemberBrand" b WHERE b."brandId" = @b AND b."memberId" IN (SELECT f."memberId" FROM (${ids(o, 500)}) f)`;
  t(q+" page stream", `SELECT l."id" FROM (${listed('')}) l ORDER BY l."joinedAt" DESC, l."id" LIMIT 20`, p);
  t(q+" count listed", `SELECT COUNT(*) FROM (${listed('')}) l`, p);
}
