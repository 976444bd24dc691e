// Page metadata from <meta> tags, OpenGraph, and JSON-LD. JSON-LD is read here as data and
// never reaches the text.

export interface HtmlMetadata {
  title: string | null;
  author: string | null;
  published: string | null;
  modified: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  declaredLanguage: string | null;
  description: string | null;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /^(?:Article|NewsArticle|BlogPosting|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|Report|ScholarlyArticle|TechArticle|LiveBlogPosting|SocialMediaPosting)$/;
const PAGE_TYPES = /^(?:WebPage|ItemPage|AboutPage|CollectionPage)$/;

function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text.length > 0 ? text : null;
}

function first(...values: (string | null | undefined)[]): string | null {
  for (const value of values) if (value) return value;
  return null;
}

/** Flattens JSON-LD into its nodes: arrays, @graph and nested objects under known keys. */
function jsonLdNodes(document: Document): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const node = value as JsonObject;
    nodes.push(node);
    if (node['@graph']) visit(node['@graph']);
    if (node['mainEntity']) visit(node['mainEntity']);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    const source = script.textContent ?? '';
    try {
      visit(JSON.parse(source));
    } catch {
      // Sites ship JSON-LD with raw newlines inside strings; one retry with them turned to spaces.
      try {
        visit(JSON.parse(source.replace(/[\r\n\t]+/g, ' ')));
      } catch {
        // Unreadable JSON-LD is ignored: the meta tags still give most fields.
      }
    }
  }
  return nodes;
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => name !== null);
    return names.length > 0 ? [...new Set(names)].join(', ') : null;
  }
  if (value && typeof value === 'object') return clean((value as JsonObject)['name']);
  return null;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO 8601. A value already in ISO form is kept as written (its offset says where the page
 * was published); other forms are parsed and given in UTC. */
function toIsoDate(value: string | null): string | null {
  if (!value) return null;
  const text = value.trim();
  if (ISO_DATE_TIME.test(text) && !Number.isNaN(Date.parse(text.replace(' ', 'T')))) return text.replace(' ', 'T');
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  return new Date(time).toISOString();
}

/** Separators sites put between the headline and their name in <title>. */
const TITLE_SEPARATOR = /\s+[|\-–—:·•»]\s+/;

/** "Headline | Site" → "Headline", when the site's name or the headline is known. */
function withoutSiteName(title: string | null, siteName: string | null, h1: string | null): string | null {
  if (!title) return title;
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  // Without a site name, the part that the page's own <h1> repeats is the headline.
  if (h1 && parts.some((part) => part.trim() === h1)) return h1;
  if (!siteName) return title;
  if (parts.at(-1)?.trim() === siteName.trim()) return parts.slice(0, -1).join(' - ');
  if (parts[0]?.trim() === siteName.trim()) return parts.slice(1).join(' - ');
  return title;
}

function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

function resolveUrl(value: string | null, base: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value, base).href;
  } catch {
    return isUrl(value) ? value : null;
  }
}

export function readMetadata(document: Document, baseUrl?: string): HtmlMetadata {
  // One pass over <meta>: the first non-empty content for each name/property/itemprop.
  const metaValues = new Map<string, string>();
  for (const element of document.querySelectorAll('meta')) {
    const name = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? '').toLowerCase();
    const value = clean(element.getAttribute('content'));
    if (name && value && !metaValues.has(name)) metaValues.set(name, value);
  }
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = metaValues.get(key.toLowerCase());
      if (value) return value;
    }
    return null;
  };

  const nodes = jsonLdNodes(document);
  const article = nodes.find((node) => typesOf(node).some((type) => ARTICLE_TYPES.test(type)));
  const page = nodes.find((node) => typesOf(node).some((type) => PAGE_TYPES.test(type)));
  const site = nodes.find((node) => typesOf(node).some((type) => type === 'WebSite' || type === 'Organization' || type === 'NewsMediaOrganization'));
  const ld = article ?? page;

  const metaAuthor = meta('author', 'article:author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author');
  const author = first(
    metaAuthor && !isUrl(metaAuthor) ? metaAuthor.replace(/^by\s+/i, '') : null,
    nameOf(ld?.['author']),
    nameOf(ld?.['creator']),
    clean(document.querySelector('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]')?.textContent),
  );

  const timeElement = (prop: string): string | null => {
    const element = document.querySelector(`[itemprop="${prop}"]`);
    return clean(element?.getAttribute('datetime') ?? element?.getAttribute('content'));
  };

  const siteName = first(meta('og:site_name', 'application-name'), nameOf(ld?.['publisher']), nameOf(site?.['name'] ?? null));
  const h1 = clean(document.querySelector('h1')?.textContent);
  const documentTitle = withoutSiteName(clean(document.querySelector('title')?.textContent), siteName, h1);
  const title = first(
    meta('og:title', 'twitter:title'),
    clean(ld?.['headline']),
    clean(ld?.['name']),
    documentTitle,
    h1,
  );

  const htmlLang = clean(document.documentElement?.getAttribute('lang') ?? document.documentElement?.getAttribute('xml:lang'));
  const httpEquivLang = clean(document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content'));
  const ogLocale = meta('og:locale')?.replace('_', '-') ?? null;

  return {
    title,
    author,
    published: toIsoDate(
      first(
        meta('article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'dc.date.issued', 'dcterms.created'),
        clean(ld?.['datePublished']),
        timeElement('datePublished'),
        clean(document.querySelector('time[pubdate]')?.getAttribute('datetime')),
      ),
    ),
    modified: toIsoDate(
      first(meta('article:modified_time', 'og:updated_time', 'dateModified', 'last-modified', 'dcterms.modified'), clean(ld?.['dateModified']), timeElement('dateModified')),
    ),
    siteName,
    canonicalUrl: first(resolveUrl(clean(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href')), baseUrl), resolveUrl(meta('og:url'), baseUrl)),
    declaredLanguage: first(htmlLang, httpEquivLang, ogLocale, clean(ld?.['inLanguage'])),
    description: first(meta('description', 'og:description', 'twitter:description', 'dc.description'), clean(ld?.['description'])),
  };
}
