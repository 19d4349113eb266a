/** The address shoppers reach the app at, for absolute links in QR codes and share cards. */
export function publicBaseUrl(): string {
  return process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}
