import Database from "better-sqlite3";
const db = new Database("data/scale.db", { readonly: true });
const brand = db.prepare("select id from Brand limit 1").get().id;
const ph = db.prepare("select phone from Member where phone is not null limit 1 offset 777").get().phone;
const q = ph.slice(3,8);
function t(label, sql, ...a){ const s=performance.now(); let r; for(let i=0;i<10;i++) r=db.prepare(sql).all(...a); console.log(label, ((performance.now()-s)/10).toFixed(2),"ms", r.length); }
t("old like", `select m.id from Member m where m.phone like ? and exists(select 1 from MemberBrand b where b.memberId=m.id and b.brandId=?) order by m.phone limit 501`, `%${q}%`, brand);
t("keys", `select k.key, k.memberId from MemberSearchKey k where k.key >= ? and k.key < ? and exists(select 1 from MemberBrand b where b.memberId=k.memberId and b.brandId=?) order by k.key, k.memberId limit 1000`, q, q+"\u{10FFFF}", brand);
t("keys '1'", `select k.key, k.memberId from MemberSearchKey k where k.key >= ? and k.key < ? and exists(select 1 from MemberBrand b where b.memberId=k.memberId and b.brandId=?) order by k.key, k.memberId limit 1000`, "1", "1\u{10FFFF}", brand);
console.log(q, db.prepare("explain query plan select k.key, k.memberId from MemberSearchKey k where k.key >= ? and k.key < ? and exists(select 1 from MemberBrand b where b.memberId=k.memberId and b.brandId=?) order by k.key, k.memberId limit 1000").all(q, q, brand));
