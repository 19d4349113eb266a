import Link from "next/link";

// 403: signed in, but this page belongs to another brand, store or role. The denial is in the audit log.
export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-[70dvh] max-w-sm flex-col items-center justify-center px-8 text-center">
      <p className="text-5xl font-light text-gray-300">403</p>
      <h1 className="mt-3 text-lg font-semibold">没有权限访问此页面</h1>
      <p className="mt-1 text-sm text-gray-500">You do not have access to this page</p>
      <p className="mt-3 text-sm text-gray-600">如需开通权限，请联系品牌管理员。</p>
      <Link href="/staff" className="mt-6 rounded-full bg-black px-6 py-2.5 text-sm text-white">返回工作台 Back</Link>
    </main>
  );
}
