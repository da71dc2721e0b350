import type { InventoryService, Product } from '../../sdk/services/inventory.js';
import { ProductIndex } from './productIndex.js';

/**
 * An inventory held in memory with the same matching as the embedded one: for node tests, `dialogwerk chat` setups
 * and plugins that load a catalogue from elsewhere and only need the lookup.
 */
export function memoryInventory(products: Product[]): InventoryService {
  const index = new ProductIndex(products);
  return {
    findBySku: async (sku) => index.findBySku(sku),
    search: async (text, options) => index.search(text, options?.limit),
  };
}
