// Real, well-known shopping malls in six cities, with the street address and GCJ-02 coordinates of the
// building (the coordinate system Tencent Maps, Amap and WeChat use). Each row lists the brands with a
// store there; a store's own point is the mall's point nudged a few metres (two shops are never stacked).

import type { BrandSlug } from "./brands";

export type CityCode = "SH" | "BJ" | "GZ" | "SZ" | "HZ" | "CD";

export const CITIES: Record<CityCode, { name: string; areaCode: string }> = {
  SH: { name: "上海", areaCode: "021" },
  BJ: { name: "北京", areaCode: "010" },
  GZ: { name: "广州", areaCode: "020" },
  SZ: { name: "深圳", areaCode: "0755" },
  HZ: { name: "杭州", areaCode: "0571" },
  CD: { name: "成都", areaCode: "028" },
};

export type Mall = {
  city: CityCode;
  district: string;
  mallName: string;
  /** Street address of the building, without city and district. */
  street: string;
  lat: number;
  lng: number;
  brands: BrandSlug[];
  /** Mall opening hours in minutes after midnight when not the usual 10:00–22:00. */
  hours?: [number, number];
};

const L: BrandSlug[] = ["lumi"];
const N: BrandSlug[] = ["nord"];
const LN: BrandSlug[] = ["lumi", "nord"];

export const MALLS: Mall[] = [
  // 上海
  { city: "SH", district: "静安区", mallName: "恒隆广场", street: "南京西路1266号", lat: 31.2271, lng: 121.4496, brands: LN },
  { city: "SH", district: "静安区", mallName: "静安嘉里中心", street: "南京西路1515号", lat: 31.2243, lng: 121.4462, brands: N },
  { city: "SH", district: "黄浦区", mallName: "来福士广场", street: "西藏中路268号", lat: 31.2331, lng: 121.4755, brands: LN },
  { city: "SH", district: "普陀区", mallName: "环球港", street: "中山北路3300号", lat: 31.2326, lng: 121.4137, brands: LN, hours: [570, 1350] },
  { city: "SH", district: "浦东新区", mallName: "国金中心商场", street: "世纪大道8号", lat: 31.2367, lng: 121.5024, brands: N },
  { city: "SH", district: "浦东新区", mallName: "正大广场", street: "陆家嘴西路168号", lat: 31.2366, lng: 121.4984, brands: L },
  { city: "SH", district: "徐汇区", mallName: "港汇恒隆广场", street: "虹桥路1号", lat: 31.1948, lng: 121.4374, brands: LN },
  { city: "SH", district: "黄浦区", mallName: "新天地时尚", street: "马当路245号", lat: 31.2179, lng: 121.4735, brands: L },
  { city: "SH", district: "黄浦区", mallName: "日月光中心", street: "徐家汇路618号", lat: 31.2082, lng: 121.4695, brands: L },
  { city: "SH", district: "闵行区", mallName: "七宝万科广场", street: "漕宝路3366号", lat: 31.1574, lng: 121.3539, brands: L },
  { city: "SH", district: "静安区", mallName: "大悦城", street: "西藏北路166号", lat: 31.2441, lng: 121.4713, brands: L },
  { city: "SH", district: "杨浦区", mallName: "五角场合生汇", street: "翔殷路1099号", lat: 31.3021, lng: 121.516, brands: LN },
  { city: "SH", district: "闵行区", mallName: "虹桥天地", street: "申长路688号", lat: 31.1958, lng: 121.3197, brands: N },
  { city: "SH", district: "浦东新区", mallName: "前滩太古里", street: "东育路500号", lat: 31.1506, lng: 121.462, brands: LN },
  // 北京
  { city: "BJ", district: "朝阳区", mallName: "国贸商城", street: "建国门外大街1号", lat: 39.9096, lng: 116.4604, brands: LN },
  { city: "BJ", district: "朝阳区", mallName: "三里屯太古里", street: "三里屯路19号", lat: 39.936, lng: 116.4551, brands: LN, hours: [600, 1380] },
  { city: "BJ", district: "西城区", mallName: "西单大悦城", street: "西单北大街131号", lat: 39.9118, lng: 116.374, brands: L, hours: [570, 1350] },
  { city: "BJ", district: "朝阳区", mallName: "朝阳大悦城", street: "朝阳北路101号", lat: 39.9242, lng: 116.5187, brands: L },
  { city: "BJ", district: "朝阳区", mallName: "蓝色港湾", street: "朝阳公园路6号", lat: 39.9498, lng: 116.4713, brands: N },
  { city: "BJ", district: "东城区", mallName: "apm", street: "王府井大街138号", lat: 39.9151, lng: 116.4115, brands: L, hours: [570, 1350] },
  { city: "BJ", district: "朝阳区", mallName: "颐堤港", street: "酒仙桥路18号", lat: 39.9718, lng: 116.4906, brands: N },
  { city: "BJ", district: "朝阳区", mallName: "合生汇", street: "西大望路21号", lat: 39.8945, lng: 116.4792, brands: LN },
  { city: "BJ", district: "海淀区", mallName: "世纪金源购物中心", street: "远大路1号", lat: 39.959, lng: 116.2893, brands: L },
  { city: "BJ", district: "朝阳区", mallName: "侨福芳草地", street: "东大桥路9号", lat: 39.9224, lng: 116.4476, brands: N },
  // 广州
  { city: "GZ", district: "天河区", mallName: "天河城", street: "天河路208号", lat: 23.1325, lng: 113.3232, brands: L },
  { city: "GZ", district: "天河区", mallName: "正佳广场", street: "天河路228号", lat: 23.1322, lng: 113.3275, brands: LN, hours: [570, 1350] },
  { city: "GZ", district: "天河区", mallName: "太古汇", street: "天河路383号", lat: 23.1338, lng: 113.3316, brands: LN },
  { city: "GZ", district: "天河区", mallName: "K11购物艺术中心", street: "珠江东路6号", lat: 23.1196, lng: 113.3284, brands: N },
  { city: "GZ", district: "天河区", mallName: "高德置地广场", street: "珠江东路13号", lat: 23.1245, lng: 113.3297, brands: L },
  { city: "GZ", district: "天河区", mallName: "天环广场", street: "天河路218号", lat: 23.1326, lng: 113.3253, brands: N },
  // 深圳
  { city: "SZ", district: "罗湖区", mallName: "万象城", street: "宝安南路1881号", lat: 22.5405, lng: 114.1118, brands: LN },
  { city: "SZ", district: "南山区", mallName: "海岸城", street: "文心五路33号", lat: 22.5175, lng: 113.9369, brands: LN },
  { city: "SZ", district: "福田区", mallName: "COCO Park", street: "福华三路268号", lat: 22.5339, lng: 114.0572, brands: L },
  { city: "SZ", district: "南山区", mallName: "万象天地", street: "深南大道9668号", lat: 22.5404, lng: 113.9557, brands: N },
  { city: "SZ", district: "南山区", mallName: "益田假日广场", street: "深南大道9028号", lat: 22.5394, lng: 113.9745, brands: L },
  { city: "SZ", district: "宝安区", mallName: "壹方城", street: "新湖路99号", lat: 22.556, lng: 113.884, brands: N },
  // 杭州
  { city: "HZ", district: "上城区", mallName: "湖滨银泰in77", street: "东坡路7号", lat: 30.2581, lng: 120.1632, brands: LN },
  { city: "HZ", district: "拱墅区", mallName: "杭州大厦", street: "武林广场1号", lat: 30.2733, lng: 120.1632, brands: N },
  { city: "HZ", district: "上城区", mallName: "万象城", street: "富春路701号", lat: 30.2505, lng: 120.214, brands: LN },
  { city: "HZ", district: "余杭区", mallName: "西溪印象城", street: "五常大道1号", lat: 30.2798, lng: 120.0572, brands: L },
  { city: "HZ", district: "上城区", mallName: "来福士", street: "新业路228号", lat: 30.2437, lng: 120.2116, brands: L },
  { city: "HZ", district: "拱墅区", mallName: "嘉里中心", street: "延安路353号", lat: 30.2704, lng: 120.1652, brands: N },
  // 成都
  { city: "CD", district: "锦江区", mallName: "IFS国际金融中心", street: "红星路三段1号", lat: 30.6557, lng: 104.0812, brands: LN },
  { city: "CD", district: "锦江区", mallName: "远洋太古里", street: "中纱帽街8号", lat: 30.6538, lng: 104.0838, brands: LN },
  { city: "CD", district: "成华区", mallName: "万象城", street: "双庆路8号", lat: 30.676, lng: 104.105, brands: L },
  { city: "CD", district: "武侯区", mallName: "来福士广场", street: "人民南路四段3号", lat: 30.6342, lng: 104.07, brands: N },
  { city: "CD", district: "高新区", mallName: "银泰中心in99", street: "天府大道北段1199号", lat: 30.5794, lng: 104.0657, brands: LN },
  { city: "CD", district: "高新区", mallName: "环球中心", street: "天府大道北段1700号", lat: 30.571, lng: 104.0649, brands: L },
];

/** Each brand's e-commerce warehouse (发货仓): ships orders, never shown to shoppers as a store. */
export const WAREHOUSES: Record<BrandSlug, { city: string; district: string; street: string; name: string; lat: number; lng: number; phone: string }> = {
  lumi: {
    city: "嘉兴",
    district: "南湖区",
    street: "亚太路778号 嘉兴现代物流园3号库",
    name: "LUMI 嘉兴电商仓",
    lat: 30.7317,
    lng: 120.8235,
    phone: "0573-82861123",
  },
  nord: {
    city: "上海",
    district: "青浦区",
    street: "华新镇华志路1688号 青浦物流园B2库",
    name: "NORD 上海青浦仓",
    lat: 31.2384,
    lng: 121.2203,
    phone: "021-59781123",
  },
};
