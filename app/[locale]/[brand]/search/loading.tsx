// Per-request page: the shop skeleton while the server renders it (decision 025).
export { ShopPageLoading as default } from "@/components/shop/page-loading";
