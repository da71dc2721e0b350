/**
 * The form SKUs are compared in: staff type "bo-gsr 18", the shop exports "BO-GSR18". Case, spaces, dashes and
 * underscores carry no meaning in an article number, so they are dropped.
 */
export function skuKey(sku: string): string {
  return sku.normalize('NFKC').toUpperCase().replace(/[\s\-_‐‑–—]+/g, '');
}
