// Builds pipeline/tag/data/gazetteer.json ONCE from Debian iso-codes (ISO 3166-1 / 3166-2 JSON
// and their Thai .mo translations), the CC0 PyThaiNLP lists vendored in tests/fixtures/thai and the hand
// tables in pipeline/tag/data/source. The output is committed; the pipeline never reads apt files.
// Run: npx tsx scripts/data/build-gazetteer.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Gazetteer, GazetteerEntry, SourceEntry } from '../../pipeline/tag/data/source/types.ts';
import {
  AMBIGUOUS_COUNTRY_NAMES,
  BANGKOK_DISTRICTS,
  BANGKOK_DISTRICT_VARIANTS,
  CITIES,
  COUNTRY_VARIANTS,
  PATTAYA,
  PREFIX_ONLY_NAMES,
  PROVINCE_EN_NAME,
  PROVINCE_VARIANTS,
  REGIONS,
} from '../../pipeline/tag/data/source/places.ts';
import { AGENCIES } from '../../pipeline/tag/data/source/agencies.ts';

const ISO_JSON = '/usr/share/iso-codes/json';
const THAI_MO = '/usr/share/locale/th/LC_MESSAGES';
/** The CC0 lists, vendored with their PROVENANCE.md (the tests check the gazetteer against them). */
const THAI_LISTS = 'tests/fixtures/thai';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUTPUT = fileURLToPath(new URL('../../pipeline/tag/data/gazetteer.json', import.meta.url));
const THAI_PROVINCE_COUNT = 77;

/** Reads a GNU gettext .mo catalogue: msgid → msgstr. */
function readMo(path: string): Map<string, string> {
  const catalogue = new Map<string, string>();
  if (!existsSync(path)) return catalogue;
  const bytes = readFileSync(path);
  const magic = bytes.readUInt32LE(0);
  const read = magic === 0x950412de ? (o: number) => bytes.readUInt32LE(o) : (o: number) => bytes.readUInt32BE(o);
  const count = read(8);
  const originals = read(12);
  const translations = read(16);
  for (let i = 0; i < count; i++) {
    const idLength = read(originals + i * 8);
    const idOffset = read(originals + i * 8 + 4);
    const strLength = read(translations + i * 8);
    const strOffset = read(translations + i * 8 + 4);
    const id = bytes.toString('utf8', idOffset, idOffset + idLength);
    const str = bytes.toString('utf8', strOffset, strOffset + strLength);
    if (id && str) catalogue.set(id, str);
  }
  return catalogue;
}

const compact = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
const unique = (items: (string | undefined)[]) => [...new Set(items.filter((x): x is string => !!x && x.trim() !== ''))];
/** "Bolivia, Plurinational State of" → "Bolivia". */
const shortName = (name: string) => name.split(',')[0]!.trim();

interface Iso1 { alpha_2: string; name: string; common_name?: string; official_name?: string }
interface Iso2 { code: string; name: string; type: string }

function buildCountries(mo: Map<string, string>, thaiList: string[]): GazetteerEntry[] {
  const iso: Iso1[] = JSON.parse(readFileSync(`${ISO_JSON}/iso_3166-1.json`, 'utf8'))['3166-1'];
  // A short name shared by two countries ("Congo", "Virgin Islands") names neither.
  const shortCounts = new Map<string, number>();
  for (const c of iso) shortCounts.set(shortName(c.name), (shortCounts.get(shortName(c.name)) ?? 0) + 1);
  const thaiListed = new Set(thaiList);
  const entries: GazetteerEntry[] = [];
  for (const c of iso) {
    const enNames = [c.common_name, c.name, c.official_name];
    const short = shortName(c.name);
    if (shortCounts.get(short) === 1) enNames.push(short);
    const thNames = enNames.map((n) => (n ? mo.get(n) : undefined));
    const variants = COUNTRY_VARIANTS[c.alpha_2] ?? [];
    const en = c.common_name ?? (c.name.includes(',') ? variants.find((v) => /^[A-Z]/.test(v)) ?? short : c.name);
    const thVariants = variants.filter((v) => /[\u0E00-\u0E7F]/.test(v));
    const th = thVariants[0] ?? thNames.find((n) => n && thaiListed.has(n)) ?? thNames.find(Boolean);
    const aliases = unique([...enNames.filter((n) => n && !n.includes(',')), ...thNames, ...variants])
      .filter((a) => !AMBIGUOUS_COUNTRY_NAMES.has(a));
    // Thai country names also appear with the word ประเทศ ("country") in front.
    const prefixed = unique([...thNames, ...thVariants])
      .filter((n) => !/^(ประเทศ|เมือง|ราชอาณาจักร|สาธารณรัฐ|สปป)/.test(n))
      .map((n) => `ประเทศ${n}`);
    entries.push({ id: c.alpha_2, type: 'country', name: { en, ...(th ? { th } : {}) }, aliases: unique([...aliases, ...prefixed]) });
  }
  return entries;
}

function buildProvinces(mo: Map<string, string>): GazetteerEntry[] {
  const iso: Iso2[] = JSON.parse(readFileSync(`${ISO_JSON}/iso_3166-2.json`, 'utf8'))['3166-2'];
  const thaiIso = iso.filter((s) => s.code.startsWith('TH-') && s.type !== 'Special administrative city');
  const csv = readFileSync(`${ROOT}${THAI_LISTS}/thailand_provinces_th.csv`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [th, thAbbr, en, enAbbr] = line.split(',').map((x) => x.trim());
      return { th: th!, thAbbr: thAbbr!, en: en!, enAbbr: enAbbr! };
    });
  const entries: GazetteerEntry[] = [];
  for (const row of csv) {
    // Join the CSV row to its ISO code by Thai name (iso-codes' Thai), else by English name,
    // else by the hand variants (iso-codes lacks Thai for TH-10, TH-38 and misspells TH-39).
    const match =
      thaiIso.find((s) => mo.get(s.name) === row.th) ??
      thaiIso.find((s) => compact(s.name) === compact(row.en)) ??
      thaiIso.find((s) => (PROVINCE_VARIANTS[s.code] ?? []).includes(row.th));
    if (!match) throw new Error(`no ISO 3166-2 code for province ${row.th} / ${row.en}`);
    const code = match.code;
    const en = PROVINCE_EN_NAME[code] ?? row.en;
    const names = unique([row.th, row.en, en, match.name, ...(PROVINCE_VARIANTS[code] ?? [])]);
    const thNames = names.filter((n) => /[\u0E00-\u0E7F]/.test(n) && !n.startsWith('กทม') && !n.endsWith('ฯ'));
    const enNames = names.filter((n) => !/[\u0E00-\u0E7F]/.test(n));
    const bare = names.filter((n) => !PREFIX_ONLY_NAMES.has(n));
    const prefixed = [
      ...thNames.flatMap((n) => [`จังหวัด${n}`, `จังหวัด ${n}`, `จ.${n}`, `จ. ${n}`]),
      ...enNames.flatMap((n) => [`${n} Province`, `${n} province`, `Province of ${n}`]),
    ];
    const city = [
      ...thNames.flatMap((n) => [`เมือง${n}`, `นคร${n}`]),
      ...enNames.flatMap((n) => [`${n} City`, `${n} city`, `City of ${n}`, `city of ${n}`]),
    ];
    entries.push({
      id: code,
      type: 'province',
      name: { en, th: row.th },
      aliases: unique([...bare, ...prefixed]),
      cityAliases: unique(city).filter((a) => !names.includes(a)),
      ...(names.some((n) => PREFIX_ONLY_NAMES.has(n)) ? { listAliases: names.filter((n) => PREFIX_ONLY_NAMES.has(n)) } : {}),
    });
  }
  if (entries.length !== THAI_PROVINCE_COUNT) throw new Error(`expected ${THAI_PROVINCE_COUNT} provinces, got ${entries.length}`);
  return entries;
}

function fromSource(entry: SourceEntry): GazetteerEntry {
  const skip = new Set(entry.skipAliases ?? []);
  return {
    id: entry.id,
    type: entry.type,
    name: { en: entry.en, ...(entry.th ? { th: entry.th } : {}) },
    aliases: unique([entry.en, entry.th, ...(entry.aliases ?? [])]).filter((a) => !skip.has(a)),
  };
}

function buildDistricts(): GazetteerEntry[] {
  return BANGKOK_DISTRICTS.map(([en, th]) => ({
    id: `district:bangkok-${en.toLowerCase().replace(/[^a-z]+/g, '-')}`,
    type: 'region' as const,
    name: { en, th },
    aliases: unique([
      en,
      `${en} District`,
      `${en} district`,
      ...(BANGKOK_DISTRICT_VARIANTS[en] ?? []),
      `เขต${th}`,
      `เขต ${th}`,
    ]),
  }));
}

function main(): void {
  const mo1 = readMo(`${THAI_MO}/iso_3166-1.mo`);
  const mo2 = readMo(`${THAI_MO}/iso_3166-2.mo`);
  const thaiCountries = readFileSync(`${ROOT}${THAI_LISTS}/countries_th.txt`, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const entries: GazetteerEntry[] = [
    ...buildProvinces(mo2),
    fromSource(PATTAYA),
    ...buildCountries(mo1, thaiCountries),
    ...CITIES.map(fromSource),
    ...REGIONS.map(fromSource),
    ...buildDistricts(),
    ...AGENCIES.map(fromSource),
  ];
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) throw new Error(`duplicate gazetteer id ${e.id}`);
    ids.add(e.id);
  }
  const gazetteer: Gazetteer = {
    generated: 'scripts/data/build-gazetteer.ts',
    sources: [
      `${ISO_JSON}/iso_3166-1.json`,
      `${ISO_JSON}/iso_3166-2.json`,
      `${THAI_MO}/iso_3166-1.mo`,
      `${THAI_MO}/iso_3166-2.mo`,
      `${THAI_LISTS}/thailand_provinces_th.csv`,
      `${THAI_LISTS}/countries_th.txt`,
      'pipeline/tag/data/source/places.ts',
      'pipeline/tag/data/source/agencies.ts',
    ],
    entries,
  };
  writeFileSync(OUTPUT, JSON.stringify(gazetteer, null, 1) + '\n');
  const missingThai = entries.filter((e) => e.type === 'country' && !e.name.th).map((e) => e.id);
  const unlisted = thaiCountries.filter((n) => !entries.some((e) => e.aliases.includes(n)));
  console.log(`wrote ${entries.length} entries to ${OUTPUT}`);
  console.log(`countries without a Thai name: ${missingThai.length}; countries_th.txt names not linked to a code: ${unlisted.length}`);
  if (unlisted.length) console.log(unlisted.join(' '));
}

main();
