import type { Product } from '../../sdk/services/inventory.js';

/** A small DIY-store catalogue for the check_stock tests: shared words, brands, umlauts, compounds, model numbers. */
export const catalogue: Product[] = [
  { sku: 'BO-GSR18', name: 'Akkuschrauber Bosch GSR 18V', available: 12, price: 129 },
  { sku: 'MA-DF333', name: 'Akkuschrauber Makita DF333', available: 3, price: 99.9 },
  { sku: 'SD-SET6', name: 'Schraubendreher-Set 6-teilig', available: 0, price: 24.5 },
  { sku: 'HL-500', name: 'Holzleim 500 g', available: 40, price: 6.8 },
  { sku: 'KL-608', name: 'Kugellager 608 2RS', available: 100 },
  { sku: 'GS-2', name: 'Gartenschlauch Größe 2', available: 7 },
  { sku: 'WP-10', name: 'Wandfarbe weiss 10 l', available: 5 },
  { sku: 'BS-1', name: 'Bohrer-Set Stein', available: 9 },
];
