"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { CodeScanner, type CodeScannerLabels } from "./code-scanner";

/**
 * The demand screen's first step: scan the tag's barcode (or type a GTIN / style code). The page reads the
 * code from the URL, so the browser's back button returns to the list of sizes.
 */
export function DemandCodeInput({ labels }: { labels: Partial<CodeScannerLabels> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <CodeScanner
      labels={labels}
      busy={pending}
      onCode={(code) => start(() => router.push(`/guide/demand?${new URLSearchParams({ code: code.trim() })}`))}
    />
  );
}
