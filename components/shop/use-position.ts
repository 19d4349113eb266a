"use client";

import { useCallback, useEffect, useState } from "react";
import gcoord from "gcoord";

export type GcjPoint = { lat: number; lng: number };
export type PositionState = "idle" | "locating" | "ok" | "denied" | "unavailable";

const STORAGE_KEY = "mc_pos";
const MAX_AGE_MS = 30 * 60 * 1000;

function remembered(): GcjPoint | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as GcjPoint & { at: number };
    return Date.now() - v.at < MAX_AGE_MS ? { lat: v.lat, lng: v.lng } : null;
  } catch {
    return null;
  }
}

/**
 * The shopper's position in GCJ-02. Phones report WGS-84, so it is converted before use. Asks only when
 * `request` is called; a position granted on another page in the last 30 minutes is reused at once.
 */
export function usePosition() {
  const [state, setState] = useState<PositionState>("idle");
  const [point, setPoint] = useState<GcjPoint | null>(null);

  useEffect(() => {
    const p = remembered();
    if (p) {
      setPoint(p);
      setState("ok");
    }
  }, []);

  const request = useCallback((): Promise<GcjPoint | null> => {
    if (!("geolocation" in navigator)) {
      setState("unavailable");
      return Promise.resolve(null);
    }
    setState("locating");
    return new Promise((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (pos) => {
          const [lng, lat] = gcoord.transform([pos.coords.longitude, pos.coords.latitude], gcoord.WGS84, gcoord.GCJ02) as [number, number];
          const p = { lat, lng };
          try {
            sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...p, at: Date.now() }));
          } catch {
            /* private mode: just don't remember */
          }
          setPoint(p);
          setState("ok");
          resolve(p);
        },
        (err) => {
          setState(err.code === err.PERMISSION_DENIED ? "denied" : "unavailable");
          resolve(null);
        },
        { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
      );
    });
  }, []);

  return { state, point, request, setPoint: (p: GcjPoint) => (setPoint(p), setState("ok")) };
}
