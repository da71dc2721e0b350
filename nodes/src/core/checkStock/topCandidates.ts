/**
 * The best `limit` of many scored items without sorting them all: a short array kept in order, since `limit` is a
 * handful ("Meinten Sie …?" offers at most four). Ties go to the lower `rank` (the product's place by name).
 */
export class TopCandidates {
  readonly #limit: number;
  readonly #items: { position: number; score: number; rank: number }[] = [];

  constructor(limit: number) {
    this.#limit = Math.max(0, limit);
  }

  #better(score: number, rank: number, than: { score: number; rank: number }): boolean {
    return score > than.score || (score === than.score && rank < than.rank);
  }

  add(position: number, score: number, rank: number): void {
    const items = this.#items;
    if (items.length === this.#limit && (this.#limit === 0 || !this.#better(score, rank, items[items.length - 1]!))) return;
    let at = items.length;
    while (at > 0 && this.#better(score, rank, items[at - 1]!)) at--;
    items.splice(at, 0, { position, score, rank });
    if (items.length > this.#limit) items.pop();
  }

  /** Best first. */
  get items(): readonly { position: number; score: number }[] {
    return this.#items;
  }
}
