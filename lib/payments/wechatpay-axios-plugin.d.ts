// Types for the three leaf modules of wechatpay-axios-plugin we import directly (the package ships
// types for its index only). Why not the index: it runs `module.exports.default = module.exports` on
// a class whose `default` is a getter, which throws once a bundler emits the module as strict ESM;
// the leaves do not, and they leave axios's client and the XML/multipart code out of the bundle.
declare module "wechatpay-axios-plugin/lib/rsa.js" {
  import { Rsa } from "wechatpay-axios-plugin";
  export = Rsa;
}
declare module "wechatpay-axios-plugin/lib/aes.js" {
  import { Aes } from "wechatpay-axios-plugin";
  export = Aes;
}
declare module "wechatpay-axios-plugin/lib/formatter.js" {
  import { Formatter } from "wechatpay-axios-plugin";
  export = Formatter;
}
