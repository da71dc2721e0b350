import { ProductIndex, type InventoryService } from '@dialogwerk/nodes';
import { toProduct, type ProductStore } from './productStore.js';

/**
 * `services.inventory` on the built-in table. SKU lookups go to the database; name searches use an in-memory
 * index rebuilt when the store's revision changed (one small read per search), so an import by the CLI next to a
 * running server is seen by the next customer question.
 */
export function embeddedInventory(store: ProductStore): InventoryService {
  let cached: { revision: string; index: ProductIndex } | undefined;
  let building: Promise<ProductIndex> | undefined;
  const currentIndex = async (): Promise<ProductIndex> => {
    const revision = await store.revision();
    if (cached?.revision === revision) return cached.index;
    // Concurrent questions after an import share one rebuild.
    building ??= (async () => {
      try {
        const index = new ProductIndex((await store.all()).map(toProduct));
        cached = { revision, index };
        return index;
      } finally {
        building = undefined;
      }
    })();
    return building;
  };
  return {
    findBySku: async (sku) => {
      const stored = await store.get(sku);
      return stored ? toProduct(stored) : undefined;
    },
    search: async (text, options) => (await currentIndex()).search(text, options?.limit),
  };
}
