import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Entity } from '../../pipeline/model/document.ts';
import { composeText, emptyDraft } from '../../pipeline/model/draft.ts';
import { tagDraft, tagText } from '../../pipeline/tag/index.ts';
import { GAZETTEER } from '../../pipeline/tag/gazetteer.ts';
import { CASES } from './cases.ts';
import { HELDOUT_CASES, ADDED_CASES } from './cases-heldout.ts';
import { HELDOUT2_CASES } from './cases-heldout2.ts';
import { GROUPS, groupScore, score } from './score.ts';
import { fixture } from '../helpers/fixtures.ts';

const TARGET = 0.95;
/** People are not in the target; they are held to a lower bar. */
const PEOPLE_TARGET = 0.9;
const source = { uri: 'test:tag', mediaType: 'text/plain', sha256: '0'.repeat(64), bytes: 0 };

function checkInvariants(text: string, entities: ReturnType<typeof tagText>) {
  let lastEnd = 0;
  for (const e of entities) {
    Entity.parse(e);
    expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(e.start).toBeGreaterThanOrEqual(lastEnd);
    lastEnd = e.end;
    if (e.type === 'date') expect(e.value).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/);
  }
}

describe('test set', () => {
  for (const [label, cases] of [['tuned', CASES], ['held-out', HELDOUT_CASES], ['lists and URLs', ADDED_CASES], ['held-out 2', HELDOUT2_CASES]] as const) {
    it(`${label}: places, agencies and dates reach ${TARGET} precision and recall, people ${PEOPLE_TARGET}`, () => {
      const { byType, results } = score(cases, tagText);
      const errors = results.flatMap((r) => [
        ...r.missed.map((m) => `${r.name}: missed ${m.type} "${m.text}"`),
        ...r.spurious.map((s) => `${r.name}: spurious ${s.type} "${s.text}"`),
      ]);
      for (const [group, target] of [['places', TARGET], ['agencies', TARGET], ['dates', TARGET], ['people', PEOPLE_TARGET]] as const) {
        const s = groupScore(byType, GROUPS[group]!);
        expect(s.precision, `${group} precision; ${errors.join('; ')}`).toBeGreaterThanOrEqual(target);
        expect(s.recall, `${group} recall; ${errors.join('; ')}`).toBeGreaterThanOrEqual(target);
      }
    });
  }

  it('every case keeps the output invariants (exact slices, sorted, no overlap, schema-valid)', () => {
    for (const c of [...CASES, ...HELDOUT_CASES, ...ADDED_CASES, ...HELDOUT2_CASES]) checkInvariants(c.text, tagText(c.text));
  });
});

describe('bilingual ids', () => {
  it('the same entities get the same ids in Thai and in English', () => {
    const en = tagText('Khon Kaen, Korat and Bangkok signed with the Digital Economy Promotion Agency and Singapore.');
    const th = tagText('ขอนแก่น โคราช และกรุงเทพฯ ลงนามกับสำนักงานส่งเสริมเศรษฐกิจดิจิทัลและสิงคโปร์');
    const ids = (es: typeof en) => es.map((e) => e.id);
    expect(ids(en)).toEqual(['TH-40', 'TH-30', 'TH-10', 'agency:depa', 'SG']);
    expect(ids(th)).toEqual(ids(en));
    expect(th[0]!.name).toEqual({ en: 'Khon Kaen', th: 'ขอนแก่น' });
  });

  it('dates in Thai and English give the same value', () => {
    const th = tagText('วันที่ ๘ กรกฎาคม พ.ศ. ๒๕๖๑');
    const en = tagText('on 8 July 2018');
    expect(th.map((e) => e.value)).toEqual(['2018-07-08']);
    expect(en.map((e) => e.value)).toEqual(['2018-07-08']);
    expect(new Intl.DateTimeFormat('th-TH', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2018, 6, 8)))).toBe('8 กรกฎาคม 2561');
    expect(tagText('เมื่อ 8 กรกฎาคม 2561')[0]!.value).toBe('2018-07-08');
  });
});

describe('text details', () => {
  it('matches names broken by zero-width spaces, without taking the trailing one', () => {
    const text = 'ที่เชียง\u200Bใหม่\u200Bและ\u200Bขอนแก่น';
    const entities = tagText(text);
    checkInvariants(text, entities);
    expect(entities.map((e) => [e.id, e.text])).toEqual([
      ['TH-50', 'เชียง\u200Bใหม่'],
      ['TH-40', 'ขอนแก่น'],
    ]);
  });

  it('never tags across a block boundary', () => {
    expect(tagText('Chiang\n\nMai in October\n\n2020')).toEqual([]);
  });
});

describe('tagDraft', () => {
  it('tags the composed document text, offsets across blocks, and warns on pre-1941 BE dates', () => {
    const draft = emptyDraft(source, 'text');
    draft.blocks = [
      { type: 'heading', page: null, text: 'Chiang Mai' },
      { type: 'paragraph', page: null, text: 'ประกาศเมื่อ ๑ มกราคม พ.ศ. ๒๔๘๐ ที่เชียงราย' },
    ];
    const out = tagDraft(draft);
    const { text } = composeText(draft.blocks);
    checkInvariants(text, out.entities);
    expect(out.entities.map((e) => [e.type, e.id, e.value])).toEqual([
      ['province', 'TH-50', undefined],
      ['date', null, '1938-01-01'],
      ['province', 'TH-57', undefined],
    ]);
    expect(out.entities[2]!.start).toBe(text.indexOf('เชียงราย'));
    expect(out.warnings.map((w) => w.code)).toEqual(['date-be-before-1941']);
    expect(structuredClone(out)).toEqual(out);
  });

  it('leaves a draft with no text empty of entities', () => {
    expect(tagDraft(emptyDraft(source, 'text')).entities).toEqual([]);
  });
});

describe('gazetteer data', () => {
  it('has all 77 provinces with ISO 3166-2 codes and Thai and English names', () => {
    const provinces = GAZETTEER.entries.filter((e) => e.type === 'province');
    expect(provinces).toHaveLength(77);
    expect(new Set(provinces.map((p) => p.id)).size).toBe(77);
    for (const p of provinces) {
      expect(p.id).toMatch(/^TH-\d{2}$/);
      expect(p.name.th).toMatch(/[\u0E00-\u0E7F]/);
      expect(p.name.en).toMatch(/^[A-Z]/);
    }
    const csv = readFileSync(fixture('thai', 'thailand_provinces_th.csv'), 'utf8').trim().split('\n');
    for (const line of csv) expect(provinces.some((p) => p.name.th === line.split(',')[0])).toBe(true);
    expect(provinces.find((p) => p.id === 'TH-10')!.name).toEqual({ en: 'Bangkok', th: 'กรุงเทพมหานคร' });
    expect(provinces.find((p) => p.id === 'TH-39')!.name.th).toBe('หนองบัวลำภู');
  });

  it('has every ISO 3166-1 country with a Thai name', () => {
    const countries = GAZETTEER.entries.filter((e) => e.type === 'country');
    expect(countries.length).toBeGreaterThanOrEqual(249);
    for (const c of countries) {
      expect(c.id).toMatch(/^[A-Z]{2}$/);
      expect(c.name.th).toBeTruthy();
    }
  });
});

describe('performance', () => {
  it('tags linearly: 40x the text takes well under 80x the time', () => {
    const sample = [...CASES, ...HELDOUT_CASES].map((c) => c.text).join('\n\n');
    tagText(sample);
    const time = (text: string) => {
      const t = performance.now();
      tagText(text);
      return performance.now() - t;
    };
    // Fastest runs on both sides: a GC pause or a busy neighbour must not decide the ratio.
    const small = Math.max(Math.min(time(sample), time(sample), time(sample)), 1);
    const bigText = Array(40).fill(sample).join('\n\n');
    const big = Math.min(time(bigText), time(bigText));
    expect(big / small, `${big.toFixed(0)} ms for 40x vs ${small.toFixed(0)} ms`).toBeLessThan(80);
  });
});
