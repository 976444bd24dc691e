// A third batch, written after all tuning on the first two and scored once before any change:
// its first-run figure is recorded in pipeline/tag/README.md.
import type { EntityCase, ExpectedEntity } from './cases.ts';

const p = (text: string, id: string): ExpectedEntity => ({ type: 'province', text, id });
const c = (text: string, id: string): ExpectedEntity => ({ type: 'country', text, id });
const city = (text: string, id: string): ExpectedEntity => ({ type: 'city', text, id });
const r = (text: string, id: string): ExpectedEntity => ({ type: 'region', text, id });
const a = (text: string, id: string | null): ExpectedEntity => ({ type: 'agency', text, id });
const o = (text: string, id: string | null): ExpectedEntity => ({ type: 'organization', text, id });
const person = (text: string): ExpectedEntity => ({ type: 'person', text, id: null });
const d = (text: string, value: string): ExpectedEntity => ({ type: 'date', text, id: null, value });

export const HELDOUT2_CASES: EntityCase[] = [
  {
    name: 'ho2 en: smart city awards',
    text: 'On 24 November 2022, depa named 15 new smart cities, including Nonthaburi, Pathum Thani and Sa Kaeo.',
    entities: [d('24 November 2022', '2022-11-24'), a('depa', 'agency:depa'), p('Nonthaburi', 'TH-12'), p('Pathum Thani', 'TH-13'), p('Sa Kaeo', 'TH-27')],
  },
  {
    name: 'ho2 en: ministry abbreviations',
    text: "The MDES and the Ministry of Interior's Department of Local Administration signed an MOU with Khon Kaen Municipality.",
    entities: [a('MDES', 'agency:mdes'), a('Ministry of Interior', 'agency:moi'), a('Department of Local Administration', 'agency:dla'), a('Khon Kaen Municipality', 'agency:khon-kaen-municipality')],
  },
  {
    name: 'ho2 en: ASEAN cities',
    text: 'Da Nang, Cebu City and Kota Kinabalu shared lessons with Phuket City.',
    entities: [city('Da Nang', 'city:da-nang'), city('Cebu City', 'city:cebu'), city('Kota Kinabalu', 'city:kota-kinabalu'), city('Phuket City', 'TH-83')],
  },
  {
    name: 'ho2 en: month ranges and quarters',
    text: 'Pilots ran from March to May 2021 and the review ended in mid-2022.',
    entities: [d('March to May 2021', '2021-03/2021-05'), d('2022', '2022')],
  },
  {
    name: 'ho2 en: trap words',
    text: 'The Nan River flows south; Mae Sot is a border town in Tak Province near Myanmar.',
    entities: [p('Tak Province', 'TH-63'), c('Myanmar', 'MM')],
  },
  {
    name: 'ho2 en: deputy minister quote',
    text: '"Data is infrastructure," said Deputy Minister Pol. Gen. Permpoon Chidchob at the event in Pattaya.',
    entities: [person('Permpoon Chidchob'), city('Pattaya', 'TH-S')],
  },
  {
    name: 'ho2 en: NESDB old name and BOI',
    text: 'The National Economic and Social Development Board (NESDB) and the Board of Investment reported in 2017.',
    entities: [a('National Economic and Social Development Board', 'agency:nesdc'), a('NESDB', 'agency:nesdc'), a('Board of Investment', 'agency:boi'), d('2017', '2017')],
  },
  {
    name: 'ho2 th: province abbreviations and prefixes',
    text: 'ผู้ว่าราชการจังหวัดภูเก็ตประชุมร่วมกับ จ.พังงา และ จ. กระบี่ ที่ กทม.',
    entities: [p('จังหวัดภูเก็ต', 'TH-83'), p('จ.พังงา', 'TH-82'), p('จ. กระบี่', 'TH-81'), p('กทม.', 'TH-10')],
  },
  {
    name: 'ho2 th: ministries list',
    text: 'กระทรวงมหาดไทย กระทรวงคมนาคม และกระทรวงพลังงาน ร่วมกันจัดทำแผนแม่บท',
    entities: [a('กระทรวงมหาดไทย', 'agency:moi'), a('กระทรวงคมนาคม', 'agency:mot'), a('กระทรวงพลังงาน', 'agency:moen')],
  },
  {
    name: 'ho2 th: dates with day names',
    text: 'ในวันจันทร์ที่ ๒๕ ธันวาคม ๒๕๖๖ และวันศุกร์ที่ 5 ม.ค. 2567',
    entities: [d('๒๕ ธันวาคม ๒๕๖๖', '2023-12-25'), d('5 ม.ค. 2567', '2024-01-05')],
  },
  {
    name: 'ho2 th: countries with ประเทศ and cities',
    text: 'คณะผู้แทนจากประเทศญี่ปุ่นและเกาหลีใต้เยือนกรุงโตเกียวและโซล',
    entities: [c('ประเทศญี่ปุ่น', 'JP'), c('เกาหลีใต้', 'KR'), city('โตเกียว', 'city:tokyo'), city('โซล', 'city:seoul')],
  },
  {
    name: 'ho2 th: person with นาง',
    text: 'นางมนัญญา ไทยเศรษฐ์ เดินทางไปจังหวัดอุทัยธานี',
    entities: [person('มนัญญา ไทยเศรษฐ์'), p('จังหวัดอุทัยธานี', 'TH-61')],
  },
  {
    name: 'ho2 th: NBTC abbreviation',
    text: 'สำนักงาน กสทช. และ ETDA ร่วมกันกำกับดูแล',
    entities: [a('กสทช.', 'agency:nbtc'), a('ETDA', 'agency:etda')],
  },
  {
    name: 'ho2 th: northeast region words',
    text: 'ภาคอีสานและภาคเหนือมีเมืองอัจฉริยะมากที่สุด รองลงมาคือภาคใต้',
    entities: [r('ภาคอีสาน', 'region:th-northeast'), r('ภาคเหนือ', 'region:th-north'), r('ภาคใต้', 'region:th-south')],
  },
  {
    name: 'ho2 mixed: English date in Thai text',
    text: 'รายงานฉบับนี้เผยแพร่เมื่อ 16 October 2020 โดย British Embassy Bangkok',
    entities: [d('16 October 2020', '2020-10-16'), a('British Embassy Bangkok', 'agency:british-embassy-bangkok')],
  },
];
