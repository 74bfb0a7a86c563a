import { amountOf, deadlinesIn, measureOf } from '../../core/text.js';
import { cue } from '../../question/cues.js';
import { PLACES, placesIn, SHANDONG_CITIES } from '../../question/places.js';
import { CITY_GOVERNMENTS } from '../../question/units.js';
import { NUMBERED } from '../../question/unknown.js';
import type { Claim, Quantity } from '../../question/query.js';
import { boundOf, figureOf, meets, statement } from '../figures.js';
import { bestSentences } from '../sentences.js';
import type { Retrieval } from '../../retrieval/retrieve.js';
import { quantitiesIn } from '../../question/claims.js';
import { answeringSentence, clauseOf, withClause, type Ctx } from './context.js';
import { nameOf, type Finding, type Line } from './finding.js';
import { summary } from './summary.js';
import { unitClause } from './units.js';
import { chooseTarget, englishStatement, segmentOf } from './value.js';

/** A yes/no question: the claim is checked against the text and the answer says 是 or 不是 first, then why. */
export async function verify(ctx: Ctx, subject: string): Promise<Finding> {
  const claim = ctx.query.claim!;
  // Every part of a claim must hold: "3个智慧农业试验区是济南、青岛、烟台吗" is wrong in its places, whatever its
  // figure. The asker's own situation names where it is, not a place it claims.
  const others = claim.quantities.length > 0 || claim.years.length > 0;
  const places = claim.places.length > 0 && !claim.condition ? await placeCheck(ctx, subject, claim.places) : null;
  if (places && (!places.holds || !others)) return places.finding;
  if (claim.quantities.length > 0) return (await figureCheck(ctx, subject, claim)) ?? unverifiable(ctx, subject);
  if (claim.units.length > 0) return unitCheck(ctx, subject, claim.units);
  if (claim.years.length > 0) return (await yearCheck(ctx, subject, claim.years)) ?? unverifiable(ctx, subject);
  return mention(ctx, subject);
}

const yes = (zh: string, en: string): Line => ({ zh: `是的，${zh}`, en: `Yes. ${en}` });
const no = (zh: string, en: string): Line => ({ zh: `不是。${zh}`, en: `No. ${en}` });

/** A claimed figure against the target it names: equal or not; or the asker's own figures against thresholds. */
async function figureCheck(ctx: Ctx, subject: string, claim: Claim): Promise<Finding | null> {
  const r = await ctx.retrieve(subject);
  if (claim.condition) return conditionCheck(ctx, r, claim);
  const chosen = chooseTarget(ctx, r, [{ text: ctx.query.text, weight: 1 }]);
  if (!chosen)
    return sentenceCheck(ctx, r, (s) => {
      const stated = quantitiesIn(s).filter((q) => claim.quantities.some((c) => sameMeasure(c, q)));
      return stated.length === 0
        ? null
        : {
            holds: stated.some((q) => claim.quantities.some((c) => c.amount === q.amount)),
            stated: stated.map((q) => q.raw),
          };
    });
  const { target, hit } = chosen;
  const clause = clauseOf(ctx, hit);
  const claimed = claim.quantities.find((q) => comparable(q, target.unit)) ?? claim.quantities[0]!;
  const amount = amountOf(target.value, target.unit);
  let lead: Line;
  if (claimed.amount === amount) {
    lead = {
      zh: `对。${target.subject}：${statement(target)}。`,
      en: `Yes. ${target.subject}: ${englishStatement(target)}.`,
    };
  } else {
    lead = {
      zh: `不对。原文中${target.subject}的目标是${target.deadline}${figureOf(target)}，不是${claimed.raw}。`,
      en: `No. The policy sets ${target.subject} at ${englishStatement(target)}, not ${claimed.raw}.`,
    };
  }
  return withClause(ctx, clause, hit.score, [target.quote], [lead]);
}

/**
 * The asker's own figures ("PUE 1.2，上架率68%，符合支持条件吗") against the thresholds they name: each figure
 * against the target its own words and the question's ask pick ("可申请扩建" or "建设项目"), one verdict for all.
 */
function conditionCheck(ctx: Ctx, r: Retrieval, claim: Claim): Finding | null {
  const { text } = ctx.query;
  const asks = text.split(/[，,；;]/).at(-1) ?? '';
  const checks = claim.quantities.flatMap((q) => {
    const at = text.indexOf(q.raw);
    const local = text.slice(
      Math.max(0, ...['，', ',', '；'].map((p) => text.lastIndexOf(p, at) + 1)),
      at + q.raw.length,
    );
    // What the question asks for ("可以申请扩建吗") weighs more than the words around the figure.
    // A bare figure ("PUE 1.2") is measured against a bare threshold, a percentage against a percentage.
    const chosen = chooseTarget(
      ctx,
      r,
      [
        { text: local, weight: 1 },
        { text: asks, weight: 2 },
      ],
      (t) => measureOf(t.unit) === q.measure,
    );
    return chosen
      ? [
          {
            q,
            ...chosen,
            ok: meets(q.amount, amountOf(chosen.target.value, chosen.target.unit), boundOf(chosen.target.qualifier)),
          },
        ]
      : [];
  });
  if (checks.length === 0) return null;
  const ok = checks.every((c) => c.ok);
  const permission = /能|可以|可否|能否|申请|享受/.test(text);
  const verdict = permission ? (ok ? '可以' : '不能') : ok ? '符合' : '不符合';
  const reasons = checks.map((c) => `原文规定“${segmentOf(c.target)}”，${c.q.raw}${c.ok ? '满足' : '不满足'}`);
  const lead: Line = {
    zh: `${verdict}。${reasons.join('；')}。`,
    en: `${ok ? 'Yes' : 'No'}: ${checks.map((c) => `the policy requires “${segmentOf(c.target)}”; ${c.q.raw} ${c.ok ? 'meets' : 'does not meet'} it`).join('; ')}.`,
  };
  const first = checks[0]!;
  return withClause(
    ctx,
    clauseOf(ctx, first.hit),
    first.hit.score,
    checks.filter((c) => c.hit.clause === first.hit.clause).map((c) => c.target.quote),
    [lead],
  );
}

/** "7个" and "7市" (a measure word the patterns do not know) may count the same thing; "7%" and "7个" do not. */
function sameMeasure(a: Quantity, b: Quantity): boolean {
  return a.measure === b.measure || ((a.measure === '' || b.measure === '') && a.measure !== '%' && b.measure !== '%');
}

/** "50座" against "30座"; a bare "50" against anything; "50%" only against a ratio. */
function comparable(q: Quantity, unit: string): boolean {
  return q.measure === '' || unit.endsWith(q.measure);
}

/** Whether the named units are responsible (all of them; the first listed, for 牵头; nobody else, for 只有). */
async function unitCheck(ctx: Ctx, subject: string, claimedUnits: readonly string[]): Promise<Finding> {
  let claimed = [...claimedUnits];
  const { r, hit, clause } = await unitClause(ctx, subject);
  const name = `「${nameOf(clause)}」`;
  const listed = clause.units.join('、');
  // A city's government is among "各市政府" or among "有关市政府": either answers for it.
  if (CITY_GOVERNMENTS.every((g) => claimed.includes(g))) {
    const present = CITY_GOVERNMENTS.find((g) => clause.units.includes(g)) ?? CITY_GOVERNMENTS[0]!;
    claimed = [...claimed.filter((u) => !CITY_GOVERNMENTS.includes(u)), present];
  }
  const missing = claimed.filter((u) => !clause.units.includes(u));
  const others = clause.units.filter((u) => !claimed.includes(u));
  let lead: Line;
  if (cue.lead.test(ctx.query.text)) {
    const first = clause.units[0];
    lead =
      first === claimed[0]
        ? yes(
            `${first}排在${name}责任单位的首位，按排列顺序通常视为牵头单位（原文未写明“牵头”）。全部责任单位：${listed}。`,
            `${first} is listed first among the responsible units of ${nameOf(clause)}, which is usually read as the lead. All: ${listed}.`,
          )
        : no(
            `${name}责任单位中排在首位的是${first ?? '（未列明）'}。全部责任单位：${listed}。`,
            `${first ?? 'No unit'} is listed first for ${nameOf(clause)}. All: ${listed}.`,
          );
  } else if (missing.length > 0) {
    lead = no(
      `${name}的责任单位是：${listed}，${missing.join('、')}不在其中。`,
      `The units responsible for ${nameOf(clause)} are ${listed}; ${missing.join(', ')} is not among them.`,
    );
  } else if (/只有|仅|单独|只由|只是/.test(ctx.query.text) && others.length > 0) {
    lead = no(
      `${name}的责任单位除${claimed.join('、')}外还有${others.join('、')}。全部：${listed}。`,
      `Besides ${claimed.join(', ')}, ${others.join(', ')} are responsible too. All: ${listed}.`,
    );
  } else {
    const more = others.length > 0 ? `此外还有${others.join('、')}。` : '';
    lead = yes(
      `${name}的责任单位包括${claimed.join('、')}。${more}全部责任单位：${listed}。`,
      `${claimed.join(', ')} ${claimed.length > 1 ? 'are' : 'is'} responsible for ${nameOf(clause)}. All: ${listed}.`,
    );
  }
  return withClause(ctx, clause, hit.score, bestSentences(ctx.corpus, clause.text, r.topicWords), [lead], {
    showQuote: false,
    showUnits: false,
  });
}

/** A claimed year against the deadline the text sets for the subject. */
async function yearCheck(ctx: Ctx, subject: string, years: readonly number[]): Promise<Finding | null> {
  const r = await ctx.retrieve(subject);
  const chosen = chooseTarget(ctx, r);
  if (!chosen || chosen.target.year === null)
    return sentenceCheck(ctx, r, (s) => {
      const stated = deadlinesIn(s);
      return stated.length === 0
        ? null
        : { holds: stated.some((m) => years.includes(Number(m[1]))), stated: stated.map((m) => m[0]) };
    });
  const { target, hit } = chosen;
  const lead = years.includes(chosen.target.year ?? 0)
    ? yes(`${target.subject}：${statement(target)}。`, `${target.subject}: ${englishStatement(target)}.`)
    : no(
        `原文中${target.subject}的期限是${target.deadline}：${statement(target)}。`,
        `The policy's deadline for ${target.subject} is ${target.year}: ${englishStatement(target)}.`,
      );
  return withClause(ctx, clauseOf(ctx, hit), hit.score, [target.quote], [lead]);
}

/** Claimed places against those the best sentence about the subject names. */
/** The places a claim names against the sentence that names places, with whether they hold (nothing said holds). */
async function placeCheck(
  ctx: Ctx,
  subject: string,
  places: readonly string[],
): Promise<{ holds: boolean; finding: Finding }> {
  const r = await ctx.retrieve(subject);
  const hit = r.hits[0]!;
  const clause = clauseOf(ctx, hit);
  // A city of the province is among "各市" wherever a sentence asks every city to act.
  const everyCity = (s: string) => places.every((p) => SHANDONG_CITIES.includes(p)) && /各市|各地市|全省各地/.test(s);
  const [all] = bestSentences(ctx.corpus, clause.text, r.topicWords, 1, everyCity);
  if (all && !PLACES.some((p) => all.includes(p))) {
    const lead = yes(
      `原文要求各市：“${all}”，${places.join('、')}在内。`,
      `The policy asks every city, ${places.join(', ')} included: ${all}`,
    );
    return { holds: true, finding: withClause(ctx, clause, hit.score, [all], [lead], { showQuote: false }) };
  }
  const [sentence] = bestSentences(ctx.corpus, clause.text, r.topicWords, 1, (s) => PLACES.some((p) => s.includes(p)));
  if (!sentence) return { holds: true, finding: await unverifiable(ctx, subject) };
  const named = placesIn(sentence);
  const missing = places.filter((p) => !named.includes(p));
  // A numbered thing claimed for a place ("青岛…2号线") must be among those the sentence numbers for that place.
  const spans = places.map((p) => placeSpan(sentence, p)).filter((s) => s.length > 0);
  const unnumbered = (subject.match(NUMBERED) ?? []).filter(
    (n) => !spans.some((s) => new RegExp(`(?<!\\d)${n}`).test(s)),
  );
  const lead =
    missing.length > 0
      ? no(
          `原文没有提到${missing.join('、')}：“${sentence}”`,
          `The policy does not name ${missing.join(', ')} here: ${sentence}`,
        )
      : unnumbered.length > 0
        ? no(
            `原文写的是“${spans.join('”“')}”，不含${unnumbered.join('、')}：“${sentence}”`,
            `For ${places.join(', ')} the policy names ${spans.join('; ')}, not ${unnumbered.join(', ')}: ${sentence}`,
          )
        : yes(`原文：“${sentence}”`, `The policy says (in Chinese): ${sentence}`);
  const finding = withClause(ctx, clause, hit.score, [sentence], [lead], { showQuote: false });
  return { holds: missing.length === 0 && unnumbered.length === 0, finding };
}

/** What a sentence says of a place: from where it names the place to where it names another, punctuation trimmed. */
function placeSpan(sentence: string, place: string): string {
  const start = sentence.indexOf(place);
  if (start < 0) return '';
  const next = Math.min(
    ...PLACES.filter((p) => !p.includes(place) && !place.includes(p)).map((p) => {
      const at = sentence.indexOf(p, start + place.length);
      return at < 0 ? sentence.length : at;
    }),
  );
  return sentence.slice(start, next).replace(/[，、。；,;\s]+$/, '');
}

/** What a sentence states of the claimed kind (figures of its measure, deadlines), and whether the claim is among it. */
type Check = (sentence: string) => { holds: boolean; stated: string[] } | null;

/** A claim no target records, checked against the best sentence about the subject that states something of its kind. */
function sentenceCheck(ctx: Ctx, r: Retrieval, check: Check): Finding | null {
  const found = answeringSentence(ctx, r, (s) => check(s) !== null);
  if (!found) return null;
  const { hit, clause, sentence } = found;
  const { holds, stated } = check(sentence)!;
  const lead = holds
    ? yes(`原文：“${sentence}”`, `The policy says (in Chinese): ${sentence}`)
    : no(`原文是${stated.join('、')}：“${sentence}”`, `The policy says ${stated.join(', ')}: ${sentence}`);
  return withClause(ctx, clause, hit.score, [sentence], [lead], { showQuote: false });
}

/** A claim the text neither confirms nor contradicts: say so, and show what it does say; never a 是. */
async function unverifiable(ctx: Ctx, subject: string): Promise<Finding> {
  const found = await summary(ctx, subject);
  const [first, ...rest] = found.lead;
  return {
    ...found,
    lead: [
      {
        zh: `方案没有写明这一点，无法确认。最相关的内容是：${first!.zh}`,
        en: `The policy does not say, so this cannot be confirmed. Closest: ${first!.en ?? first!.zh}`,
      },
      ...rest,
    ],
  };
}

/** "方案提到X了吗": yes, with what it says (a subject the policy never names was refused before this). */
async function mention(ctx: Ctx, subject: string): Promise<Finding> {
  const found = await summary(ctx, subject);
  const [first, ...rest] = found.lead;
  return {
    ...found,
    lead: [{ zh: `是的，方案有相关内容：${first!.zh}`, en: `Yes, the policy covers it. ${first!.en ?? ''}` }, ...rest],
  };
}
