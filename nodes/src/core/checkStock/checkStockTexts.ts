import { localized, type Localized } from '../../i18n/localized.js';

/** Default customer texts of check_stock; `{name}`, `{available}`, `{price}` are filled by the node. */
export const checkStockTexts = {
  question: { de: 'Welches Produkt suchen Sie? Nennen Sie gern den Namen oder die Artikelnummer.', en: 'Which product are you looking for? A name or SKU is fine.' },
  in_stock: { de: '{name} ist auf Lager ({available} Stück verfügbar).', en: '{name} is in stock ({available} available).' },
  low_stock: { de: '{name} ist noch verfügbar, aber nur noch {available} Stück.', en: '{name} is available, but only {available} left.' },
  out_of_stock: { de: '{name} ist leider gerade ausverkauft.', en: 'Sorry, {name} is out of stock right now.' },
  not_found: { de: 'Dazu habe ich leider kein passendes Produkt gefunden.', en: 'Sorry, I could not find a matching product.' },
  withPrice: { de: '{text} Preis: {price}.', en: '{text} Price: {price}.' },
  didYouMean: { de: 'Meinten Sie eines dieser Produkte?', en: 'Did you mean one of these products?' },
  didYouMeanOne: { de: 'Meinten Sie {name}?', en: 'Did you mean {name}?' },
  noneOfThese: { de: 'Keines davon', en: 'None of these' },
  pickOne: { de: 'Bitte wählen Sie eines der Produkte oder „Keines davon“.', en: 'Please pick one of the products or "None of these".' },
} satisfies Record<string, Localized>;

/** Staff texts of the low-stock notification to sales. */
export const stockNotificationTexts = {
  lowSubject: { de: 'Knapper Bestand: {name} ({sku})', en: 'Low stock: {name} ({sku})' },
  outSubject: { de: 'Ausverkauft: {name} ({sku})', en: 'Out of stock: {name} ({sku})' },
  body: {
    de: 'Ein Kunde hat nach {name} (Artikelnummer {sku}) gefragt. Verfügbar: {available} (knapp ab {threshold}).',
    en: 'A customer asked for {name} (SKU {sku}). Available: {available} (low at {threshold}).',
  },
  testPrefix: { de: '[Test] ', en: '[Test] ' },
} satisfies Record<string, Localized>;

export type CheckStockTextKey = keyof typeof checkStockTexts;

export function checkStockText(key: CheckStockTextKey, locale: string): string {
  return localized(checkStockTexts[key], locale);
}

/** Fills `{placeholder}`s; unknown ones stay as written so a typo in a flow's text is visible, not silently blank. */
export function fillPlaceholders(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}
