import gcoord from "gcoord";
import { getDistance } from "geolib";

/** A point in GCJ-02, the datum of Chinese maps and WeChat (stores are stored in it). */
export type GcjPoint = { lat: number; lng: number };

/** Phones report WGS-84; Chinese maps are offset (GCJ-02). Convert before measuring against stores. */
export function wgs84ToGcj02(lat: number, lng: number): GcjPoint {
  const [gLng, gLat] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return { lat: gLat, lng: gLng };
}

/** Metres between two points (both GCJ-02; the datum's offset cancels out over city distances). */
export function distanceMeters(a: GcjPoint, b: GcjPoint): number {
  return getDistance({ latitude: a.lat, longitude: a.lng }, { latitude: b.lat, longitude: b.lng }, 1);
}

export function sortByDistance<T extends GcjPoint>(items: T[], from: GcjPoint): (T & { distanceM: number })[] {
  return items
    .map((item) => ({ ...item, distanceM: distanceMeters(from, item) }))
    .sort((x, y) => x.distanceM - y.distanceM);
}

export { formatDistance } from "./format";
