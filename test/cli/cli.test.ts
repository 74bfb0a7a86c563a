import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { expectRefused, runPolicybot, spawnPolicybot } from '../helpers/cli.js';
import { sharedBot, tempDir } from '../helpers/index.js';

let indexDir: string;
beforeAll(async () => {
  ({ indexDir } = await sharedBot());
});

describe('policybot CLI', () => {
  it('ask --json prints the answer contract', async () => {
    const { code, stdout } = await runPolicybot(['ask', '--json', '--index', indexDir, '加氢站目标是多少']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer).slice(0, 5)).toEqual(['question', 'status', 'answer', 'citations', 'ms']);
    expect(answer).toMatchObject({ question: '加氢站目标是多少', status: 'answered' });
    expect(typeof answer.ms).toBe('number');
    expect(Object.keys(answer.citations[0])).toEqual(
      expect.arrayContaining(['doc', 'section', 'path', 'heading', 'units', 'quote', 'score']),
    );
    expect(answer.citations[0]).toMatchObject({ section: '2.2.1', heading: '科学配置充电桩和加氢站' });
  });

  it('ask --json --batch - answers one question a line, in order', async () => {
    const { stdout } = await runPolicybot(['ask', '--json', '--batch', '-', '--index', indexDir], {
      input: '加氢站目标是多少\n\n今天的汇率是多少\n省科技厅负责哪些任务\n',
    });
    const answers = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers.map((a) => [a.question, a.status])).toEqual([
      ['加氢站目标是多少', 'answered'],
      ['今天的汇率是多少', 'not_found'],
      ['省科技厅负责哪些任务', 'answered'],
    ]);
  });

  it('ask --json --batch answers a JSON line as a follow-up in its thread, echoing the follow-up alone', async () => {
    const lines = [
      JSON.stringify({ question: '谁负责', thread: ['智慧文旅有什么要求'] }),
      '加氢站目标是多少',
      JSON.stringify({ question: '第一类包括哪些', thread: ['应用场景有哪几类'] }),
    ];
    const { code, stdout } = await runPolicybot(['ask', '--json', '--batch', '-', '--index', indexDir], {
      input: `${lines.join('\n')}\n`,
    });
    expect(code).toBe(0);
    const answers = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers.map((a) => a.question)).toEqual(['谁负责', '加氢站目标是多少', '第一类包括哪些']);
    expect(answers[0].answer).toContain('省文化和旅游厅');
    expect(answers[0].query).toMatchObject({
      ask: 'units',
      subjects: ['智慧文旅'],
      continues: { subjects: ['智慧文旅'] },
    });
    expect(answers[1].query.continues).toBeNull();
    expect(answers[2].citations.every((c: { section: string }) => c.section.startsWith('3.1.'))).toBe(true);
  });

  it('ask --batch refuses a malformed JSON line or a missing file in one line', async () => {
    const bad = await runPolicybot(['ask', '--json', '--batch', '-', '--index', indexDir], {
      input: '加氢站目标是多少\n{"question": 5}\n',
    });
    expectRefused(bad, /batch file - line 2: question/);
    const missing = await runPolicybot(['ask', '--batch', '/nonexistent/questions.txt', '--index', indexDir]);
    expectRefused(missing, /batch file \/nonexistent\/questions.txt cannot be read: ENOENT/);
  });

  it('clauses --json prints the 25 clauses with headings and units; targets --json the targets', async () => {
    const clauses = JSON.parse((await runPolicybot(['clauses', '--json', '--index', indexDir])).stdout);
    expect(clauses).toHaveLength(25);
    expect(clauses[6]).toMatchObject({
      section: '2.2.1',
      heading: '科学配置充电桩和加氢站',
      units: expect.arrayContaining(['省能源局', '各市政府']),
    });
    expect(clauses.some((c: { text: string }) => c.text.includes('山东省物联网检测认证'))).toBe(true);
    const targets = JSON.parse((await runPolicybot(['targets', '--json', '--index', indexDir])).stdout);
    expect(targets).toContainEqual(
      expect.objectContaining({ section: '2.2.1', subject: '加氢站', value: 30, unit: '座', year: 2022 }),
    );
  });

  it('chat answers each line and reads a follow-up in the light of the question before', async () => {
    const { code, stdout } = await runPolicybot(['chat', '--index', indexDir], {
      input: '加氢站目标是多少\n那充电桩呢？\nexit\n',
    });
    expect(code).toBe(0);
    const answers = stdout.split('\n\n');
    expect(answers[0]).toContain('加氢站：到2022年，30座。');
    expect(answers[1]).toMatch(/^各类充电桩保有量：到2022年，10万个以上。/);
  });

  it('chat carries the subject to a follow-up that names none', async () => {
    const { stdout } = await runPolicybot(['chat', '--index', indexDir], {
      input: '智慧文旅有什么要求\n谁负责\nexit\n',
    });
    expect(stdout.split('\n\n')[1]).toContain('「智慧文旅」的责任单位：省文化和旅游厅');
  });

  it('builds the default index on first use', async () => {
    const dir = join(tempDir(), 'index');
    const { code, stdout } = await runPolicybot(['ask', '5G基站要建多少个'], {
      env: { POLICYBOT_INDEX_DIR: dir, POLICYBOT_SEEDS_DIR: 'seeds' },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('11.2万个');
  });

  it('ingest skips a seed over POLICYBOT_MAX_SEED_BYTES, saying so with the variable to raise', async () => {
    const { code, stderr } = await runPolicybot(['ingest', '--out', join(tempDir(), 'index')], {
      env: { POLICYBOT_SEEDS_DIR: 'seeds', POLICYBOT_MAX_SEED_BYTES: '1000' },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/over the limit of 1000 bytes a seed; the file is skipped \(raise POLICYBOT_MAX_SEED_BYTES/);
  });

  it('eval prints accuracy by kind, overall and latency percentiles, asking follow-ups in their thread', async () => {
    const { code, stdout } = await runPolicybot(['eval', 'test/fixtures/questions.jsonl', '--index', indexDir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^overall\s+\d+\/58/m);
    expect(stdout).toMatch(/latency ms\s+p50 [\d.]+\s+p95 [\d.]+/);
    const kinds = await runPolicybot(['eval', 'test/fixtures/kinds.jsonl', '--index', indexDir, '--json']);
    const report = JSON.parse(kinds.stdout);
    expect(report.byKind.followup).toMatchObject({ pass: report.byKind.followup.total });
  });

  it('explains bad usage, a missing index and a bad variable in one line, without a stack trace', async () => {
    for (const [args, env, message] of [
      [['ask', '--nope', 'x'], {}, /Unknown option '--nope'/],
      [['serve', '--port', '80'], {}, /Unknown option '--port'/],
      [['report', 'weekly'], {}, /report takes no arguments, not weekly/],
      [['ask', '--index', join(tempDir(), 'none'), '问题'], {}, /no index in .*none: run `policybot ingest/],
      [['ask', '问题'], { EMBEDDINGS_PROVIDER: 'magic' }, /EMBEDDINGS_PROVIDER/],
      [
        ['ingest', '--passages', 'foo', '--out', join(tempDir(), 'x')],
        {},
        /--passages must be one of clause, window, not foo/,
      ],
      [
        ['eval', '/nonexistent/set.jsonl', '--index', indexDir],
        {},
        /question set file \/nonexistent\/set.jsonl cannot be read: ENOENT/,
      ],
    ] as const) {
      expectRefused(await runPolicybot([...args], { env }), message);
    }
  });

  it('prints a command’s usage for --help or -h instead of running it', async () => {
    const ingest = await runPolicybot(['ingest', '--help']);
    expect(ingest).toEqual({ code: 0, stdout: expect.any(String), stderr: '' });
    expect(ingest.stdout).toMatch(
      /^usage: policybot ingest \[--seeds DIR\] \[--out DIR\] \[--force\] \[--passages clause\|window\] \[--json\]\n {2}build the index/,
    );
    // Run, this would fail: there is no index there.
    const ask = await runPolicybot(['ask', '-h', '--index', join(tempDir(), 'none'), '问题']);
    expect(ask.code).toBe(0);
    expect(ask.stdout).toMatch(/^usage: policybot ask "问题" \[--json\] \[--batch FILE\|-\]\n/);
    expect(ask.stdout).toContain('--index DIR reads another index');
    const overall = (await runPolicybot(['--help'])).stdout;
    for (const name of ['ingest', 'ask', 'chat', 'clauses', 'targets', 'quiz', 'eval', 'serve', 'report']) {
      const { code, stdout } = await runPolicybot([name, '--help']);
      expect(code).toBe(0);
      const synopsis = stdout.split('\n')[0]!.replace('usage: policybot ', '');
      expect(synopsis).toMatch(new RegExp(`^${name}\\b`));
      expect(overall).toContain(`  ${synopsis}`);
    }
  });

  it('reports an unexpected failure, here a closed standard output, with its stack and exit code 1', async () => {
    let stderr = '';
    const code = await runCli(['clauses', '--index', indexDir], {
      stdout: {
        write: () => {
          throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
        },
      },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: Readable.from([]),
      env: { ...process.env },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^policybot: unexpected error: Error: write EPIPE\n\s+at /);
  });
});

describe('the built policybot bin', () => {
  it('eval --ablation scores each signal and passage mode, and removes the indexes it built for them', async () => {
    const tmp = tempDir('ablation-');
    const run = await spawnPolicybot(['eval', 'test/fixtures/questions.jsonl', '--index', indexDir, '--ablation'], {
      env: { TMPDIR: tmp },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}without bm25\s+\d+\/58/m);
    expect(run.stdout).toMatch(/^ {2}passages: window\s+\d+\/58/m);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('runs a command on the process’s streams, and explains a bad flag in one line with exit code 2', async () => {
    const ok = await spawnPolicybot(['ask', '--json', '--batch', '-', '--index', indexDir], {
      input: '加氢站目标是多少\n',
    });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ question: '加氢站目标是多少', status: 'answered' });
    const bad = await spawnPolicybot(['ask', '--nope', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^policybot: Unknown option '--nope'/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
