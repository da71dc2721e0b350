import type { Product } from '../../sdk/services/inventory.js';

const kinds = ['Espressobohnen', 'Café-Crème-Bohnen', 'Schwarztee', 'Thermoskanne', 'Kaffeemühle', 'Milchkännchen'];
const lines = ['Mühlbach', 'Goldstück', 'Schwarzwald', 'Lindenhof', 'Bohnenglück'];
const attributes = ['mild', 'matt', 'schwarz', 'Keramik'];
const sizes = ['250 g', '500 g', '1 kg', '0,3 l', '1 l', '6 Stück'];

/**
 * A coffee shop's catalogue for search-quality tests, built like the benchmark's: every kind × line × attribute ×
 * size (720 products), so each name has siblings that differ only in size or in one word, and size words
 * ("1", "l", "Stück") are in hundreds of names.
 */
export function coffeeCatalogue(): Product[] {
  const products: Product[] = [];
  for (const kind of kinds) {
    for (const line of lines) {
      for (const attribute of attributes) {
        for (const size of sizes) {
          products.push({ sku: `C-${String(products.length + 1).padStart(4, '0')}`, name: `${kind} ${line} ${attribute} ${size}`, available: 10 });
        }
      }
    }
  }
  return products;
}
