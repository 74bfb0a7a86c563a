/**
 * A corpus's terms, numbered in the order they are first met, with how many passages use each: the lexical
 * embedder's document frequencies. Numbers rather than strings, because an ingest of 15 MB meets its terms millions
 * of times, and a lookup per occurrence is all a term costs once it has its number.
 */
export class CorpusTerms {
  readonly terms: string[] = [];
  readonly df: number[] = [];
  passages = 0;
  private readonly numbers = new Map<string, number>();
  /** The last passage that counted each term, so a term repeated in a passage counts once. */
  private countedIn = new Int32Array(1024);

  /** A term's number, numbering it when it is new. */
  number(term: string): number {
    const known = this.numbers.get(term);
    if (known !== undefined) return known;
    const n = this.terms.length;
    this.numbers.set(term, n);
    this.terms.push(term);
    this.df.push(0);
    return n;
  }

  /** Counts one passage, given as its terms' numbers, into the document frequencies. */
  count(numbers: ArrayLike<number>): void {
    const passage = ++this.passages;
    if (this.countedIn.length < this.terms.length) {
      const grown = new Int32Array(Math.max(this.terms.length, this.countedIn.length * 2));
      grown.set(this.countedIn);
      this.countedIn = grown;
    }
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers[i]!;
      if (this.countedIn[n] === passage) continue;
      this.countedIn[n] = passage;
      this.df[n]!++;
    }
  }
}
