// The entity test set: sentences in Thai and English in the style of smart-city and government
// reports, with every entity we expect, in text order. Written before the matchers were tuned;
// it includes traps (Chiang Rai is not Chiang Mai, "Rayong" inside another word, a person named
// like a province, ICU segmentation that splits names, everyday Thai words that are province names).
// Used by tests/tag/cases.test.ts and scripts/bench/entities.ts.
import type { EntityType } from '../../pipeline/model/document.ts';

export interface ExpectedEntity {
  type: EntityType;
  /** The surface form; found in the text after the previous expected entity. */
  text: string;
  id?: string | null;
  value?: string;
}

export interface EntityCase {
  name: string;
  text: string;
  entities: ExpectedEntity[];
}

const p = (text: string, id: string): ExpectedEntity => ({ type: 'province', text, id });
const c = (text: string, id: string): ExpectedEntity => ({ type: 'country', text, id });
const city = (text: string, id: string): ExpectedEntity => ({ type: 'city', text, id });
const r = (text: string, id: string): ExpectedEntity => ({ type: 'region', text, id });
const a = (text: string, id: string | null): ExpectedEntity => ({ type: 'agency', text, id });
const o = (text: string, id: string | null): ExpectedEntity => ({ type: 'organization', text, id });
const person = (text: string): ExpectedEntity => ({ type: 'person', text, id: null });
const d = (text: string, value: string): ExpectedEntity => ({ type: 'date', text, id: null, value });

export const CASES: EntityCase[] = [
  // ---- English ----
  {
    name: 'en: press release opening',
    text: "Bangkok 16 October 2020: Today, at Smart City Week 2020 in Bangkok, the UK and the Thai Ministry of Digital Economy and Society jointly launched the 'Smart City Handbook'.",
    entities: [p('Bangkok', 'TH-10'), d('16 October 2020', '2020-10-16'), { type: 'event', text: 'Smart City Week 2020', id: null }, p('Bangkok', 'TH-10'), c('UK', 'GB'), a('Ministry of Digital Economy and Society', 'agency:mdes')],
  },
  {
    name: 'en: possessive and workshop list',
    text: "Ongoing projects under the UK's Global Future Cities Programme with the Bangkok Metropolitan Administration; UK hosted smart city workshops in Chiang Mai, Chonburi and Khon Kaen.",
    entities: [c('UK', 'GB'), a('Bangkok Metropolitan Administration', 'agency:bma'), c('UK', 'GB'), p('Chiang Mai', 'TH-50'), p('Chonburi', 'TH-20'), p('Khon Kaen', 'TH-40')],
  },
  {
    name: 'en: Chiang Rai is not Chiang Mai',
    text: 'The pilot moved from Chiang Rai to Chiang Mai in 2019, then to Chon Buri.',
    entities: [p('Chiang Rai', 'TH-57'), p('Chiang Mai', 'TH-50'), d('2019', '2019'), p('Chon Buri', 'TH-20')],
  },
  {
    name: 'en: Rayong inside another word is nothing',
    text: 'Students of Rayongwittaya School and the Rayongian club met in Rayong.',
    entities: [p('Rayong', 'TH-21')],
  },
  {
    name: 'en: a person named like a province',
    text: 'Dr Surin Pitsuwan, former Secretary-General of ASEAN, opened the forum in Surin Province.',
    entities: [person('Surin Pitsuwan'), a('ASEAN', 'agency:asean'), p('Surin Province', 'TH-32')],
  },
  {
    name: 'en: acronym defined then reused',
    text: 'The Digital Economy Promotion Agency (DEPA) trained 134 ambassadors. DEPA will open a new office in Phuket.',
    entities: [a('Digital Economy Promotion Agency', 'agency:depa'), a('DEPA', 'agency:depa'), a('DEPA', 'agency:depa'), p('Phuket', 'TH-83')],
  },
  {
    name: 'en: unknown body with acronym',
    text: 'The Urban Resilience Coordination Office (URCO) was set up in Songkhla; URCO reports to the Ministry of Interior.',
    entities: [a('Urban Resilience Coordination Office', null), a('URCO', null), p('Songkhla', 'TH-90'), a('URCO', null), a('Ministry of Interior', 'agency:moi')],
  },
  {
    name: 'en: ministry by pattern',
    text: 'The Ministry of Smart Mobility and Logistics announced the plan in March 2021.',
    entities: [a('Ministry of Smart Mobility and Logistics', null), d('March 2021', '2021-03')],
  },
  {
    name: 'en: committee by pattern and people by attribution',
    text: 'The Smart City Project Management Committee met on 3 May 2023. Nuttapon Nimmanphatcharin, the head of the agency, said the plan covers 36 areas.',
    entities: [a('Smart City Project Management Committee', null), d('3 May 2023', '2023-05-03'), person('Nuttapon Nimmanphatcharin')],
  },
  {
    name: 'en: role then name, later first name',
    text: 'DES Chief, Chaiwut Thanakamanusorn, spoke in Bali, Indonesia. Chaiwut shared the figures.',
    entities: [a('DES', 'agency:mdes'), person('Chaiwut Thanakamanusorn'), city('Bali', 'city:bali'), c('Indonesia', 'ID'), person('Chaiwut')],
  },
  {
    name: 'en: ambassador attribution',
    text: "Brian Davidson, Her Majesty's Ambassador to Thailand, said: the UK is proud to work with Thailand.",
    entities: [person('Brian Davidson'), c('Thailand', 'TH'), c('UK', 'GB'), c('Thailand', 'TH')],
  },
  {
    name: 'en: titles',
    text: 'Mr. Somchai Jaidee and Ms Napat Srisuk met Prime Minister Prayut Chan-o-cha at Government House.',
    entities: [person('Somchai Jaidee'), person('Napat Srisuk'), person('Prayut Chan-o-cha')],
  },
  {
    name: 'en: ASEAN capitals and countries',
    text: 'Delegates from Jakarta, Kuala Lumpur, Hanoi and Phnom Penh joined colleagues from Singapore, Viet Nam, Lao PDR and Myanmar.',
    entities: [city('Jakarta', 'city:jakarta'), city('Kuala Lumpur', 'city:kuala-lumpur'), city('Hanoi', 'city:hanoi'), city('Phnom Penh', 'city:phnom-penh'), c('Singapore', 'SG'), c('Viet Nam', 'VN'), c('Lao PDR', 'LA'), c('Myanmar', 'MM')],
  },
  {
    name: 'en: spelling variants',
    text: 'Samut Prakarn, Korat and Krung Thep all joined; Nakhon Ratchasima is the formal name of Korat.',
    entities: [p('Samut Prakarn', 'TH-11'), p('Korat', 'TH-30'), p('Krung Thep', 'TH-10'), p('Nakhon Ratchasima', 'TH-30'), p('Korat', 'TH-30')],
  },
  {
    name: 'en: transliteration variant by fuzzy match',
    text: 'A new data centre opened in Phitsanulok and another in Nakhon Ratchasrima, near Ubon Ratchatani.',
    entities: [p('Phitsanulok', 'TH-65'), p('Nakhon Ratchasrima', 'TH-30'), p('Ubon Ratchatani', 'TH-34')],
  },
  {
    name: 'en: city rule',
    text: 'Chiang Mai City is the first smart city in Chiang Mai Province; Pattaya is a special city.',
    entities: [city('Chiang Mai City', 'TH-50'), p('Chiang Mai Province', 'TH-50'), city('Pattaya', 'TH-S')],
  },
  {
    name: 'en: lowercase words are not countries',
    text: 'They served turkey on fine china and sailed to Turkey and China.',
    entities: [c('Turkey', 'TR'), c('China', 'CN')],
  },
  {
    name: 'en: US vs us',
    text: 'Let us compare the US and the United States of America with the United Kingdom.',
    entities: [c('US', 'US'), c('United States of America', 'US'), c('United Kingdom', 'GB')],
  },
  {
    name: 'en: regions',
    text: 'Southeast Asia and the Asia-Pacific will urbanise fast; the Eastern Economic Corridor (EEC) covers Chonburi, Rayong and Chachoengsao.',
    entities: [r('Southeast Asia', 'region:southeast-asia'), r('Asia-Pacific', 'region:asia-pacific'), r('Eastern Economic Corridor', 'region:eec'), r('EEC', 'region:eec'), p('Chonburi', 'TH-20'), p('Rayong', 'TH-21'), p('Chachoengsao', 'TH-24')],
  },
  {
    name: 'en: date forms',
    text: 'The network was founded in April 2018, met on July 8, 2018 and again on 16–18 October 2020, with plans for 2018–2019 and targets by 2040.',
    entities: [d('April 2018', '2018-04'), d('July 8, 2018', '2018-07-08'), d('16–18 October 2020', '2020-10-16/2020-10-18'), d('2018–2019', '2018/2019'), d('2040', '2040')],
  },
  {
    name: 'en: numbers that are not dates',
    text: 'More than 2,500 people and 1500 vehicles; over 100,000 residents; room 2019 on floor 3.',
    entities: [],
  },
  {
    name: 'en: Buddhist era in English',
    text: 'The Act of B.E. 2562 took effect on 28 May 2019.',
    entities: [d('B.E. 2562', '2019'), d('28 May 2019', '2019-05-28')],
  },
  {
    name: 'en: agencies by acronym from the gazetteer',
    text: 'NESDC and the BOI support the EEC Office, while ETDA and DGA run e-government services with NECTEC.',
    entities: [a('NESDC', 'agency:nesdc'), a('BOI', 'agency:boi'), a('EEC Office', 'agency:eeco'), a('ETDA', 'agency:etda'), a('DGA', 'agency:dga'), a('NECTEC', 'agency:nectec')],
  },
  {
    name: 'en: UN bodies',
    text: 'UN-Habitat and the United Nations Development Programme work with the World Bank and the Asian Development Bank.',
    entities: [a('UN-Habitat', 'agency:un-habitat'), a('United Nations Development Programme', 'agency:undp'), a('World Bank', 'agency:world-bank'), a('Asian Development Bank', 'agency:adb')],
  },
  {
    name: 'en: Bangkok districts',
    text: 'Flood management for Lad Phrao and a masterplan for Bang Sue and Pathum Wan District.',
    entities: [r('Lad Phrao', 'district:bangkok-lat-phrao'), r('Bang Sue', 'district:bangkok-bang-sue'), r('Pathum Wan District', 'district:bangkok-pathum-wan')],
  },
  {
    name: 'en: headline capitals',
    text: 'CHIANG MAI AND PHUKET LEAD THAILAND',
    entities: [p('CHIANG MAI', 'TH-50'), p('PHUKET', 'TH-83'), c('THAILAND', 'TH')],
  },
  {
    name: 'en: person named like a province without title',
    text: 'Surin Pitsuwan said ASEAN must connect its cities, from Yangon to Manila.',
    entities: [person('Surin Pitsuwan'), a('ASEAN', 'agency:asean'), city('Yangon', 'city:yangon'), city('Manila', 'city:manila')],
  },
  {
    name: 'en: possessive province and hyphen',
    text: "Phuket's sandbox and Khon Kaen-based start-ups were praised by Japan and South Korea.",
    entities: [p('Phuket', 'TH-83'), p('Khon Kaen', 'TH-40'), c('Japan', 'JP'), c('South Korea', 'KR')],
  },
  // ---- Thai ----
  {
    name: 'th: first meeting date',
    text: 'ความร่วมมือเครือข่ายเมืองอัจฉริยะอาเซียนจัดประชุมครั้งแรกเมื่อวันที่ ๘ กรกฎาคม พ.ศ. ๒๕๖๑ ที่ประเทศสิงคโปร์',
    entities: [a('เครือข่ายเมืองอัจฉริยะอาเซียน', 'agency:ascn'), d('๘ กรกฎาคม พ.ศ. ๒๕๖๑', '2018-07-08'), c('ประเทศสิงคโปร์', 'SG')],
  },
  {
    name: 'th: seven provinces list',
    text: 'พัฒนาเมืองอัจฉริยะ ๑๐ พื้นที่ใน ๗ จังหวัด ได้แก่ ภูเก็ต ขอนแก่น เชียงใหม่ ชลบุรี ระยอง ฉะเชิงเทรา และกรุงเทพมหานคร',
    entities: [p('ภูเก็ต', 'TH-83'), p('ขอนแก่น', 'TH-40'), p('เชียงใหม่', 'TH-50'), p('ชลบุรี', 'TH-20'), p('ระยอง', 'TH-21'), p('ฉะเชิงเทรา', 'TH-24'), p('กรุงเทพมหานคร', 'TH-10')],
  },
  {
    name: 'th: year range in parentheses',
    text: 'โดยปีที่ ๑ (พ.ศ. ๒๕๖๑ – ๒๕๖๒) จะมุ่งพัฒนา และปีที่ ๓ – ๕ (พ.ศ. ๒๕๖๓ – ๒๕๖๕) จะขยายการพัฒนา',
    entities: [d('พ.ศ. ๒๕๖๑ – ๒๕๖๒', '2018/2019'), d('พ.ศ. ๒๕๖๓ – ๒๕๖๕', '2020/2022')],
  },
  {
    name: 'th: year and month forms',
    text: 'ในปี พ.ศ. ๒๕๖๑ อาเซียนมีประชากร ๖๔๗ ล้านคน และได้ร่วมก่อตั้งเมื่อเดือนเมษายน พ.ศ. ๒๕๖๑',
    entities: [d('พ.ศ. ๒๕๖๑', '2018'), a('อาเซียน', 'agency:asean'), d('เมษายน พ.ศ. ๒๕๖๑', '2018-04')],
  },
  {
    name: 'th: abbreviated month and two-digit year',
    text: 'ประชุมเมื่อ 8 ก.ค. 61 และ ๑๕ ต.ค. ๒๕๖๐ ที่กรุงเทพฯ',
    entities: [d('8 ก.ค. 61', '2018-07-08'), d('๑๕ ต.ค. ๒๕๖๐', '2017-10-15'), p('กรุงเทพฯ', 'TH-10')],
  },
  {
    name: 'th: ICU splits a prefixed province and an abbreviation',
    text: 'จ.เชียงรายมีกทม.และกรุงเทพฯเป็นคู่เทียบ',
    entities: [p('จ.เชียงราย', 'TH-57'), p('กทม.', 'TH-10'), p('กรุงเทพฯ', 'TH-10')],
  },
  {
    name: 'th: minister with title and ministry',
    text: 'นายชัยวุฒิ ธนาคมานุสรณ์ รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม กล่าวว่า จังหวัดขอนแก่นมีความพร้อม',
    entities: [person('ชัยวุฒิ ธนาคมานุสรณ์'), a('กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม', 'agency:mdes'), p('จังหวัดขอนแก่น', 'TH-40')],
  },
  {
    name: 'th: นายก is not a title',
    text: 'นายกรัฐมนตรีเดินทางไปเชียงราย ไม่ใช่เชียงใหม่',
    entities: [p('เชียงราย', 'TH-57'), p('เชียงใหม่', 'TH-50')],
  },
  {
    name: 'th: everyday words that are province names',
    text: 'ข่าวนี้แพร่ไปไม่ได้เลย เขาตากผ้าไว้ แต่จังหวัดเลยและ จ.แพร่ มีโครงการเมืองอัจฉริยะ',
    entities: [p('จังหวัดเลย', 'TH-42'), p('จ.แพร่', 'TH-54')],
  },
  {
    name: 'th: acronym in parentheses with English long form',
    text: 'เครือข่ายเมืองอัจฉริยะอาเซียน (ASEAN Smart Cities Network: ASCN) มีสมาชิก ๒๖ เมือง ต่อมา ASCN ได้ขยายเป็น ๒๙ เมือง',
    entities: [a('เครือข่ายเมืองอัจฉริยะอาเซียน', 'agency:ascn'), a('ASEAN Smart Cities Network', 'agency:ascn'), a('ASCN', 'agency:ascn'), a('ASCN', 'agency:ascn')],
  },
  {
    name: 'th: depa in Thai and smart city office',
    text: 'สำนักงานส่งเสริมเศรษฐกิจดิจิทัล (ดีป้า) จัดตั้งสำนักงานเมืองอัจฉริยะประเทศไทยขึ้น เมื่อวันที่ ๑๕ ตุลาคม พ.ศ. ๒๕๖๐',
    entities: [a('สำนักงานส่งเสริมเศรษฐกิจดิจิทัล', 'agency:depa'), a('ดีป้า', 'agency:depa'), a('สำนักงานเมืองอัจฉริยะประเทศไทย', 'agency:smart-city-office'), d('๑๕ ตุลาคม พ.ศ. ๒๕๖๐', '2017-10-15')],
  },
  {
    name: 'th: unknown department and committee by pattern',
    text: 'กรมทางหลวงชนบทได้ร่วมกับคณะกรรมการพัฒนาระบบขนส่งมวลชนจังหวัดภูเก็ตจัดทำแผน',
    entities: [a('กรมทางหลวงชนบท', null), a('คณะกรรมการพัฒนาระบบขนส่งมวลชนจังหวัดภูเก็ต', null)],
  },
  {
    name: 'th: countries and capital cities',
    text: 'เมืองใหญ่ เช่น จาการ์ตา (Jakarta) กรุงเทพมหานคร (Bangkok) และมะนิลา (Manila) ส่วนญี่ปุ่นและสหรัฐอเมริกาให้ความร่วมมือ',
    entities: [city('จาการ์ตา', 'city:jakarta'), city('Jakarta', 'city:jakarta'), p('กรุงเทพมหานคร', 'TH-10'), p('Bangkok', 'TH-10'), city('มะนิลา', 'city:manila'), city('Manila', 'city:manila'), c('ญี่ปุ่น', 'JP'), c('สหรัฐอเมริกา', 'US')],
  },
  {
    name: 'th: language is not a country',
    text: 'เอกสารฉบับภาษาจีนและภาษาอังกฤษ ส่งถึงประเทศจีนและสหราชอาณาจักร',
    entities: [c('ประเทศจีน', 'CN'), c('สหราชอาณาจักร', 'GB')],
  },
  {
    name: 'th: woman with title, no surname gap',
    text: 'นางสาวสมศรี ใจดี ผู้อำนวยการสำนักงานสถิติแห่งชาติ เปิดเผยข้อมูลปี ๒๕๖๓',
    entities: [person('สมศรี ใจดี'), a('สำนักงานสถิติแห่งชาติ', 'agency:nso'), d('๒๕๖๓', '2020')],
  },
  {
    name: 'th: doctor title',
    text: 'ดร.ณัฐพล นิมมานพัชรินทร์ ประธานเจ้าหน้าที่บริหาร ดีป้า',
    entities: [person('ณัฐพล นิมมานพัชรินทร์'), a('ดีป้า', 'agency:depa')],
  },
  {
    name: 'th: region and corridor',
    text: 'ภาคตะวันออกเฉียงเหนือและเขตพัฒนาพิเศษภาคตะวันออก (อีอีซี) ในเอเชียตะวันออกเฉียงใต้',
    entities: [r('ภาคตะวันออกเฉียงเหนือ', 'region:th-northeast'), r('เขตพัฒนาพิเศษภาคตะวันออก', 'region:eec'), r('อีอีซี', 'region:eec'), r('เอเชียตะวันออกเฉียงใต้', 'region:southeast-asia')],
  },
  {
    name: 'th: city of a province',
    text: 'เมืองเชียงใหม่เป็นศูนย์กลางของจังหวัดเชียงใหม่ และเมืองพัทยาอยู่ในจังหวัดชลบุรี',
    entities: [city('เมืองเชียงใหม่', 'TH-50'), p('จังหวัดเชียงใหม่', 'TH-50'), city('เมืองพัทยา', 'TH-S'), p('จังหวัดชลบุรี', 'TH-20')],
  },
  {
    name: 'th: Bangkok district with prefix',
    text: 'ระบบระบายน้ำในเขตลาดพร้าวและเขตปทุมวัน',
    entities: [r('เขตลาดพร้าว', 'district:bangkok-lat-phrao'), r('เขตปทุมวัน', 'district:bangkok-pathum-wan')],
  },
  {
    name: 'th: Korat and Ayutthaya short forms',
    text: 'โคราชและอยุธยาเป็นเมืองเก่า ส่วนนครราชสีมาเป็นชื่อทางการ',
    entities: [p('โคราช', 'TH-30'), p('อยุธยา', 'TH-14'), p('นครราชสีมา', 'TH-30')],
  },
  {
    name: 'th: before 1941 Buddhist era',
    text: 'พระราชบัญญัติประกาศเมื่อ ๑ มกราคม พ.ศ. ๒๔๘๐',
    entities: [d('๑ มกราคม พ.ศ. ๒๔๘๐', '1938-01-01')],
  },
  {
    name: 'th: fiscal year and quantities are not dates',
    text: 'งบประมาณ ๒,๕๖๑ ล้านบาท สำหรับ ๒๕๖๑ ครัวเรือน',
    entities: [],
  },
  {
    name: 'mixed: Thai sentence with English bodies',
    text: 'กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม (ดศ.) ร่วมกับ UK และ Chiang Mai University ในปี 2019',
    entities: [a('กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม', 'agency:mdes'), a('ดศ.', 'agency:mdes'), c('UK', 'GB'), o('Chiang Mai University', null), d('2019', '2019')],
  },
];
