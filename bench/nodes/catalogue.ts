/**
 * A synthetic German shop catalogue for the check_stock benchmark: deterministic (seeded PRNG), so every run imports
 * the same 10,000 products and sends the same queries.
 */

/** mulberry32: small, fast, good enough to pick words. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const categories = [
  ['ESP', 'Espressobohnen'], ['CRE', 'Café-Crème-Bohnen'], ['FIL', 'Filterkaffee'], ['ENT', 'Entkalker'], ['SIE', 'Siebträgermaschine'],
  ['MUE', 'Kaffeemühle'], ['MIL', 'Milchkännchen'], ['TAM', 'Tamper'], ['REI', 'Reinigungstabletten'], ['TAS', 'Espressotasse'],
  ['CAP', 'Cappuccinotasse'], ['THE', 'Thermoskanne'], ['WAS', 'Wasserfilter'], ['PRE', 'French Press'], ['HAN', 'Handfilter'],
  ['SCH', 'Milchaufschäumer'], ['KAP', 'Kaffeekapseln'], ['TEE', 'Schwarztee'], ['KAK', 'Trinkschokolade'], ['SIR', 'Sirup'],
  ['WAA', 'Kaffeewaage'], ['KES', 'Wasserkocher'], ['DOS', 'Vorratsdose'], ['BUE', 'Reinigungsbürste'],
] as const;
const lines = [
  'Bella Napoli', 'Hochland', 'Bohnenglück', 'Alpenröstung', 'Sonnenhang', 'Bergland', 'Nordlicht', 'Morgenrot', 'Feldberg', 'Rheinufer',
  'Elbsand', 'Schwarzwald', 'Donautal', 'Lindenhof', 'Seeblick', 'Waldhaus', 'Kupferkessel', 'Hafenrösterei', 'Altstadt', 'Mühlbach',
  'Sankt Anna', 'Goldstück', 'Eichenhain', 'Dolomiti', 'Ostwind', 'Kastanie', 'Weinberg', 'Edelweiß', 'Sommerfeld', 'Brückentor',
] as const;
const attributes = [
  'dunkel geröstet', 'mild', 'kräftig', 'entkoffeiniert', 'Bio', 'Edelstahl', 'Keramik', 'Glas', 'schwarz', 'weiß', 'matt', 'Dualboiler',
  'Fairtrade', 'klassisch', 'Limited Edition',
] as const;
const sizes = ['250 g', '500 g', '1 kg', '0,3 l', '0,6 l', '1 l', '6 Stück', '12 Stück'] as const;

export interface CatalogueProduct {
  sku: string;
  name: string;
  available: number;
  price: number;
  lowStock: number;
}

/** `count` distinct products (≤ 86,400 possible names), the same for the same seed. */
export function syntheticCatalogue(count = 10_000, seed = 3): CatalogueProduct[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const names = new Set<string>();
  const products: CatalogueProduct[] = [];
  while (products.length < count) {
    const [code, category] = pick(categories);
    const name = `${category} ${pick(lines)} ${pick(attributes)} ${pick(sizes)}`;
    if (names.has(name)) continue;
    names.add(name);
    const roll = random();
    products.push({
      sku: `BG-${code}-${String(products.length + 1).padStart(5, '0')}`,
      name,
      // 10 % sold out, 15 % low, the rest in stock
      available: roll < 0.1 ? 0 : roll < 0.25 ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 200),
      price: Math.round((3 + random() * 400) * 100) / 100,
      lowStock: 5,
    });
  }
  return products;
}

/** The CSV the inventory import takes (German headers and number format, as a shop exports it). */
export function catalogueCsv(products: CatalogueProduct[]): string {
  const rows = products.map((p) => `${p.sku};${p.name};${p.available};${p.price.toFixed(2).replace('.', ',')};${p.lowStock}`);
  return `Artikelnummer;Bezeichnung;Bestand;Preis;Mindestbestand\n${rows.join('\n')}\n`;
}

export type QueryKind = 'sku' | 'name' | 'typo' | 'partial' | 'unknown';
export interface StockQuery {
  kind: QueryKind;
  text: string;
}

function typo(word: string, random: () => number): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(random() * (word.length - 3));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swap two letters
}

/**
 * What customers type to "Welches Produkt suchen Sie?": an exact SKU (20 %), the full name (30 %), the name lower-case
 * with a swapped letter in the product word (25 %), product word and line only (15 %: often several candidates, the
 * customer then picks one), something the shop does not sell (10 %).
 */
export function stockQueries(products: CatalogueProduct[], count = 2_000, seed = 7): StockQuery[] {
  const random = seededRandom(seed);
  const unknown = ['Fahrradschlauch 28 Zoll', 'Winterreifen 205/55 R16', 'Gartenschlauch 20 m', 'Druckerpatrone schwarz', 'Yogamatte lila'];
  const queries: StockQuery[] = [];
  for (let i = 0; i < count; i++) {
    const product = products[Math.floor(random() * products.length)]!;
    const roll = random();
    const words = product.name.split(' ');
    if (roll < 0.2) queries.push({ kind: 'sku', text: product.sku });
    else if (roll < 0.5) queries.push({ kind: 'name', text: product.name });
    else if (roll < 0.75) queries.push({ kind: 'typo', text: [typo(words[0]!, random), ...words.slice(1)].join(' ').toLowerCase() });
    else if (roll < 0.9) queries.push({ kind: 'partial', text: words.slice(0, 3).join(' ') });
    else queries.push({ kind: 'unknown', text: unknown[i % unknown.length]! });
  }
  return queries;
}
