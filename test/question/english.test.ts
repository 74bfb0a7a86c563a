import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishName, isEnglish, readGlossary, translateEnglish } from '../../src/question/english.js';
import { normalizeQuestion } from '../../src/question/normalize.js';
import { PLACES } from '../../src/question/places.js';
import { tempDir } from '../helpers/temp.js';

const GLOSSARY = new URL('../../src/question/glossary.en.json', import.meta.url);
const CUES = new URL('../../src/question/cues.en.json', import.meta.url);
const SEED = new URL('../../seeds/shandong-new-infrastructure-2020-2022.txt', import.meta.url);

const glossary = readGlossary(GLOSSARY);
const cues = JSON.parse(readFileSync(CUES, 'utf8')) as { zh: string; en: string[] }[];
const translate = (question: string) => translateEnglish(normalizeQuestion(question));

describe('isEnglish', () => {
  it('recognises a question in English words', () => {
    expect(isEnglish('How many 5G base stations will Shandong build by 2022?')).toBe(true);
    expect(isEnglish('Who leads 智慧教育?')).toBe(true);
  });

  it('leaves a Chinese question that quotes an abbreviation to the Chinese reader', () => {
    for (const q of [
      'PUE值是多少',
      '5G基站有多少',
      'NB-IoT网络什么时候实现覆盖',
      'IoT和AI哪个多',
      '加氢站目标是多少',
    ]) {
      expect(isEnglish(q)).toBe(false);
    }
  });
});

describe('translateEnglish', () => {
  it('puts terms and cues in the question’s order', () => {
    expect(translate('How many 5G base stations will Shandong build by 2022?').chinese).toBe('多少5G基站山东到2022年');
    expect(translate('Who is responsible for smart education?').chinese).toBe('谁负责智慧教育');
  });

  it('matches whole words only', () => {
    for (const q of ['What has the plan said?', 'How do data centres maintain their PUE?', 'Is there aid for firms?']) {
      expect(translate(q).chinese).not.toContain('人工智能');
    }
    expect(translate('How do data centres maintain their PUE?').unknown).toContain('maintain');
    expect(translate('AI').chinese).toBe('人工智能');
    expect(translate('What about AI?').chinese).toBe('那人工智能');
  });

  it('prefers the longest phrase', () => {
    expect(translate('internet of things').chinese).toBe('物联网');
    expect(translate('industrial internet of things').chinese).toBe('工业互联网');
    expect(translate('Which department leads?').chinese).toBe('谁牵头');
  });

  it('reads plurals and singulars alike', () => {
    for (const q of ['hydrogen station', 'hydrogen stations', 'Hydrogen Refueling Stations']) {
      expect(translate(q).chinese).toBe('加氢站');
    }
    expect(translate('data centres').chinese).toBe('数据中心');
    expect(translate('smart cities').chinese).toBe('智慧城市');
    expect(translate('smart communities').chinese).toBe('智慧社区');
  });

  it('gives a number its measure word', () => {
    expect(translate('Will Shandong build 30 hydrogen stations?').chinese).toContain('30座加氢站');
    expect(translate('30 stations').chinese).toBe('30座');
    expect(translate('10 units').chinese).toBe('10个');
    expect(translate('300 companies').chinese).toBe('300家企业');
    expect(translate('15 percent').chinese).toBe('15%');
    expect(translate('50 billion yuan').chinese).toBe('500亿元');
    expect(translate('112,000 5G base stations').chinese).toBe('112000个5G基站');
    expect(translate('more than 500 new R&D institutions').chinese).toBe('超过500家新型研发机构');
  });

  it('reads years in any form', () => {
    expect(translate('by the end of 2020').chinese).toBe('2020年底前');
    expect(translate('by 2030').chinese).toBe('到2030年');
    expect(translate('in 2021').chinese).toBe('2021年');
    expect(translate('before 2025').chinese).toBe('2025年前');
    // "The plan" stays: it tells a question about the document itself.
    expect(translate('the 2020-2022 plan').chinese).toBe('2020-2022年方案');
  });

  it('translates question cues', () => {
    expect(translate('Who leads UHV into Shandong?').chinese).toBe('谁牵头加快特高压入鲁');
    expect(translate('When will NB-IoT cover urban areas?').chinese).toBe('什么时候NB-IoT城区');
    expect(translate('Which cities have AI industry clusters?').chinese).toBe('哪些城市人工智能产业聚集区');
    expect(translate('Is it true that PUE must be below 1.25?').chinese).toBe('对吗PUE低于1.25');
    expect(translate('How many more charging piles than hydrogen stations?').chinese).toBe('多多少充电桩加氢站');
    expect(translate('Which is more, 5G parks or AI parks?').chinese).toBe('哪个多5G产业园人工智能特色产业园区');
    expect(translate('What does the plan say about rack utilization?').chinese).toBe('方案有什么要求上架率');
    expect(translate('What is the title of the plan?').chinese).toBe('全称');
    expect(translate('Is the plan still valid?').chinese).toBe('方案还有效吗');
  });

  it('asks a yes/no question that carries no cue of its own', () => {
    expect(translate('Will Shandong build 30 hydrogen stations by 2022?').chinese).toBe('山东30座加氢站到2022年对吗');
  });

  it('names units in the corpus’s spelling', () => {
    expect(translate('What is the Department of Education responsible for?').chinese).toBe('省教育厅负责');
    expect(translate('Does the energy bureau lead?').chinese).toContain('省能源局');
    expect(translate('What must the NDRC do?').chinese).toBe('省发展改革委');
    expect(translate('relevant city governments').chinese).toBe('有关市政府');
  });

  it('recognises other provinces and Shandong’s cities', () => {
    expect(translate('How many charging piles does Guangdong have?').chinese).toBe('多少充电桩广东');
    expect(translate('What about Jiangsu and Beijing?').chinese).toBe('那江苏北京');
    expect(translate('Which cities: Jinan, Qingdao, Tai’an or Heze?').chinese).toBe('哪些城市济南青岛泰安菏泽');
  });

  it('reports words the glossary does not know', () => {
    expect(translate('What does the plan say about quantum communication?')).toEqual({
      chinese: '方案有什么要求',
      unknown: ['quantum', 'communication'],
    });
    expect(translate('How many 6G base stations?').unknown).toEqual(['6g']);
    expect(translate('What is the plan for the AI industry in 2022?').unknown).toEqual([]);
  });

  it('keeps Chinese the question already contains', () => {
    expect(translate('Who leads 智慧教育?').chinese).toBe('谁牵头智慧教育');
  });
});

describe('englishName', () => {
  it('names a Chinese term by its first English phrase', () => {
    expect(englishName('省教育厅')).toBe('Provincial Department of Education');
    expect(englishName('加氢站')).toBe('hydrogen refueling station');
    expect(englishName('菏泽')).toBe('Heze');
    expect(englishName('不在词表里')).toBeUndefined();
  });
});

describe('glossary', () => {
  it('uses only terms the policy itself uses, besides places', () => {
    const policy = normalizeQuestion(readFileSync(SEED, 'utf8'));
    const missing = glossary.filter((e) => !PLACES.includes(e.zh) && !policy.includes(normalizeQuestion(e.zh)));
    expect(missing.map((e) => e.zh)).toEqual([]);
  });

  it('covers every 责任单位 and every Shandong city', () => {
    const policy = readFileSync(SEED, 'utf8');
    const units = [...policy.matchAll(/责任单位：([^）]*)/g)]
      .flatMap((m) => m[1]!.split(/[、，]/))
      .map((u) => u.trim());
    const known = new Set(glossary.map((e) => e.zh));
    expect(units.filter((u) => !known.has(u))).toEqual([]);
    expect(PLACES.filter((p) => !known.has(p))).toEqual([]);
  });

  it('gives no English phrase two different Chinese terms', () => {
    const wrong: string[] = [];
    for (const entry of [...glossary.filter((e) => e.kind !== 'measure'), ...cues]) {
      for (const phrase of entry.en) {
        const { chinese } = translate(phrase);
        if (chinese !== entry.zh) wrong.push(`${phrase} → ${chinese}, not ${entry.zh}`);
      }
    }
    for (const entry of glossary.filter((e) => e.kind === 'measure')) {
      for (const phrase of entry.en) {
        const { chinese } = translate(`1 ${phrase}`);
        const expected = `${entry.scale ?? 1}${entry.zh}`;
        if (!chinese.startsWith(expected)) wrong.push(`1 ${phrase} → ${chinese}, not ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('readGlossary', () => {
  const dir = tempDir('glossary-');
  const write = (name: string, entries: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(entries));
    return file;
  };

  it('names the entry that is malformed', () => {
    const file = write('empty.json', [
      { zh: '智慧医疗', en: ['smart healthcare'] },
      { zh: '智慧教育', en: [] },
    ]);
    expect(() => readGlossary(file)).toThrow(/entry 2 \(智慧教育\): en:/);
  });

  it('names a phrase given to two Chinese terms', () => {
    const file = write('twice.json', [
      { zh: '加氢站', en: ['hydrogen station'] },
      { zh: '氢能源', en: ['hydrogen stations'] },
    ]);
    expect(() => readGlossary(file)).toThrow(/entry 2 \(氢能源\): phrase "hydrogen stations" already means 加氢站/);
  });
});
