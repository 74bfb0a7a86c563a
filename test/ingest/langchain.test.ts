import { join } from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { describe, expect, it } from 'vitest';
import { LexicalEmbeddings, LexicalStateSchema } from '../../src/core/embed.js';
import { VECTORS_DIR, readIndex } from '../../src/core/store.js';
import { learnedWords, Tokenizer } from '../../src/core/tokenizer.js';
import { sharedBot } from '../helpers/index.js';

describe('the index on disk', () => {
  it('is a LangChain HNSWLib store: its loader reads our files and finds the clause a question is about', async () => {
    const { indexDir } = await sharedBot();
    const stored = await readIndex(indexDir);
    const tokenizer = new Tokenizer(learnedWords(stored.clauses));
    const embeddings = LexicalEmbeddings.fromState(LexicalStateSchema.parse(stored.embedder), tokenizer);
    const store = await HNSWLib.load(join(indexDir, VECTORS_DIR), embeddings);
    const [best] = await store.similaritySearch('加氢站建设目标', 1);
    const passage = stored.passages[best!.metadata.passage as number]!;
    expect(best!.pageContent).toBe(`${passage.doc}#${passage.section}`);
    expect(passage.section).toBe('2.2.1');
  });
});
