import { stringify } from "csv-stringify/sync";
import type { ChartId, ChartRows } from "./queries";

// A chart's data as CSV for Excel: UTF-8 with a byte-order mark (Excel reads Chinese store names right only then),
// a header row of the column keys, one line per row the chart shows. A cell starting with = + - @ is neutralised.

/** The columns each chart exports, in order: the keys of its rows. */
export const CHART_COLUMNS: { [K in ChartId]: (keyof ChartRows[K][number] & string)[] } = {
  followers: ["day", "newFollowers", "followers"],
  scans: ["day", "PRODUCT", "STORE", "GUIDE", "CATALOG", "total"],
  favourites: ["day", "favourites"],
  orders: ["day", "orders", "validOrders", "salesFen"],
  fulfilment: ["day", "PICKUP", "DELIVERY", "COUNTER"],
  "store-conversion": ["storeCode", "storeName", "city", "scans", "validOrders", "conversion"],
  "guide-conversion": ["guideName", "username", "storeCode", "scans", "validOrders", "conversion"],
  "guide-leaderboard": ["rank", "guideName", "username", "storeCode", "validOrders", "salesFen", "commissionFen"],
  transfers: ["day", "requested", "approved", "received", "refused"],
};

export function chartCsv<C extends ChartId>(chart: C, rows: ChartRows[C]): string {
  const columns = CHART_COLUMNS[chart] as string[];
  return stringify(rows as Record<string, unknown>[], {
    bom: true,
    header: true,
    columns,
    record_delimiter: "windows",
    escape_formulas: true,
    cast: { number: (v) => String(v) },
  });
}

/** The file name of a chart's export: chart, brand, period. */
export function chartFileName(chart: ChartId, brandSlug: string, from: string, to: string): string {
  return `${brandSlug}-${chart}-${from}-${to}.csv`;
}
