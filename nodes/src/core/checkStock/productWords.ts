import { foldText, splitCompound } from '../../understanding/normalizeUtterance.js';

/**
 * Words customers wrap around a product ("Haben Sie noch …auf Lager?"). They neither find nor count against a
 * product unless a product name has exactly that word, so a brewery's "Lager hell" is still found by "Lager".
 */
export const fillers: ReadonlySet<string> = new Set(
  [
    // German: questions around a product ("Wann ist der Entkalker wieder da?", "Kann ich die Mühle sofort bekommen?")
    'haben habt hast hat haette haetten hatte gibt gibts es noch auf lager vorrat vorraetig lagernd lagerbestand bestand',
    'verfuegbar lieferbar erhaeltlich bestellbar ausverkauft nachschub da sie ihr ihnen euch du ich wir mir uns mein meine',
    'unser unsere euer eure den dem die das der des ein eine einen einem einer dieser diese dieses von mit zu im in ist sind',
    'wird werden welche welcher welches welchen suche suchen brauche brauchen moechte moechten wuerde wuerden gern gerne',
    'bitte danke hallo hi moin servus gruezi guten tag wie viel viele mal bei ob kann koennen koennte man kaufen bestellen',
    'bekommen bekomme kriegen kriege kommt kommen und oder auch nur wann wieder wo was warum wieso denn schon jetzt heute',
    'bald aktuell momentan derzeit zurzeit gerade sofort vielleicht eigentlich ja nein ok okay frage produkt artikel mehr',
    // English
    'do does you have has any still in stock is are the a an of available how many much please need looking for want',
    'hello hi thanks can could i we to buy order and or when back again it there what where get got sell carry your my me',
    'would like some this that these those now today soon yet product item sold out',
  ].join(' ').split(' '),
);

/**
 * Sizes, units and counts: "Espressobohnen … 1 kg" and "… 500 g" differ only in them. Thousands of names share
 * them, so they never make a product a candidate on their own; but a query that names one prefers the product that
 * has it.
 */
const units = new Set(
  'l ml cl dl g kg mg m cm mm km st stk stueck x teilig liter gramm kilo kilogramm meter zoll paar pack packung'.split(' '),
);

export function isSizeWord(word: string): boolean {
  return units.has(word) || /^\d+$/.test(word);
}

/** "500g" and "0,3l" as two words each, the way most names write them ("500 g"); "18V" is a model and stays one. */
function splitGluedUnit(word: string): string[] {
  const glued = /^(\d+)([a-z]+)$/.exec(word);
  return glued && units.has(glued[2]!) ? [glued[1]!, glued[2]!] : [word];
}

/**
 * The words of a name or query in order, each once: folded, a number glued to its unit split off, and compounds
 * split into parts the catalogue lists apart ("akkuschrauber" → akku, schrauber).
 */
export function productWords(text: string, vocabulary: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const raw of foldText(text).split(' ')) {
    if (!raw) continue;
    for (const word of splitGluedUnit(raw)) {
      for (const part of (vocabulary.has(word) ? null : splitCompound(word, vocabulary)) ?? [word]) out.add(part);
    }
  }
  return [...out];
}
