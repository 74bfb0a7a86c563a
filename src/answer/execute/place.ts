import { splitSentences } from '../../core/text.js';
import type { Ctx } from './context.js';
import { citation, finding, keyOf, nameOf, type Finding, type Line } from './finding.js';

const ALL_CITIES = '各市政府';
const SOME_CITIES = '有关市政府';

/**
 * What the policy says of a city: the clauses that name it, with the sentence that does; then the clauses whose
 * 责任单位 include every city government (they apply there too), and those of the relevant city governments.
 */
export function place(ctx: Ctx): Finding | null {
  const { corpus, query } = ctx;
  const city = query.places[0];
  if (!city) return null;
  const lead: Line[] = [];
  const cited: ReturnType<typeof citation>[] = [];
  const named = corpus.clauses.filter((c) => c.text.includes(city));
  if (named.length > 0) {
    lead.push({ zh: `方案中点名${city}的条款：`, en: `Clauses that name ${city}:` });
    for (const c of named) {
      const sentence = splitSentences(c.text).find((s) => s.includes(city))!;
      lead.push({
        zh: `• ${nameOf(c)}（${c.section}）：${sentence}`,
        en: `• ${nameOf(c)} (${c.section}): ${sentence}`,
      });
      cited.push(citation(c, sentence, 0));
    }
  } else {
    lead.push({ zh: `方案没有点名${city}。`, en: `The policy does not name ${city}.` });
  }
  const counts: number[] = [];
  for (const [unit, zh, en] of [
    [
      ALL_CITIES,
      `责任单位包括各市政府的条款，适用于${city}`,
      `Clauses every city government (including ${city}) is responsible for`,
    ],
    [
      SOME_CITIES,
      `责任单位包括有关市政府的条款，${city}涉及时适用`,
      `Clauses the relevant city governments are responsible for`,
    ],
  ] as const) {
    const shared = corpus.clauses.filter((c) => c.units.includes(unit) && !named.includes(c));
    if (shared.length === 0) continue;
    counts.push(shared.length);
    lead.push({
      zh: `${zh}（${shared.length}条）：${shared.map((c) => `${nameOf(c)}（${c.section}）`).join('；')}`,
      en: `${en} (${shared.length}): ${shared.map((c) => `${nameOf(c)} (${c.section})`).join('; ')}`,
    });
    cited.push(...shared.map((c) => citation(c, splitSentences(c.text)[0] ?? c.heading, 0)));
  }
  if (cited.length === 0) return null;
  return finding(lead, cited, { list: cited.map(keyOf), derived: counts.map(String) });
}
