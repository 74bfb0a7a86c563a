import { describe, expect, it } from 'vitest';
import { LexicalEmbeddings } from '../../src/core/embed.js';
import { bigrams, Tokenizer } from '../../src/core/tokenizer.js';

const base = new Tokenizer();
const words = (text: string) => base.words(text);

describe('words', () => {
  it('keeps domain terms of the user dictionary whole', () => {
    const w = words('到2022年，全省各类充电桩保有量达10万个以上、加氢站30座，工业互联网上架率和PUE值');
    for (const term of ['充电桩', '加氢站', '工业互联网', '上架率', 'pue', '2022']) expect(w).toContain(term);
  });

  it('segments Latin terms the same in any case', () => {
    expect(words('5g基站')).toEqual(words('5G基站'));
    expect(words('nb-iot网络')).toContain('nb-iot');
  });

  it('learns the corpus own unit names and headings', () => {
    expect(words('国网山东省电力公司')).not.toContain('国网山东省电力公司');
    const learned = new Tokenizer(['国网山东省电力公司', ' 加快5G商用 ']);
    expect(learned.words('国网山东省电力公司')).toContain('国网山东省电力公司');
    expect(learned.words('推动加快5g商用步伐')).toContain('加快5g商用');
  });

  it("keeps each corpus's words to its own tokenizer, whichever cut last", () => {
    const text = '国网山东省电力公司和山东高速集团';
    const power = new Tokenizer(['国网山东省电力公司']);
    const roads = new Tokenizer(['山东高速集团']);
    const plain = words(text);
    for (let round = 0; round < 2; round++) {
      expect(power.words(text)).toContain('国网山东省电力公司');
      expect(power.words(text)).not.toContain('山东高速集团');
      expect(roads.words(text)).toContain('山东高速集团');
      expect(roads.words(text)).not.toContain('国网山东省电力公司');
      expect(words(text)).toEqual(plain);
    }
    // A corpus that holds another's words and more cuts as if alone too.
    const both = new Tokenizer(['国网山东省电力公司', '山东高速集团']);
    expect(both.words(text)).toEqual(expect.arrayContaining(['国网山东省电力公司', '山东高速集团']));
  });

  it('drops question words and punctuation', () => {
    expect(words('加氢站目标是多少？')).toEqual(['加氢', '加氢站', '目标']);
  });
});

describe('nouns', () => {
  it('keeps what a question is about and drops its verbs and pronouns', () => {
    expect(base.nouns('我们公司做数据中心有哪些要求')).toEqual(['公司', '数据中心']);
  });
});

describe('searchTerms', () => {
  it('adds marked character bigrams of Chinese runs', () => {
    expect(bigrams('加氢站30座')).toEqual(['加氢', '氢站']);
    // From U+8000 a pair's number is negative as a 32-bit integer: it still reads back as its two characters.
    expect(bigrams('培育龙头')).toEqual(['培育', '育龙', '龙头']);
    expect(base.searchTerms('加氢站')).toEqual(expect.arrayContaining(['加氢站', '#加氢', '#氢站']));
  });
});

describe('LexicalEmbeddings', () => {
  const texts = ['到2022年全省加氢站30座', '加快建设5G基站11.2万个', '对高端人才发放山东惠才卡'];
  const embedder = LexicalEmbeddings.fit(
    texts.map((t) => base.searchTerms(t)),
    base,
    256,
  );

  it('returns unit-length vectors of the configured size', async () => {
    const vectors = await embedder.embedDocuments(texts);
    for (const v of vectors) {
      expect(v).toHaveLength(256);
      expect(Math.hypot(...v)).toBeCloseTo(1, 6);
    }
  });

  it('puts a question closest to the passage that answers it', async () => {
    const [q, ...docs] = await Promise.all([
      embedder.embedQuery('加氢站有多少座'),
      ...texts.map((t) => embedder.embedQuery(t)),
    ]);
    const cos = docs.map((d) => d!.reduce((s, x, i) => s + x * q![i]!, 0));
    expect(cos.indexOf(Math.max(...cos))).toBe(0);
  });

  it('weighs a repeated term, known to the corpus or not, the same on every call', () => {
    const terms = ['加氢站', '未见词', '未见词', '加氢站', '加氢站'];
    const once = embedder.vectorOf(terms);
    expect(embedder.vectorOf(terms)).toEqual(once);
    // Repeats count: the same terms said once each point elsewhere.
    expect(embedder.vectorOf(['加氢站', '未见词'])).not.toEqual(once);
    const fresh = LexicalEmbeddings.fromState(JSON.parse(JSON.stringify(embedder.toJSON())), base);
    expect(fresh.vectorOf(terms)).toEqual(once);
  });

  it('survives a round trip through its saved state', async () => {
    const restored = LexicalEmbeddings.fromState(JSON.parse(JSON.stringify(embedder.toJSON())), base);
    expect(await restored.embedQuery('5G基站')).toEqual(await embedder.embedQuery('5G基站'));
  });
});
