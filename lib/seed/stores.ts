import { fakerZH_CN as faker } from "@faker-js/faker";
import { BRAND_PROFILE, type BrandSlug } from "./brands";
import { REFERENCE_DATE, SEED } from "./constants";
import { CITIES, MALLS, WAREHOUSES, type CityCode } from "./malls";

export type SeedStore = {
  id: string;
  brandId: string;
  code: string;
  name: string;
  kind: "DIRECT" | "FRANCHISE" | "WAREHOUSE";
  city: string;
  district: string;
  address: string;
  mallName: string;
  phone: string;
  lat: number;
  lng: number;
  opensAt: number;
  closesAt: number;
  pickupEnabled: boolean;
  deliveryEnabled: boolean;
  safetyStock: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export const storeId = (brand: BrandSlug, code: string) => `store_${brand}_${code.toLowerCase()}`;

/** Hours a few single stores keep on their own (a late-night store in a nightlife district). */
const STORE_HOURS: Record<string, [number, number]> = {
  // Open until 01:00 next day: closesAt 1500 = 24:00 + 60 minutes.
  "lumi:CD02": [600, 1500],
};

function localNumber(): string {
  return `${faker.helpers.arrayElement(["5", "6", "8"])}${faker.string.numeric(7)}`;
}

/** Round to 6 decimals (about 10 cm) so coordinates print and compare cleanly. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** All stores of both brands, warehouses last. Pure: same output on every call. */
export function generateStores(): SeedStore[] {
  faker.seed([SEED, 1]);
  const out: SeedStore[] = [];
  for (const brand of ["lumi", "nord"] as const) {
    const word = BRAND_PROFILE[brand].storeWord;
    const perCity = new Map<CityCode, number>();
    const brandStores: SeedStore[] = [];
    for (const mall of MALLS) {
      if (!mall.brands.includes(brand)) continue;
      const n = (perCity.get(mall.city) ?? 0) + 1;
      perCity.set(mall.city, n);
      const code = `${mall.city}${String(n).padStart(2, "0")}`;
      const city = CITIES[mall.city];
      const level = brand === "lumi" ? faker.helpers.arrayElement(["L2", "L2", "L3", "L3", "L4"]) : faker.helpers.arrayElement(["L1", "L1", "L2", "B1"]);
      const unit = `${level.replace(/\D/g, "") || "1"}${faker.string.numeric({ length: 2, allowLeadingZeros: true })}`;
      const [opensAt, closesAt] = STORE_HOURS[`${brand}:${code}`] ?? mall.hours ?? [600, 1320];
      brandStores.push({
        id: storeId(brand, code),
        brandId: `brand_${brand}`,
        code,
        name: `${word} ${city.name}${mall.mallName}店`,
        kind: "DIRECT",
        city: city.name,
        district: mall.district,
        address: `${mall.street}${mall.mallName} ${level}-${unit}`,
        mallName: mall.mallName,
        phone: `${city.areaCode}-${localNumber()}`,
        // A few metres from the mall's centre point, different for each shop.
        lat: round6(mall.lat + faker.number.float({ min: -0.0004, max: 0.0004 })),
        lng: round6(mall.lng + faker.number.float({ min: -0.0004, max: 0.0004 })),
        opensAt,
        closesAt,
        pickupEnabled: true,
        deliveryEnabled: true,
        safetyStock: faker.datatype.boolean(0.3) ? 1 : 0,
        active: true,
        createdAt: REFERENCE_DATE,
        updatedAt: REFERENCE_DATE,
      });
    }
    // About a quarter are franchise stores (加盟), never a city's first (flagship) store.
    const candidates = brandStores.filter((s) => !s.code.endsWith("01"));
    const franchise = faker.helpers.shuffle(candidates).slice(0, Math.round(brandStores.length * 0.25));
    for (const s of franchise) {
      s.kind = "FRANCHISE";
      // Some franchisees do not run the delivery service (网订店送).
      s.deliveryEnabled = faker.datatype.boolean(0.6);
    }
    out.push(...brandStores);
  }
  for (const brand of ["lumi", "nord"] as const) {
    const w = WAREHOUSES[brand];
    out.push({
      id: storeId(brand, "WH01"),
      brandId: `brand_${brand}`,
      code: "WH01",
      name: w.name,
      kind: "WAREHOUSE",
      city: w.city,
      district: w.district,
      address: w.street,
      mallName: "",
      phone: w.phone,
      lat: w.lat,
      lng: w.lng,
      opensAt: 540,
      closesAt: 1080,
      pickupEnabled: false,
      deliveryEnabled: true,
      safetyStock: 0,
      active: true,
      createdAt: REFERENCE_DATE,
      updatedAt: REFERENCE_DATE,
    });
  }
  return out;
}
