import { z } from 'zod';
import { defineNode } from '../../sdk/defineNode.js';
import { Text, resolveText } from '../../sdk/text.js';
import { variableName } from '../../flow/flowDocument.js';

export const stockResults = ['in_stock', 'low_stock', 'out_of_stock', 'not_found'] as const;
export type StockResult = (typeof stockResults)[number];

const variable = (title: string, description: string) =>
  variableName.optional().meta({ title, description, 'x-dialogwerk-widget': 'variable' });

const checkStockConfig = z.object({
  text: Text.optional().meta({
    title: 'Frage an den Kunden / Question',
    description: 'Nur wenn kein Produkt bekannt ist / Only asked when no product is known yet',
  }),
  product: Text.optional().meta({
    title: 'Produkt / Product',
    description:
      'Name oder Artikelnummer, z. B. {{produkt}}; leer: die letzte Nachricht des Kunden / Name or SKU, e.g. {{product}}; ' +
      'empty: the customer\'s latest message',
  }),
  lowStockThreshold: z.number().int().min(0).max(1_000_000).default(5).meta({
    title: 'Knapp ab / Low stock at',
    description: 'Bestand bis zu dieser Menge gilt als knapp (ein Wert am Produkt hat Vorrang) / ' +
      'Stock up to this quantity counts as low (a product\'s own value wins)',
  }),
  notifySales: z.boolean().default(true).meta({
    title: 'Vertrieb benachrichtigen / Notify sales',
    description: 'Bei knappem oder leerem Bestand, höchstens einmal pro Produkt und Tag / ' +
      'On low or no stock, at most once per product and day',
  }),
  save: z
    .object({
      name: variable('Name', 'Variable für den Produktnamen / Variable for the product name'),
      sku: variable('Artikelnummer / SKU', 'Variable für die Artikelnummer / Variable for the SKU'),
      available: variable('Bestand / Available', 'Variable für die verfügbare Menge / Variable for the quantity available'),
      price: variable('Preis / Price', 'Variable für den Preis / Variable for the price'),
    })
    .optional()
    .meta({ title: 'Speichern / Save' }),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code like "CHF" or "EUR"').optional().meta({
    title: 'Währung / Currency',
    description: 'Für Preise in den Antworten, z. B. CHF / For prices in the answers, e.g. EUR',
  }),
  texts: z
    .object({
      in_stock: Text.optional(),
      low_stock: Text.optional(),
      out_of_stock: Text.optional(),
      not_found: Text.optional(),
    })
    .optional()
    .meta({
      title: 'Antworten / Answers',
      description:
        'Eigene Antworten je Ergebnis mit {name}, {sku}, {available}, {price}; leer: keine Antwort / ' +
        'Own answers per result with {name}, {sku}, {available}, {price}; empty: say nothing',
    }),
});

export type CheckStockConfig = z.infer<typeof checkStockConfig>;

export const checkStockNode = defineNode({
  type: 'check_stock',
  version: 1,
  category: 'actions',
  icon: 'package-search',
  label: { de: 'Lagerbestand prüfen', en: 'Check stock' },
  description: {
    de: 'Sucht ein Produkt nach Name oder Artikelnummer (auch mit Tippfehlern), sagt ob es verfügbar ist und meldet knappen Bestand dem Vertrieb.',
    en: 'Looks a product up by name or SKU (typos included), says whether it is available and tells sales about low stock.',
  },
  config: checkStockConfig,
  ports: [
    { id: 'in_stock', label: { de: 'Verfügbar', en: 'In stock' } },
    { id: 'low_stock', label: { de: 'Knapp', en: 'Low stock' } },
    { id: 'out_of_stock', label: { de: 'Ausverkauft', en: 'Out of stock' } },
    { id: 'not_found', label: { de: 'Nicht gefunden', en: 'Not found' } },
    { id: 'error', label: { de: 'Fehler', en: 'Error' }, kind: 'error' },
  ],
  // Without a product it asks (or takes the pending message); with one it waits only to ask which of several.
  waitsForInput: (config) => config.product === undefined,
  variables: (config) => Object.values(config.save ?? {}).filter((name): name is string => typeof name === 'string'),
  summary: (config, locale) => {
    const product = config.product === undefined ? '' : resolveText(config.product, locale, locale);
    return product || (locale.startsWith('de') ? 'Produkt aus der Nachricht' : 'Product from the message');
  },
});
