import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, runPolicybot } from '../helpers/cli.js';
import { chatServer, HYDROGEN_READING as hydrogen, PARAPHRASE } from '../helpers/chat-server.js';
import { sharedBot, tempDir } from '../helpers/index.js';

let indexDir: string;
let server: Awaited<ReturnType<typeof chatServer>>;
beforeAll(async () => {
  ({ indexDir } = await sharedBot());
  server = await chatServer(() => ({ reading: hydrogen }));
});
afterAll(() => server.close());

const modelEnv = () => ({ LLM_BASE_URL: server.url, LLM_MODEL: 'stand-in' });

describe('policybot with a model configured', () => {
  it('ask --json records both readings beside the query the answer follows', async () => {
    const { code, stdout } = await runPolicybot(['ask', '--json', '--index', indexDir, PARAPHRASE], {
      env: modelEnv(),
    });
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer).slice(0, 9)).toEqual([
      'question',
      'status',
      'answer',
      'citations',
      'ms',
      'intent',
      'suggestions',
      'lead',
      'query',
    ]);
    expect(answer.status).toBe('answered');
    expect(answer.queries.rules.unknown).toEqual(['电池', '汽车']);
    expect(answer.queries.model.subjects).toEqual(['加氢站']);
    expect(answer.query).toEqual(answer.queries.model);
  });

  it('ask --json has no queries field without a model', async () => {
    const { stdout } = await runPolicybot(['ask', '--json', '--index', indexDir, PARAPHRASE]);
    expect(JSON.parse(stdout)).not.toHaveProperty('queries');
  });

  it('eval --compare scores the rule reader and the model reader side by side', async () => {
    const set = join(tempDir(), 'set.jsonl');
    writeFileSync(set, `${JSON.stringify({ id: 'p1', kind: 'paraphrase', q: PARAPHRASE, must: ['30座'] })}\n`);
    const { code, stdout } = await runPolicybot(['eval', set, '--compare', '--index', indexDir], { env: modelEnv() });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^paraphrase\s+0\/1\s+1\/1$/m);
    expect(stdout).toMatch(/^overall\s+0\/1\s+1\/1$/m);
  });

  it('refuses a partial configuration and --compare without a model, in one line', async () => {
    for (const [args, env, message] of [
      [['ask', '问题'], { LLM_BASE_URL: server.url }, /LLM_BASE_URL and LLM_MODEL go together/],
      [['ask', '问题'], { LLM_MODEL: 'qwen' }, /LLM_BASE_URL and LLM_MODEL go together/],
      [['ask', '问题'], { ...modelEnv(), LLM_TIMEOUT_MS: 'soon' }, /LLM_TIMEOUT_MS/],
      [['ask', '问题'], { ...modelEnv(), LLM_PHRASING: 'yes' }, /LLM_PHRASING/],
      [['eval', 'test/fixtures/kinds.jsonl', '--compare', '--index', indexDir], {}, /eval --compare needs a model/],
    ] as const) {
      expectRefused(await runPolicybot([...args], { env }), message);
    }
  });
});
