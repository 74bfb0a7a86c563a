import { splitSentences } from '../../core/text.js';
import { CITY_GOVERNMENTS } from '../../question/units.js';
import type { Ctx } from './context.js';
import { citation, finding, keyOf, MAX_LISTED, nameOf, type Finding, type Line } from './finding.js';

/**
 * What the policy says of a city: the clauses that name it, with the sentence that does; then the clauses whose
 * 责任单位 include every city government (they apply there too), and those of the relevant city governments. Across
 * many policies each list shows its first MAX_LISTED clauses and says how many there are.
 */
export function place(ctx: Ctx): Finding | null {
  const { corpus, query } = ctx;
  const city = query.places[0];
  if (!city) return null;
  const lead: Line[] = [];
  const cited: ReturnType<typeof citation>[] = [];
  const counts: number[] = [];
  const named = corpus.clauses.filter((c) => c.text.includes(city));
  if (named.length > 0) {
    lead.push({ zh: `方案中点名${city}的条款：`, en: `Clauses that name ${city}:` });
    for (const c of named.slice(0, MAX_LISTED)) {
      const sentence = splitSentences(c.text).find((s) => s.includes(city))!;
      lead.push({
        zh: `• ${nameOf(c)}（${c.section}）：${sentence}`,
        en: `• ${nameOf(c)} (${c.section}): ${sentence}`,
      });
      cited.push(citation(c, sentence, 0));
    }
    if (named.length > MAX_LISTED) {
      lead.push({ zh: `（共${named.length}条，以上列出前${MAX_LISTED}条）`, en: `(${named.length} in all)` });
      counts.push(named.length, MAX_LISTED);
    }
  } else {
    lead.push({ zh: `方案没有点名${city}。`, en: `The policy does not name ${city}.` });
  }
  const namedSet = new Set(named);
  const [all, some] = CITY_GOVERNMENTS;
  for (const [unit, zh, en] of [
    [
      all!,
      `责任单位包括${all}的条款，适用于${city}`,
      `Clauses every city government (including ${city}) is responsible for`,
    ],
    [
      some!,
      `责任单位包括${some}的条款，${city}涉及时适用`,
      'Clauses the relevant city governments are responsible for',
    ],
  ] as const) {
    const shared = corpus
      .clausesOfUnit(unit)
      .map((i) => corpus.clauses[i]!)
      .filter((c) => !namedSet.has(c));
    if (shared.length === 0) continue;
    const shown = shared.slice(0, MAX_LISTED);
    counts.push(shared.length);
    const more = shown.length < shared.length ? `等，列出前${shown.length}条` : '';
    lead.push({
      zh: `${zh}（${shared.length}条）：${shown.map((c) => `${nameOf(c)}（${c.section}）`).join('；')}${more}`,
      en: `${en} (${shared.length}): ${shown.map((c) => `${nameOf(c)} (${c.section})`).join('; ')}`,
    });
    if (more) counts.push(shown.length);
    cited.push(...shown.map((c) => citation(c, splitSentences(c.text)[0] ?? c.heading, 0)));
  }
  if (cited.length === 0) return null;
  return finding(lead, cited, { list: cited.map(keyOf), derived: counts.map(String) });
}
