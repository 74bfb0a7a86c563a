/**
 * Deterministic generator of policy-like documents for the benchmark. Each document copies the real seed's
 * shape (title, preamble, 一、/（一）/1. hierarchy, 责任单位 parentheticals, 抄送 footer) and recombines its
 * sentences and unit names with varied cities, topics, years and figures, so ingest and retrieval do the
 * same kind of work they do on the real policy, at scale.
 *
 * Standalone: node bin/run.js bench/generate.ts [--docs 1000] [--out bench/.corpus/seeds-1000]
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ingestDocument } from '../ingest/document.js';
import { SHANDONG_CITIES } from '../src/question/places.js';

export const SEED_FILE = fileURLToPath(new URL('../seeds/shandong-new-infrastructure-2020-2022.txt', import.meta.url));
const TARGET_BYTES = 14_500;
const QUESTIONS = 16;

const TOPICS = [
  '数字经济',
  '新型基础设施建设',
  '新型智慧城市建设',
  '工业互联网创新发展',
  '新能源汽车产业发展',
  '人工智能产业发展',
  '5G网络建设及应用',
  '大数据产业发展',
  '智慧农业发展',
  '海洋经济高质量发展',
  '现代物流业发展',
  '科技创新能力提升',
  '数字政府建设',
  '新材料产业发展',
  '氢能产业发展',
  '数字乡村建设',
  '智慧交通建设',
  '文化旅游融合发展',
];
const KINDS = ['三年行动方案', '三年行动计划', '实施方案', '攻坚行动方案'];
const VERBS = [
  '加快',
  '推进',
  '优化',
  '完善',
  '大力发展',
  '培育壮大',
  '建设',
  '打造',
  '提升',
  '深化',
  '推广普及',
  '统筹布局',
  '加强',
];
// What a clause is about: the seed's own subjects plus neighbouring ones, so headings vary across documents.
const OBJECTS = [
  '5G网络',
  '数据中心',
  '工业互联网',
  '物联网',
  '人工智能',
  '充电桩和加氢站',
  '特高压输电',
  '城际高铁和轨道交通',
  '重大科技基础设施',
  '新型研发机构',
  '智慧工厂',
  '智慧农业',
  '智慧文旅',
  '智慧海洋',
  '智慧教育',
  '智慧医疗',
  '智慧交通',
  '智慧城市',
  '智慧政务',
  '区块链应用',
  '数字孪生城市',
  '智能网联汽车',
  '冷链物流',
  '海洋牧场',
  '智慧水利',
  '工业软件',
  '集成电路',
  '北斗导航应用',
  '超高清视频',
  '虚拟现实',
  '智能传感器',
  '云计算平台',
  '工业大数据',
  '智慧社区',
  '智慧港口',
  '智慧能源',
  '生物医药',
  '高端装备',
  '智能家电',
  '新能源电池',
  '数字文创',
  '跨境电商',
  '智慧养老',
  '智慧园区',
];
const SUBPART_ACTIONS = [
  '信息基础设施建设行动',
  '融合基础设施升级行动',
  '创新基础设施突破行动',
  '产业数字化转型行动',
  '数字产业化提升行动',
  '公共服务数字化行动',
];
const SUBPART_SCENES = ['“智慧+产业”', '“智慧+民生”', '“智慧+服务”', '“智慧+治理”'];
// "各县（市、区）政府" keeps ingest honest about brackets inside a 责任单位 list.
const LOCAL_UNITS = ['有关市政府', '各市政府', '有关县级政府', '各县（市、区）政府'];

/** mulberry32: small, fast, and the same sequence on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
function pickSome<T>(r: Random, list: readonly T[], n: number): T[] {
  const copy = [...list];
  const out: T[] = [];
  while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(r() * copy.length), 1)[0]!);
  return out;
}
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The parts of the real seed that generated documents are recombined from. */
interface SeedParts {
  preamble: string;
  goal: string;
  sentences: string[];
  units: string[];
  safeguards: { heading: string; sentences: string[] }[];
  footer: string;
}

export async function readSeedParts(file = SEED_FILE): Promise<SeedParts> {
  const { document } = ingestDocument(file, await readFile(file));
  if (!document) throw new Error(`the seed ${file} did not parse`);
  const split = (text: string) =>
    text
      .split(/(?<=。)/)
      .map((s) => s.trim())
      .filter((s) => s.length > 4);
  const leaves = document.clauses.filter((c) => c.section.split('.').length === 3);
  const safeguards = document.clauses.filter((c) => c.section.startsWith('4.'));
  return {
    preamble: document.meta.preamble,
    goal: document.clauses.find((c) => c.section === '1')?.text ?? '',
    sentences: leaves.flatMap((c) => split(c.text)),
    units: [...new Set(document.clauses.flatMap((c) => c.units))].filter(
      (u) => !LOCAL_UNITS.includes(u) && u !== '省有关部门',
    ),
    safeguards: safeguards.map((c) => ({ heading: c.heading, sentences: split(c.text) })),
    footer: document.meta.footer[0] ?? '',
  };
}

/**
 * New figures for a recombined sentence: years move with the document's period, other numbers are scaled.
 * Numbers glued to Latin letters or symbols (5G, 4A, ±800, 1+30+N) are names, not figures, and are kept.
 */
function varyNumbers(r: Random, sentence: string, yearShift: number): string {
  return sentence.replace(
    /(?<![\dA-Za-z.+±-])(\d+(?:\.\d+)?)(?![\dA-Za-z.+])(\s*%)?/g,
    (_m, num: string, pct?: string) => {
      const value = Number(num);
      if (/^20\d\d$/.test(num)) return String(value + yearShift) + (pct ?? '');
      const scaled = value * (0.5 + r() * 1.5);
      const text = num.includes('.')
        ? scaled.toFixed(num.split('.')[1]!.length)
        : String(Math.max(1, Math.round(scaled)));
      return pct ? `${Math.min(99, Number(text))}${pct}` : text;
    },
  );
}

const localize = (s: string) => s.replace(/全省/g, '全市').replace(/我省/g, '我市');
const retopic = (s: string, topic: string) => s.replace(/新基建(发展)?/g, topic);

interface GeneratedDocument {
  name: string;
  text: string;
  /** Questions about what this document's clauses state: a target, who is responsible, what a unit does. */
  questions: string[];
}

/** One document, a function of its index only: `--docs 10` gives the first ten documents of `--docs 1000`. */
export function generateDocument(parts: SeedParts, index: number): GeneratedDocument {
  const r = rng(0x5eed + index * 7919);
  const city = pick(r, SHANDONG_CITIES);
  const topic = pick(r, TOPICS);
  const start = int(r, 2019, 2024);
  const end = start + 2;
  const shift = start - 2020;
  const title = `${city}市${topic}${pick(r, KINDS)}（${start}-${end}年）`;
  const questions: string[] = [];
  const units = (): string => {
    const named = pickSome(r, parts.units, int(r, 1, 4)).join('、');
    return r() < 0.5 ? `${named}，${pick(r, LOCAL_UNITS)}` : named;
  };
  const recombined = (n: number) =>
    Array.from({ length: n }, () => localize(varyNumbers(r, pick(r, parts.sentences), shift))).join('');

  // A clause about one object: a templated target sentence (which a question can ask about), then real sentences.
  const leaf = (number: number): string => {
    const object = pick(r, OBJECTS);
    const heading = `${pick(r, VERBS)}${object}`;
    const n = int(r, 3, 60);
    const otherCity = pick(
      r,
      SHANDONG_CITIES.filter((c) => c !== city),
    );
    const templates: [string, string][] = [
      [`到${end}年，全市建成${object}示范项目${n}个以上。`, `${city}${object}示范项目到${end}年建成多少个`],
      [`培育${n}家${object}骨干企业。`, `${city}${object}骨干企业培育多少家`],
      [`到${end}年，${object}相关产业规模超过${n * 10}亿元。`, `${city}${object}产业规模目标是多少`],
      [`支持${city}、${otherCity}率先开展${object}试点示范。`, `哪些城市率先开展${object}试点示范`],
      [`重点区域${object}覆盖率达到${Math.min(99, n + 40)}%以上。`, `${object}覆盖率要达到多少`],
    ];
    const [sentence, question] = pick(r, templates);
    const unitList = units();
    questions.push(question, `${heading}由哪些单位负责`, `${unitList.split(/[、，]/)[0]}负责哪些工作`);
    let body = `${sentence}${recombined(int(r, 2, 4))}`;
    // Now and then the defects the repair stage exists for: a page break inside a sentence, 责任单位 on its own line.
    if (r() < 0.05) {
      const at = body.search(/(?<=\p{Script=Han}{20,})\p{Script=Han}/u);
      if (at > 0) body = `${body.slice(0, at)}\n\n${body.slice(at)}`;
    }
    const unitText = `（责任单位：${unitList}）`;
    return `${number}.${heading}。${body}${r() < 0.05 ? '\n\n' : ''}${unitText}`;
  };

  const out: string[] = [
    title,
    localize(retopic(parts.preamble, topic)),
    '一、行动目标',
    localize(varyNumbers(r, parts.goal, shift)),
  ];
  let bytes = out.reduce((sum, p) => sum + Buffer.byteLength(p) + 2, 0);
  const budget = TARGET_BYTES + int(r, -2000, 2000);
  const safeguards = pickSome(r, parts.safeguards, int(r, 3, parts.safeguards.length));
  // Reserve room for the safeguards so the leaves fill the rest of the document's budget.
  bytes += safeguards.reduce((sum, s) => sum + Buffer.byteLength(s.heading + s.sentences.join('')) + 120, 0);

  const sections: [string, string[]][] = [
    ['重点行动', pickSome(r, SUBPART_ACTIONS, int(r, 3, 4))],
    ['应用场景', pickSome(r, SUBPART_SCENES, int(r, 2, 3))],
  ];
  const leaves: string[][] = sections.flatMap(([, subs]) => subs.map((): string[] => []));
  for (let i = 0; bytes < budget; i = (i + 1) % leaves.length) {
    const text = leaf(leaves[i]!.length + 1);
    leaves[i]!.push(text);
    bytes += Buffer.byteLength(text) + 2;
  }
  let slot = 0;
  sections.forEach(([heading, subs], s) => {
    out.push(`${CN[s + 1]}、${heading}`);
    subs.forEach((sub, i) => {
      out.push(`（${CN[i]}）${sub}。`, ...leaves[slot++]!);
    });
  });
  out.push('四、保障措施');
  safeguards.forEach((s, i) => {
    out.push(
      `（${CN[i]}）${s.heading}。`,
      `${localize(retopic(varyNumbers(r, pickSome(r, s.sentences, s.sentences.length).join(''), shift), topic))}（责任单位：${units()}）`,
    );
  });
  out.push(parts.footer);
  return { name: `gen-${String(index + 1).padStart(4, '0')}.txt`, text: `${out.join('\n\n')}\n`, questions };
}

export interface GeneratedCorpus {
  dir: string;
  documents: number;
  bytes: number;
  /** Questions about facts the generated documents state, spread over the corpus. */
  questions: string[];
  ms: number;
}

/** Writes `docs` documents into `dir` (emptied first, so a smaller run leaves no stale files behind). */
export async function generateCorpus(dir: string, docs: number): Promise<GeneratedCorpus> {
  const started = performance.now();
  const parts = await readSeedParts();
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  const questions: string[] = [];
  const sampled = new Set(Array.from({ length: QUESTIONS }, (_v, k) => Math.floor((k * docs) / QUESTIONS)));
  for (let i = 0; i < docs; i++) {
    const doc = generateDocument(parts, i);
    const data = Buffer.from(doc.text, 'utf8');
    bytes += data.length;
    await writeFile(join(dir, doc.name), data);
    // One question per sampled document; stepping by 4 through its triples cycles the kinds and the clauses asked about.
    if (sampled.has(i)) questions.push(doc.questions[(questions.length * 4) % doc.questions.length]!);
  }
  return { dir, documents: docs, bytes, questions: [...new Set(questions)], ms: performance.now() - started };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { docs: { type: 'string', default: '1000' }, out: { type: 'string' } } });
  const docs = Number(values.docs);
  const corpus = await generateCorpus(values.out ?? `bench/.corpus/seeds-${docs}`, docs);
  console.log(
    `${corpus.documents} documents, ${(corpus.bytes / 1e6).toFixed(1)} MB in ${corpus.dir} (${Math.round(corpus.ms)} ms)`,
  );
  for (const q of corpus.questions) console.log(`  ${q}`);
}
