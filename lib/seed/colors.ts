import type { GarmentKind } from "@/lib/catalog/garment-svg";
import type { BrandSlug } from "./brands";

// The group's colour card (色卡): the code is the colour's number on the card, the same in every style.
export const COLORS: Record<string, { name: string; nameEn: string; hex: string }> = {
  "01": { name: "黑色", nameEn: "Black", hex: "#1C1C1E" },
  "02": { name: "白色", nameEn: "White", hex: "#F7F6F2" },
  "03": { name: "米白", nameEn: "Off-White", hex: "#EFE8DA" },
  "04": { name: "燕麦色", nameEn: "Oatmeal", hex: "#D9CBB2" },
  "05": { name: "卡其", nameEn: "Khaki", hex: "#C2A77A" },
  "06": { name: "驼色", nameEn: "Camel", hex: "#B98A5E" },
  "07": { name: "焦糖色", nameEn: "Caramel", hex: "#A0602E" },
  "08": { name: "奶咖", nameEn: "Latte", hex: "#B59A80" },
  "09": { name: "浅灰", nameEn: "Light Grey", hex: "#C8C8C6" },
  "10": { name: "炭灰", nameEn: "Charcoal", hex: "#4B4C4E" },
  "11": { name: "藏青", nameEn: "Navy", hex: "#1F2A44" },
  "12": { name: "雾霾蓝", nameEn: "Haze Blue", hex: "#8FA5B8" },
  "13": { name: "浅蓝", nameEn: "Light Wash", hex: "#A8C3DD" },
  "14": { name: "牛仔蓝", nameEn: "Mid Wash", hex: "#4D6F94" },
  "15": { name: "深蓝", nameEn: "Dark Wash", hex: "#2B3D5C" },
  "16": { name: "雾粉", nameEn: "Dusty Pink", hex: "#E6C3C1" },
  "17": { name: "樱花粉", nameEn: "Blossom Pink", hex: "#F2B7C4" },
  "18": { name: "酒红", nameEn: "Burgundy", hex: "#7B1E2E" },
  "19": { name: "砖红", nameEn: "Brick Red", hex: "#B4543C" },
  "20": { name: "姜黄", nameEn: "Turmeric", hex: "#D6A23E" },
  "21": { name: "薄荷绿", nameEn: "Mint", hex: "#B9DCC9" },
  "22": { name: "橄榄绿", nameEn: "Olive", hex: "#6D6B3D" },
  "23": { name: "墨绿", nameEn: "Forest Green", hex: "#2F4A3B" },
  "24": { name: "香芋紫", nameEn: "Taro Purple", hex: "#B8A6CC" },
  "25": { name: "奶油黄", nameEn: "Butter Yellow", hex: "#F3E2A9" },
  "26": { name: "正红", nameEn: "True Red", hex: "#C8102E" },
};

/** Which colours of the card each brand offers in each kind of garment. */
export const PALETTES: Record<BrandSlug, Partial<Record<GarmentKind, string[]>>> = {
  lumi: {
    tshirt: ["02", "01", "16", "17", "21", "25", "12", "24"],
    shirt: ["02", "03", "12", "16", "01", "24"],
    knit: ["03", "04", "16", "24", "18", "07", "21", "25"],
    dress: ["01", "03", "16", "12", "18", "26", "23", "24", "25"],
    jeans: ["13", "14", "15", "01", "03"],
    skirt: ["01", "04", "05", "18", "09", "23", "07"],
    trousers: ["01", "03", "05", "09", "08", "11"],
    jacket: ["05", "07", "14", "01", "04", "22"],
    coat: ["06", "03", "01", "09", "18", "16"],
    trench: ["05", "03", "01", "11"],
  },
  nord: {
    tshirt: ["02", "01", "09", "10", "11", "22", "04"],
    shirt: ["02", "12", "11", "03", "01", "09"],
    knit: ["10", "04", "11", "23", "03", "01", "07"],
    jeans: ["13", "14", "15", "01"],
    trousers: ["01", "10", "05", "11", "04", "22"],
    jacket: ["01", "22", "11", "05", "10"],
    coat: ["06", "10", "01", "11", "04"],
    trench: ["05", "01", "11", "03"],
  },
};
