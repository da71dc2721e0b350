import type { RuntimeModuleFactory } from '../modules/runtimeModule.js';
import { embeddedInventory } from './embeddedInventory.js';
import { inventoryAdminRoutes } from './inventoryAdminRoutes.js';
import { ProductStore } from './productStore.js';

/** The built-in inventory: `services.inventory` for check_stock and the staff routes to fill it. */
export const inventoryModule: RuntimeModuleFactory = ({ database }) => {
  const store = new ProductStore(database.client);
  const inventory = embeddedInventory(store);
  return { name: 'inventory', services: { inventory }, adminRoutes: inventoryAdminRoutes(store, inventory) };
};
