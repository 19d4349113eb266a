"use client";

import { useRouter } from "next/navigation";
import { CodeScanner, type CodeScannerLabels } from "./code-scanner";

/**
 * The stock lookup's input: WeChat's scanner (barcodes and QR codes) inside WeChat, the camera elsewhere
 * (QR codes only: the product tag's short link), and always typing. Any code becomes ?code=… so the result
 * is a plain server-rendered page the guide can go back to.
 */
export function StockScanner({ labels, initial }: { labels: Partial<CodeScannerLabels>; initial?: string }) {
  const router = useRouter();
  return (
    <div data-testid="stock-scanner" data-initial={initial ?? ""}>
      <CodeScanner labels={labels} onCode={(code) => router.push(`/guide/stock?code=${encodeURIComponent(code)}`)} />
    </div>
  );
}
