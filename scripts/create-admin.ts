// `npm run create-admin -- --username <name> [--phone 13800000000] [--name 显示名]`
// Creates the group's first real ADMIN. The password comes from ADMIN_PASSWORD or is asked for on the terminal,
// never from a command-line flag (it would stay in the shell history).
import { createInterface } from "node:readline/promises";
import { z } from "zod";
import { db, ensurePragmas } from "@/lib/db";
import { assertAcceptablePassword, hashPassword, WeakPasswordError } from "@/lib/auth/password";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

const input = z.object({
  username: z.string().regex(/^[a-z0-9._-]{3,32}$/, "用户名 3–32 位小写字母、数字或 . _ - / username: 3–32 of a-z 0-9 . _ -"),
  phone: z.string().regex(/^1[3-9]\d{9}$/, "手机号格式不对 / not a mainland mobile number").optional(),
  name: z.string().min(1).max(40),
});

async function askPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) throw new Error("设置 ADMIN_PASSWORD 或在终端中运行 / set ADMIN_PASSWORD or run in a terminal");
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question("密码 Password: ");
  } finally {
    rl.close();
  }
}

async function main(): Promise<number> {
  const parsed = input.safeParse({ username: flag("username"), phone: flag("phone"), name: flag("name") ?? flag("username") });
  if (!parsed.success) {
    console.error(`create-admin: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    return 2;
  }
  const password = await askPassword();
  try {
    assertAcceptablePassword(password);
  } catch (error) {
    if (error instanceof WeakPasswordError) {
      console.error(`create-admin: ${error.message}`);
      return 2;
    }
    throw error;
  }
  await ensurePragmas();
  const taken = await db.staff.findFirst({ where: { OR: [{ username: parsed.data.username }, ...(parsed.data.phone ? [{ phone: parsed.data.phone }] : [])] } });
  if (taken) {
    console.error("create-admin: 用户名或手机号已被使用 / username or phone already in use");
    return 2;
  }
  const admin = await db.staff.create({
    data: { ...parsed.data, role: "ADMIN", passwordHash: await hashPassword(password) },
    select: { id: true, username: true },
  });
  console.log(`create-admin: created ADMIN ${admin.username} (${admin.id})`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`create-admin: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
