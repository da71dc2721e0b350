/** A product as check_stock sees it; `price` in major units (12.5 = 12.50), `lowStockThreshold` overrides the node's. */
export interface Product {
  sku: string;
  name: string;
  available: number;
  price?: number;
  lowStockThreshold?: number;
}

/** A product that matched a free-text query; `score` between 0 and 1, higher is closer. */
export interface ProductCandidate {
  product: Product;
  score: number;
}

/**
 * Product lookup for check_stock. The embedded inventory is a database table with CSV import; plugins (shop
 * systems, ERPs) can provide other backends. Interface owned by the check_stock node.
 */
export interface InventoryService {
  /** Exact SKU lookup, ignoring case, spaces and dashes ("bo-gsr 18" finds "BOGSR18"). */
  findBySku(sku: string): Promise<Product | undefined>;
  /** Fuzzy name search (typos, umlauts, compounds), best first; an empty list when nothing is close. */
  search(text: string, options?: { limit?: number }): Promise<ProductCandidate[]>;
}
