import type { GarmentKind } from "@/lib/catalog/garment-svg";

// Product names are built the way Chinese fashion e-commerce names a style: style word + neckline/fit +
// detail + fabric + garment, e.g. 法式方领泡泡袖连衣裙. Each fragment carries its English twin.
// Nouns stay within what the kind's illustration shows (no long-sleeved tees or cardigans).
export type Fragment = readonly [zh: string, en: string];
/** A slot: its fragments and the chance it appears in a name (1 = always). */
export type Slot = { p: number; words: Fragment[] };

export const NAME_SLOTS: Record<GarmentKind, { slots: Slot[]; nouns: Fragment[] }> = {
  dress: {
    slots: [
      { p: 0.7, words: [["法式", "French"], ["复古", "Vintage"], ["温柔风", "Soft"], ["度假风", "Resort"], ["通勤", "Workday"], ["甜美", "Sweet"]] },
      { p: 1, words: [["方领", "Square-Neck"], ["V领", "V-Neck"], ["圆领", "Crew-Neck"], ["翻领", "Collared"], ["娃娃领", "Peter-Pan-Collar"], ["一字肩", "Off-Shoulder"]] },
      { p: 0.85, words: [["泡泡袖", "Puff-Sleeve"], ["收腰", "Cinched-Waist"], ["碎花", "Floral"], ["荷叶边", "Ruffled"], ["褶皱", "Pleated"], ["系带", "Tie-Waist"], ["灯笼袖", "Lantern-Sleeve"], ["波点", "Polka-Dot"]] },
      { p: 0.6, words: [["A字", "A-Line"], ["中长款", "Midi"], ["长款", "Maxi"], ["针织", "Knit"], ["衬衫", "Shirt"]] },
    ],
    nouns: [["连衣裙", "Dress"]],
  },
  tshirt: {
    slots: [
      { p: 1, words: [["宽松", "Relaxed"], ["修身", "Slim"], ["短款", "Cropped"], ["落肩", "Drop-Shoulder"], ["基础款", "Essential"]] },
      { p: 1, words: [["圆领", "Crew-Neck"], ["V领", "V-Neck"], ["半高领", "Mock-Neck"]] },
      { p: 1, words: [["纯棉", "Cotton"], ["重磅", "Heavyweight"], ["莫代尔", "Modal"], ["华夫格", "Waffle-Knit"], ["长绒棉", "Long-Staple Cotton"]] },
      { p: 0.4, words: [["印花", "Print"], ["条纹", "Striped"], ["刺绣", "Embroidered"], ["字母", "Logo"]] },
    ],
    nouns: [["T恤", "T-Shirt"]],
  },
  shirt: {
    slots: [
      { p: 0.8, words: [["法式", "French"], ["通勤", "Workday"], ["宽松", "Relaxed"], ["复古", "Vintage"], ["廓形", "Oversized"]] },
      { p: 0.7, words: [["尖领", "Point-Collar"], ["立领", "Band-Collar"], ["古巴领", "Camp-Collar"], ["翻领", "Spread-Collar"]] },
      { p: 1, words: [["条纹", "Striped"], ["纯棉", "Cotton"], ["亚麻", "Linen"], ["缎面", "Satin"], ["牛津纺", "Oxford"], ["灯芯绒", "Corduroy"], ["天丝", "Tencel"]] },
    ],
    nouns: [["衬衫", "Shirt"], ["长袖衬衫", "Long-Sleeve Shirt"]],
  },
  knit: {
    slots: [
      { p: 0.9, words: [["软糯", "Soft-Touch"], ["慵懒风", "Slouchy"], ["短款", "Cropped"], ["宽松", "Relaxed"], ["修身", "Fitted"]] },
      { p: 0.9, words: [["圆领", "Crew-Neck"], ["V领", "V-Neck"], ["高领", "Turtleneck"], ["半高领", "Mock-Neck"]] },
      { p: 1, words: [["羊毛混纺", "Wool-Blend"], ["马海毛", "Mohair"], ["羊绒", "Cashmere"], ["麻花", "Cable-Knit"], ["罗纹", "Ribbed"]] },
    ],
    nouns: [["针织衫", "Sweater"], ["毛衣", "Jumper"]],
  },
  jeans: {
    slots: [
      { p: 1, words: [["高腰", "High-Rise"], ["中腰", "Mid-Rise"]] },
      { p: 0.5, words: [["九分", "Ankle"], ["毛边", "Raw-Hem"], ["水洗", "Washed"], ["弹力", "Stretch"], ["复古", "Vintage"]] },
      { p: 1, words: [["直筒", "Straight"], ["阔腿", "Wide-Leg"], ["微喇", "Flared"], ["锥形", "Tapered"], ["宽松", "Loose"], ["烟管", "Slim Straight"]] },
    ],
    nouns: [["牛仔裤", "Jeans"]],
  },
  skirt: {
    slots: [
      { p: 1, words: [["高腰", "High-Waist"], ["中长款", "Midi"], ["短款", "Mini"]] },
      { p: 0.9, words: [["缎面", "Satin"], ["格纹", "Plaid"], ["针织", "Knit"], ["灯芯绒", "Corduroy"], ["羊毛", "Wool"], ["牛仔", "Denim"]] },
      { p: 1, words: [["A字", "A-Line"], ["百褶", "Pleated"], ["鱼尾", "Mermaid"], ["包臀", "Pencil"], ["开衩", "Slit"]] },
    ],
    nouns: [["半身裙", "Skirt"]],
  },
  trousers: {
    slots: [
      { p: 0.9, words: [["高腰", "High-Waist"], ["松紧腰", "Elastic-Waist"], ["抽绳", "Drawstring"]] },
      { p: 0.7, words: [["垂感", "Drapey"], ["羊毛混纺", "Wool-Blend"], ["灯芯绒", "Corduroy"], ["棉麻", "Cotton-Linen"]] },
      { p: 1, words: [["阔腿", "Wide-Leg"], ["直筒", "Straight-Leg"], ["锥形", "Tapered"], ["烟管", "Cigarette"]] },
    ],
    nouns: [["西装裤", "Tailored Trousers"], ["休闲裤", "Trousers"], ["工装裤", "Cargo Trousers"]],
  },
  jacket: {
    slots: [
      { p: 0.8, words: [["短款", "Cropped"], ["宽松", "Relaxed"], ["复古", "Vintage"], ["廓形", "Oversized"]] },
      { p: 1, words: [["仿麂皮", "Faux-Suede"], ["灯芯绒", "Corduroy"], ["牛仔", "Denim"], ["尼龙", "Nylon"], ["仿皮", "Faux-Leather"], ["斜纹棉", "Cotton Twill"]] },
    ],
    nouns: [["工装夹克", "Work Jacket"], ["棒球夹克", "Varsity Jacket"], ["飞行员夹克", "Bomber Jacket"], ["机车夹克", "Biker Jacket"], ["衬衫式夹克", "Shacket"]],
  },
  coat: {
    slots: [
      { p: 1, words: [["双面呢", "Double-Faced Wool"], ["羊毛", "Wool"], ["羊绒混纺", "Cashmere-Blend"], ["羊驼毛", "Alpaca-Blend"]] },
      { p: 1, words: [["长款", "Long"], ["中长款", "Mid-Length"], ["短款", "Short"]] },
      { p: 0.6, words: [["茧型", "Cocoon"], ["落肩", "Drop-Shoulder"], ["西装领", "Notch-Lapel"], ["H型", "Straight-Cut"]] },
    ],
    nouns: [["大衣", "Coat"]],
  },
  trench: {
    slots: [
      { p: 0.8, words: [["经典", "Classic"], ["英伦", "British"], ["廓形", "Oversized"], ["轻薄", "Lightweight"]] },
      { p: 1, words: [["长款", "Long"], ["中长款", "Mid-Length"], ["短款", "Short"]] },
      { p: 0.8, words: [["双排扣", "Double-Breasted"], ["系带收腰", "Belted"], ["插肩袖", "Raglan-Sleeve"]] },
    ],
    nouns: [["风衣", "Trench Coat"]],
  },
};

/** First sentence of a description, per kind; the second comes from STYLING. */
export const FEATURES: Record<GarmentKind, string[]> = {
  dress: ["腰线上提，裙摆自然垂坠，显高又显瘦。", "柔软面料贴肤舒适，领口设计修饰脸型与肩颈线条。", "细节处做了精致的压褶与包边，一件就能穿出完整造型。"],
  tshirt: ["精梳棉面料柔软亲肤，多次洗涤不易变形。", "领口罗纹弹性好，版型利落，单穿叠穿都合适。", "微落肩剪裁，宽松不臃肿，透气吸汗。"],
  shirt: ["挺括面料有型有款，衣摆可塞可放。", "经典领型搭配贝壳纹纽扣，细节见质感。", "垂感好不易皱，出差通勤都省心。"],
  knit: ["纱线蓬松软糯，上身温暖不扎人。", "罗纹收口不易松垮，版型慵懒有度。", "细腻针法织出立体纹理，秋冬内搭外穿两相宜。"],
  jeans: ["弹力棉牛仔面料，久坐不紧绷。", "高腰设计拉长腿部比例，直筒裤型修饰腿型。", "复古水洗工艺，每一条都有自然的做旧纹理。"],
  skirt: ["高腰设计收腰显瘦，裙摆随步伐轻盈摆动。", "隐形侧拉链，腰头内里防滑，穿着不移位。", "面料有垂感不易皱，长度刚好落在小腿最细处。"],
  trousers: ["垂感面料，走动时裤腿飘逸利落。", "前片压褶设计，遮肉显腿直。", "腰头暗藏松紧，久坐也舒适。"],
  jacket: ["硬挺面料有型不塌，多口袋设计实用又好看。", "短款版型提高腰线，搭裙搭裤都利落。", "内里拼接柔软衬布，春秋单穿冬季叠穿。"],
  coat: ["双面呢工艺无里衬，轻盈挺括，保暖不厚重。", "落肩廓形包容度高，里面能穿下厚毛衣。", "手工缝制的衣边细腻平整，经典款多年都不过时。"],
  trench: ["防泼水棉质面料，春秋通勤不怕小雨。", "经典双排扣与腰带设计，敞开穿系上穿两种风格。", "肩部挡风片与袖襻还原经典风衣细节。"],
};

export const STYLING: string[] = [
  "适合通勤与周末约会。",
  "搭配小白鞋或乐福鞋都很好看。",
  "门店可免费试穿，网订店取当天可取。",
  "建议按平时尺码选购。",
  "与同色系单品叠穿更显高级。",
];
