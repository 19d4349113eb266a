// The seeded PRNG shared by the demo activity (lib/seed/activity.ts) and the chain-scale seed (lib/seed/scale.ts):
// faker is too slow for millions of draws, and this is the same on every machine.

/** mulberry32: a small PRNG with a fixed seed, so every run makes the same choices over the same seed data. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
