// Damaged/clean pairs for every damage class of the Thai damage catalogue (damage.md), with the rule
// that must fire. Each pair is also checked the other way: the clean side must pass unchanged.
/** UTF-8 bytes read as Latin-1, the way a mislabelled web page or text file arrives. */
function utf8AsLatin1(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

export interface RepairCase {
  rule: string;
  damaged: string;
  clean: string;
}

export const CASES: RepairCase[] = [
  // mojibake
  { rule: 'mojibake-utf8', damaged: 'à¸ªà¸³à¸„à¸±à¸\u008D', clean: 'สำคัญ' },
  { rule: 'mojibake-utf8', damaged: `${utf8AsLatin1('กระทรวงการคลัง')} ok`, clean: 'กระทรวงการคลัง ok' },
  { rule: 'mojibake-utf8', damaged: utf8AsLatin1('ประกาศ: ราคา ๑๒ บาท'), clean: 'ประกาศ: ราคา ๑๒ บาท' },
  { rule: 'mojibake-tis620', damaged: '¡ÃÐ·ÃÇ§', clean: 'กระทรวง' },
  { rule: 'mojibake-tis620', damaged: 'See ÀÒÉÒä·Â page 2', clean: 'See ภาษาไทย page 2' },
  { rule: 'tis620-in-thai', damaged: 'กลèาว แลéว จันทรì', clean: 'กล่าว แล้ว จันทร์' },
  { rule: 'tis620-in-thai', damaged: 'ฉบÑบ', clean: 'ฉบับ' },
  { rule: 'tis620-in-thai', damaged: 'เ»็น ¼ู้ใหญ่', clean: 'เป็น ผู้ใหญ่' },
  // invisible characters
  { rule: 'invisible-chars', damaged: 'ภาษา\u200Bไทย\u00AD', clean: 'ภาษาไทย' },
  { rule: 'invisible-chars', damaged: '\uFEFFราคา\u00A0๒๐\u2009บาท', clean: 'ราคา ๒๐ บาท' },
  // private use
  { rule: 'pua-thai-glyph', damaged: 'ป\uF710\uF713น', clean: 'ปั่น' },
  { rule: 'pua-thai-glyph', damaged: 'ท\uF884\uF88Aง', clean: 'ทั่ง' },
  { rule: 'pua-thai-glyph', damaged: 'ก\uF70Bอน', clean: 'ก้อน' },
  { rule: 'symbol-font-pua', damaged: 'เนตรทัศน์\uF02A', clean: 'เนตรทัศน์∗' },
  // explicit nikhahit (PDF text layers and tesseract)
  { rule: 'sara-am-nikhahit', damaged: 'นํา', clean: 'นำ' },
  { rule: 'sara-am-nikhahit', damaged: 'กํ่า', clean: 'ก่ำ' },
  { rule: 'sara-am-nikhahit', damaged: 'กําหนดการประจําปี', clean: 'กำหนดการประจำปี' },
  { rule: 'sara-am-nikhahit', damaged: 'น้ํา', clean: 'น้ำ' },
  // spaces before marks
  { rule: 'space-before-mark', damaged: 'ถ ึง', clean: 'ถึง' },
  { rule: 'space-before-mark', damaged: 'ท ั ้ง', clean: 'ทั้ง' },
  // mark order
  { rule: 'tone-vowel-order', damaged: 'เพ่ือ', clean: 'เพื่อ' },
  { rule: 'tone-vowel-order', damaged: 'ม่ันคง', clean: 'มั่นคง' },
  { rule: 'tone-vowel-order', damaged: 'พ้ืน', clean: 'พื้น' },
  { rule: 'tone-vowel-order', damaged: 'ซ่ึง', clean: 'ซึ่ง' },
  { rule: 'tone-vowel-order', damaged: 'วันท่ี', clean: 'วันที่' },
  { rule: 'follow-vowel-tone-order', damaged: 'กา่', clean: 'ก่า' },
  { rule: 'follow-vowel-tone-order', damaged: 'คำ่คืน', clean: 'ค่ำคืน' },
  // NFC (never NFKC: ำ stays one character)
  { rule: 'nfc', damaged: 'Cafe\u0301 ค่ำ', clean: 'Café ค่ำ' },
  // duplicates
  { rule: 'doubled-mark', damaged: 'ข้้้อความ', clean: 'ข้อความ' },
  { rule: 'sara-e-doubled', damaged: 'เเมว', clean: 'แมว' },
  // U+FFFD
  { rule: 'sara-am-fffd', damaged: 'จ\uFFFDานวน', clean: 'จำนวน' },
  { rule: 'fffd-after-sara-am', damaged: 'ประจำ\uFFFDาปี', clean: 'ประจำปี' },
  { rule: 'fffd-after-sara-am', damaged: 'สำ\uFFFDานัก', clean: 'สำนัก' },
  // digits
  { rule: 'digit-script-mixed', damaged: 'พ.ศ. ๒๕๖6', clean: 'พ.ศ. ๒๕๖๖' },
  // sara am lost, space left: the dictionary decides
  { rule: 'sara-am-space', damaged: 'ส าคัญ', clean: 'สำคัญ' },
  { rule: 'sara-am-space', damaged: 'ต่ าว่า', clean: 'ต่ำว่า' },
  { rule: 'sara-am-space', damaged: 'ต ่าว่า', clean: 'ต่ำว่า' },
  { rule: 'sara-am-space', damaged: 'บทน า', clean: 'บทนำ' },
  { rule: 'sara-am-space', damaged: 'ประชากรจ านวน ๖๔๗ ล้านคน', clean: 'ประชากรจำนวน ๖๔๗ ล้านคน' },
  { rule: 'sara-am-space', damaged: 'เป็นผู้น าในการผลักดัน', clean: 'เป็นผู้นำในการผลักดัน' },
  { rule: 'sara-am-space', damaged: 'ระบบพลังงานน้ าและการบ าบัดน้ าเสีย', clean: 'ระบบพลังงานน้ำและการบำบัดน้ำเสีย' },
  // the same shape that is a stray space: ท่ า is ท่า
  { rule: 'word-split-space', damaged: 'ท่ า', clean: 'ท่า' },
  { rule: 'word-split-space', damaged: 'ท่ านนายกรัฐมนตรี', clean: 'ท่านนายกรัฐมนตรี' },
  // spaces inside words
  { rule: 'word-split-space', damaged: 'ความยั่ งยืน', clean: 'ความยั่งยืน' },
  { rule: 'word-split-space', damaged: 'เข้ าถึ ง', clean: 'เข้าถึง' },
  { rule: 'word-split-space', damaged: 'เมื่ อวาน', clean: 'เมื่อวาน' },
  { rule: 'word-split-space', damaged: 'ทุกค ะแนน', clean: 'ทุกคะแนน' },
  { rule: 'distributed-spacing', damaged: 'ร ะเบี ย บ', clean: 'ระเบียบ' },
  { rule: 'distributed-spacing', damaged: 'ร ะ เ บี ย บ', clean: 'ระเบียบ' },
];

/** Clean text of many kinds that must come back unchanged, edits and all. */
export const CLEAN: string[] = [
  'ค่ำ',
  'ค่า',
  'ค่ำคืนนี้ค่าไฟแพง',
  'นา นำ ทา ทำ',
  'ชาวนาทำนาในฤดูฝน',
  'ก็ ได้ ไม่ ว่า กัน',
  'ให้ไว้ ณ วันที่ 17 มีนาคม พ.ศ. 2566',
  'ท่า ท่าน ท่านั้น',
  'ก ข ค ง',
  'พ.ศ. ๒๕๖๖ หน้า ๑',
  'The quick brown fox — “quoted” text, naïve café, 50 °C, 3×4, © 2024.',
  'Größe, Ça va, Ελληνικά, русский, 中文, 日本語, 한국어, עברית, العربية',
  'const x = a?.b ?? 0; // ok\nfunction f(s: string) { return s.replace(/\\s+/g, " "); }',
  'emoji: 👨\u200D👩\u200D👧 family',
  'สงวนลิขสิทธิ์©2024 ราคา×2 องศา° ±5',
  'https://example.org/path?q=%E0%B8%AA&lang=th',
];
