/** Product lookup for check_stock; the embedded inventory is a database table with CSV import. */
export interface InventoryService {
  lookup(query: { sku?: string; text?: string }): Promise<{ sku: string; name: string; available: number; price?: number }[]>;
}
