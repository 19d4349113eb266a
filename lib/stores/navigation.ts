// Deep links that open the shopper's map app with the store marked (both take GCJ-02 coordinates).
export type NavigationTarget = { name: string; address: string; lat: number; lng: number };

const REFERER = "micro-catalog";

export function tencentMapUrl(t: NavigationTarget): string {
  const marker = `coord:${t.lat},${t.lng};title:${t.name};addr:${t.address}`;
  return `https://apis.map.qq.com/uri/v1/marker?marker=${encodeURIComponent(marker)}&referer=${REFERER}`;
}

export function amapUrl(t: NavigationTarget): string {
  const params = new URLSearchParams({
    position: `${t.lng},${t.lat}`,
    name: t.name,
    src: REFERER,
    coordinate: "gaode",
    callnative: "1",
  });
  return `https://uri.amap.com/marker?${params.toString()}`;
}
