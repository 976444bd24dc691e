// Every threshold and pattern the HTML stage uses, in one place, with the reason for each.
import { HAS_THAI, THAI_CHAR as THAI_CHAR_RANGE, THAI_LETTER } from '../../shared/thai.ts';

/** Bytes of the document the <meta charset> prescan reads (the HTML standard says 1024; saved
 * pages often put a long comment or script first, so read more). */
export const META_PRESCAN_BYTES = 8192;

/** UTF-8 with broken sequences is still UTF-8 while replacement characters stay at most this
 * share of its non-ASCII characters (single-byte text read as UTF-8 breaks almost everywhere). */
export const BROKEN_UTF8_MAX_SHARE = 0.02;

/** Labels that say "single-byte Western" and are often put on TIS-620 pages or UTF-8 pages. */
export const WESTERN_SINGLE_BYTE = new Set(['windows-1252', 'iso-8859-1', 'us-ascii', 'iso-8859-15']);

/** Canonical name of the Thai single-byte encoding (TIS-620 and ISO-8859-11 are its subsets). */
export const THAI_SINGLE_BYTE = 'windows-874';

/** Share of high bytes (≥0x80) that sit next to another high byte, above which single-byte
 * text is Thai rather than Western: Thai words are runs of high bytes, while Western text has
 * an accented letter here and there between ASCII letters. */
export const THAI_HIGH_BYTE_ADJACENCY = 0.6;
/** Share of high bytes that must fall in TIS-620's Thai range (0xA1–0xFB) to call it Thai. */
export const THAI_RANGE_SHARE = 0.9;

/** Share of Thai vowel and tone marks that must follow a consonant or another mark. */
export const THAI_SEATED_MARK_SHARE = 0.9;

/** UTF-8 Thai read as windows-1252/latin-1 shows up as "à¸" or "à¹" followed by one more char. */
export const UTF8_THAI_MOJIBAKE = /(?:\u00e0[\u00b8\u00b9][\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122])+/g;
/** TIS-620 bytes read as latin-1: runs of chars in U+00A1–U+00FB. Four or more in a row is
 * not a Western word (those mix accented letters with ASCII ones). */
export const TIS620_MOJIBAKE_RUN = /[\u00a1-\u00fb]{4,}/g;
/** A decoded run is accepted as Thai when this share of it is Thai letters and marks. */
export const THAI_DECODE_SHARE = 0.95;

export const THAI_CHAR = HAS_THAI;
export const THAI_LETTERS = new RegExp(`[${THAI_LETTER}]`, 'gu');
export const LATIN_LETTERS = /[A-Za-z\u00C0-\u024F]/gu;

/** Elements that never hold article text. */
/** (Not <form>: ASP.NET pages wrap the whole page in one.) */
export const NEVER_CONTENT_TAGS = [
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'button',
  'input', 'select', 'textarea', 'nav', 'dialog', 'link', 'meta',
];
/** ARIA roles of page furniture. */
export const FURNITURE_ROLES = ['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'menu', 'menubar'];

/** id/class words of boilerplate containers removed before scoring: cookie banners, share
 * bars, comment sections, newsletter boxes, related links. Matched as whole words in the
 * class or id, so "shared-memory" or "commentary" are not hit. */
export const BOILERPLATE_NAME =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|cookie-?banner|share|sharing|social|sharedaddy|addtoany|a2a|sociable|comments?|comment-?(?:list|form|respond|section)|respond|disqus|wpdiscuz|wpd-[a-z-]+|newsletter|subscribe|subscription|related|recommended|read-?more|more-?stories|outbrain|taboola|breadcrumbs?|skip-?link|screen-reader-text|sr-only|visually-hidden|advert(?:isement)?|ads?|ad-?slot|sponsored|promo|popup|modal|paywall|tags|tag-?list|author-?(?:bio|box|info|card|details)|about-?(?:the-?)?author|bylines?|tooltip|popover|hovercard|rollover(?:-[a-z]+)*|post-?navigation|pagination|toolbar|sidebar|widgets?|carousel|swiper|trending|most-?popular|popular|rail)(?:$|[\s_-])/i;

/** Text of a block that is page furniture whatever container it sits in. Anchored: a block
 * that only says this. */
export const BOILERPLATE_TEXT = [
  /^(?:press "?enter"? to )?skip to (?:main )?content$/i,
  /^notify of$/i,
  /^\d*\s*inline feedbacks?$/i,
  /^view all comments$/i,
  /^(?:leave|post|add|write) a (?:reply|comment)\b/i,
  /^\d+\s+comments?$/i,
  /^(?:share|share this|share on \w+|share this (?:article|story|post)|tweet|email|print|whatsapp|facebook|twitter|linkedin|pinterest|reddit|copy link)$/i,
  /^(?:related|related (?:articles|posts|stories|news)|you (?:may|might) also like|read (?:more|also|next)|recommended(?: for you)?|more from [\w\s]+|trending(?: now)?|most (?:read|popular))\s*[:.…]*$/i,
  /^(?:sign up|subscribe) (?:for|to) (?:our|the) (?:\w+ )?newsletter\b/i,
  /^(?:we use cookies|this (?:web)?site uses cookies)\b/i,
  /^(?:advert|advertisement|advertising|sponsored(?: content)?|continue reading(?: below)?|story continues below(?: advertisement)?)$/i,
  /^comments?$|^tell us what you think\b/i,
  /^(?:don'?t miss|must read|read next|more on this (?:story|topic)|see also|top stories|latest news|editor'?s picks)\s*:?$/i,
  /\bfollow (?:us|him|her|me|them) on (?:twitter|facebook|instagram|linkedin)\b|^join our \w+ (?:forums?|community)\b/i,
  /\b(?:requires|enable) javascript\b/i,
  /^image copyright\b/i,
  /\baffiliate (?:and\/or referral )?links?\b/i,
  /^(?:sign in|log in|login|sign up|register|subscribe|close|caption|menu|search|previous|next|back to top|print|e-?mail|more|highlights|breaking news|about the author|loading(?: content)?\s*\.*|image \d+ of \/? ?\d*|\d+ of \d+)\s*:?$/i,
  /^(?:filed under|posted in|categories|tags|source|sources|reading time)\s*:|^\d+\s*min(?:ute)?s? read$/i,
  // "Advertisement" in the languages of the region and of the benchmark's pages.
  /^(?:iklan|quảng cáo|โฆษณา|publicidade|publicidad|anzeige|werbung|publicité|pubblicità)$/iu,
  /\bsubscribe\b.*\bnewsletters?\b|\bnewsletters?\b.*\bsubscribe\b/i,
  /^(?:©|\(c\)\s|copyright\b)/i,
  /\ball rights reserved\b|\bsubject to copyright\b|สงวนลิขสิทธิ์/iu,
  /^(?:แชร์|แบ่งปัน|อ่านต่อ|ข่าวที่เกี่ยวข้อง|บทความที่เกี่ยวข้อง|แสดงความคิดเห็น|ความคิดเห็น|โฆษณา)\s*:?$/u,
];

/** A container with a boilerplate name is kept when it holds more than this share of the
 * text around it: then the name is a styling accident ("entry-content-read-more"). */
export const MAX_BOILERPLATE_SHARE = 0.5;

/** A paragraph that is a photo caption by its credit line: it becomes a caption block. */
export const PHOTO_CREDIT = /(?:\((?:[\w .]+ )?(?:photo|image|picture|pic)s?(?:\s*(?:by|credit))?\s*[:/][^)]*\)|\bcredits?:\s*[^.]{2,60}|\bphotograph: [^.]{2,60})\s*$/i;
/** Caption paragraphs are short. */
export const PHOTO_CREDIT_MAX_CHARS = 400;
/** Caption lines that say so ("Image caption …", "Photo: …"), and bare agency credit lines. */
export const CAPTION_LINE = /^(?:image|photo|picture) caption\b|^(?:photo|image|picture|credit)s?:\s*\S/i;
export const AGENCY_CREDIT = /\b(?:getty images|shutterstock|afp|reuters|associated press|ap photo|epa|bloomberg)\b/i;
/** An agency credit line is short; a paragraph that names Reuters is news. */
export const AGENCY_CREDIT_MAX_CHARS = 80;

/** Bylines and date lines: the author and dates go to the metadata, not the text. */
export const BYLINE_TEXT = [
  /^[Bb][Yy]\s+\p{Lu}/u,
  /^(?:first )?(?:published|posted|updated|last updated|modified)(?: on| at)?\b/i,
  /^(?:โดย|เผยแพร่|ปรับปรุง|อัปเดต)/u,
];
/** A date line ("Nov. 20, 2019 6:02 AM EST", "19.11.2019, 08:57"): a short block with a year
 * and few words besides. */
export const DATE_LINE_YEAR = /\b(?:19|20)\d{2}\b|\b(?:25[0-9]{2})\b/;
export const DATE_LINE_MAX_CHARS = 60;
export const DATE_LINE_MAX_WORDS = 8;
/** Words a date line may hold besides numbers: month and day names, time-zone abbreviations,
 * linking words (English, and the Portuguese/Spanish "de", "às", "el"). */
export const DATE_LINE_WORDS =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|am|pm|a\.m|p\.m|utc|gmt|est|edt|pst|pdt|cet|ict|at|on|de|às|um|el)$/i;

/** How far into the article a heading that repeats the title or the description is looked for. */
export const TITLE_HEADING_SEARCH_BLOCKS = 3;

/** Bylines are short: a longer block that starts "By …" is a sentence. */
export const BYLINE_MAX_CHARS = 100;
/** Blocks with no letters and at most this many characters (a gallery count "6", a "|") are
 * not text. */
export const NO_LETTER_BLOCK_MAX_CHARS = 12;
/** Texts of boilerplate blocks (copyright lines) are short; a long paragraph that mentions
 * copyright is article text. */
export const BOILERPLATE_TEXT_MAX_CHARS = 300;

/** A short block whose text is mostly link text is a link list (tags, related, menus). */
export const LINK_DENSITY_MAX = 0.5;
/** Above this link density a block of any length is a link list ("Don't miss: a | b | c"). */
export const LINK_DENSITY_ANY_LENGTH_MAX = 0.8;
/** A block that is nothing but a URL is a leftover of a share widget or a print footer. */
export const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;
/** Punctuation left before a byline or a date line by removed icons and separators. */
export const LEADING_SEPARATORS = /^[\s|·•:\-–—]+/;
/** Blocks longer than this (in characters) are kept whatever their link density: a real
 * paragraph that links a lot is still a paragraph. */
export const LINK_DENSE_BLOCK_MAX_CHARS = 200;

/** What Readability counts as a comma when it scores a paragraph (one point each). Its own
 * list has no Thai: Thai marks clause and sentence breaks with a space, so a space between
 * two Thai characters counts too. Without it a Thai article scores far below comma-rich
 * English next to it (reader comments, an English summary) and is dropped. */
export const THAI_AWARE_COMMAS = new RegExp(`[\\u002C\\u060C\\uFE50\\uFE10\\uFE11\\u2E41\\u2E34\\u2E32\\uFF0C]|(?<=[${THAI_CHAR_RANGE}]) (?=[${THAI_CHAR_RANGE}])`, 'gu');

/** Readability's own cut-off for a usable article, in characters; lowered for Thai, which
 * says in fewer characters what English says in more. */
export const READABILITY_CHAR_THRESHOLD = 250;

/** When Readability's article has fewer words than this, it missed the article (or the page
 * has none), and the cleaned page is used instead. Measured on the web benchmark: a share of
 * the page's words is a worse test, since short news items sit on long pages of teasers. */
export const MIN_ARTICLE_WORDS = 20;

/** Block-level elements: text inside them starts a new block. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'caption', 'html',
]);

/** A table cell with more text than this is a page column, not data. */
export const LAYOUT_CELL_MIN_CHARS = 1000;

/** html lang is checked against the text when the text has at least this many letters. */
export const LANGUAGE_CHECK_MIN_LETTERS = 40;
/** Share of letters in the declared language's script below which the declaration is wrong. */
export const LANGUAGE_CHECK_MIN_SHARE = 0.2;
