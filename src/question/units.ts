import { SHANDONG_CITIES } from './places.js';

/** Every city of the province is among "各市政府", and may be among "有关市政府". */
export const CITY_GOVERNMENTS: readonly string[] = ['各市政府', '有关市政府'];

/**
 * How a clause reaches a city: it names the city; every city's government is responsible (各市政府); the relevant
 * ones are (有关市政府); or the province's departments are, for the whole province.
 */
export type CityScope = 'named' | 'every' | 'relevant' | 'province';

export function cityScopeOf(clause: { text: string; units: readonly string[] }, city: string): CityScope {
  if (clause.text.includes(city)) return 'named';
  if (clause.units.includes(CITY_GOVERNMENTS[0]!)) return 'every';
  if (clause.units.includes(CITY_GOVERNMENTS[1]!)) return 'relevant';
  return 'province';
}
const A_CITY_GOVERNMENT = `(?:${SHANDONG_CITIES.join('|')})市?(?:人民)?政府`;
const CITY_GOVERNMENT = new RegExp(`${A_CITY_GOVERNMENT}|各市|各地市|市级政府|市政府|地市政府`);
const NAMED_CITY_GOVERNMENT = new RegExp(`${A_CITY_GOVERNMENT}|${CITY_GOVERNMENTS.join('|')}`, 'g');

/** A unit's name without the leading 省 or 省委, as people often write it. */
function shortName(unit: string): string {
  return unit.replace(/^(省委|省)/, '');
}

/**
 * The 责任单位 a question names, in the question's order: exactly, without the leading 省 or 省委 ("科技厅" →
 * "省科技厅", "网信办" → "省委网信办"), and a city's government as the city governments the corpus lists.
 * `units` is longest first, so a name is never matched inside a longer one.
 */
export function findUnits(text: string, units: readonly string[]): string[] {
  let rest = text;
  const found: { unit: string; at: number }[] = [];
  const take = (name: string, unit: string) => {
    const at = rest.indexOf(name);
    if (at < 0 || found.some((f) => f.unit === unit)) return;
    found.push({ unit, at });
    rest = `${rest.slice(0, at)}${'\u0000'.repeat(name.length)}${rest.slice(at + name.length)}`;
  };
  for (const u of units) take(u.toLowerCase(), u);
  for (const u of units) {
    const core = shortName(u);
    if (core !== u && core.length >= 3) take(core.toLowerCase(), u);
  }
  const city = CITY_GOVERNMENT.exec(rest);
  if (city) for (const u of CITY_GOVERNMENTS.filter((g) => units.includes(g))) found.push({ unit: u, at: city.index });
  return found.sort((a, b) => a.at - b.at).map((f) => f.unit);
}

/** The text with the units it names blanked out, so their words are not read as places or subjects. */
export function withoutUnits(text: string, units: readonly string[]): string {
  let rest = text;
  for (const u of units) {
    for (const name of [u, shortName(u)]) rest = rest.split(name.toLowerCase()).join(' ');
  }
  return rest.replace(NAMED_CITY_GOVERNMENT, ' ');
}
