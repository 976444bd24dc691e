// HTML of the review pages, rendered on the server. Every piece of document text, metadata and
// every attribute value goes through `escapeHtml`: a document is data, never markup (a source
// that says <script> shows "<script>"). The pages carry no inline script or style, so the
// Content-Security-Policy can forbid both.
import type { Block, Document, Entity, Warning } from '../pipeline/model/document.ts';
import type { Decision } from '../pipeline/review/decisions.ts';
import type { Unresolved } from '../pipeline/review/index.ts';
import { ambiguousPlace, entityPlace, placeKey, repairPlace, type Place } from '../pipeline/review/places.ts';
import type { CorpusIndex, CorpusQuery, CorpusRecord } from './corpus.ts';
import { evidenceNote, ruleNote } from './rules.ts';

/** Thai vowels and marks drawn on a base letter. */
const THAI_DEPENDENT = /^[\u0E31\u0E33-\u0E3A\u0E47-\u0E4E]$/u;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/gu, (char) => ESCAPES[char]!);
}

function page(title: string, token: string, body: string, bodyClass: string): string {
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="samut-token" content="${escapeHtml(token)}">
<title>${escapeHtml(title)} · samut review</title>
<link rel="stylesheet" href="/assets/review.css">
<script type="module" src="/assets/review.js"></script>
</head>
<body class="${bodyClass}">
${body}
</body>
</html>
`;
}

// ---------------------------------------------------------------- corpus view

const PAGE_SIZE = 50;

function options(name: string, values: readonly string[], selected: string | undefined, label: string): string {
  const items = values.map((value) => `<option value="${escapeHtml(value)}"${value === selected ? ' selected' : ''}>${escapeHtml(value)}</option>`);
  return `<label>${escapeHtml(label)} <select name="${name}"><option value="">any</option>${items.join('')}</select></label>`;
}

function statusCell(record: CorpusRecord): string {
  const code = record.errorCode ? ` <code title="${escapeHtml(record.errorMessage)}">${escapeHtml(record.errorCode)}</code>` : '';
  return `<span class="status status-${record.status}">${record.status}</span>${code}${record.reviewed ? ' <span class="reviewed-badge">reviewed</span>' : ''}`;
}

function queryString(query: CorpusQuery, pageNumber: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  if (pageNumber > 1) params.set('page', String(pageNumber));
  const text = params.toString();
  return text === '' ? '/' : `/?${text}`;
}

export function renderCorpus(index: CorpusIndex, query: CorpusQuery, found: CorpusRecord[], pageNumber: number, token: string, out: string): string {
  const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, pageNumber), pages);
  const shown = found.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const rows = shown.map(
    (record) => `<tr data-id="${escapeHtml(record.id)}">
<td>${record.id && record.status !== 'failed' ? `<a href="/doc/${escapeHtml(record.id)}">${escapeHtml(record.title)}</a>` : escapeHtml(record.title)}<div class="uri">${escapeHtml(record.uri)}</div></td>
<td>${statusCell(record)}</td><td>${escapeHtml(record.languages.join(', '))}</td>
<td class="num">${record.pages}</td><td class="num">${record.repairs}</td><td class="num">${record.warnings}</td><td class="num">${record.entities}</td></tr>`,
  );
  const nav = `<nav class="pager" aria-label="pages">${current > 1 ? `<a rel="prev" href="${escapeHtml(queryString(query, current - 1))}">← previous</a>` : ''}
<span>page ${current} of ${pages} · ${found.length} of ${index.records.length} documents</span>
${current < pages ? `<a rel="next" href="${escapeHtml(queryString(query, current + 1))}">next →</a>` : ''}</nav>`;
  const body = `<header><h1>samut review</h1><p class="uri">${escapeHtml(out)}</p></header>
<form class="filters" method="get" action="/" role="search">
<label>search <input type="search" name="q" value="${escapeHtml(query.q ?? '')}" placeholder="titles and text ( / )" accesskey="s"></label>
${options('status', ['ok', 'partial', 'failed'], query.status, 'status')}
${options('lang', index.facets.languages, query.lang, 'language')}
${options('warning', index.facets.warningCodes, query.warning, 'warning')}
${options('rule', index.facets.repairRules, query.rule, 'repair rule')}
${options('entity', index.facets.entityIds, query.entity, 'entity id')}
<button type="submit">filter</button> <a href="/">clear</a>
</form>
${nav}
<table class="corpus"><thead><tr><th>title</th><th>status</th><th>languages</th><th>pages</th><th>repairs</th><th>warnings</th><th>entities</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
${nav}`;
  return page('corpus', token, body, 'corpus-view');
}

// ---------------------------------------------------------------- document view

interface Mark {
  start: number;
  end: number;
  html: (inner: string) => string;
}

function decisionNote(decided: Map<string, Decision>, key: string): string {
  const decision = decided.get(key);
  return decision ? ` data-decided="${escapeHtml(decision.decision + (decision.value ? `: ${decision.value}` : ''))}"` : '';
}

function markAttributes(place: Place, decided: Map<string, Decision>, title: string, details: Record<string, string>): string {
  const key = placeKey(place);
  const data = Object.entries(details)
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('');
  return ` tabindex="0" role="button" title="${escapeHtml(title)}" data-place="${escapeHtml(JSON.stringify(place))}" data-key="${escapeHtml(key)}"${data}${decisionNote(decided, key)}`;
}

function entityTitle(entity: Entity): string {
  const names = [entity.name.th, entity.name.en].filter(Boolean).join(' / ');
  return `${entity.type}${entity.id ? ` ${entity.id}` : ''}${names ? `: ${names}` : ''}${entity.value ? ` = ${entity.value}` : ''}`;
}

/** Text of [from, to) of a block with inner marks (repairs, ambiguous places) and footnote links. */
function renderInner(block: Block, from: number, to: number, inner: Mark[], refsAt: Map<number, string>, lastRange: boolean): string {
  let html = '';
  let cursor = from;
  // A footnote mark sits before the character at its offset.
  const text = (a: number, b: number) => {
    let result = '';
    let run = a;
    for (let i = a; i < b; i++) {
      const ref = refsAt.get(i);
      if (ref) {
        result += escapeHtml(block.text.slice(run, i)) + ref;
        run = i;
      }
    }
    return result + escapeHtml(block.text.slice(run, b));
  };
  for (const mark of inner) {
    const start = Math.max(mark.start, from);
    const end = Math.min(mark.end, to);
    if (end < start || start < cursor || (end === start && mark.start !== mark.end)) continue;
    html += text(cursor, start) + mark.html(text(start, end));
    cursor = end;
  }
  html += text(cursor, to);
  if (lastRange) html += refsAt.get(block.text.length) ?? '';
  return html;
}

function renderBlockText(document: Document, block: Block, decided: Map<string, Decision>, ambiguous: Warning[]): string {
  const refsAt = new Map<number, string>();
  for (const ref of block.refs ?? []) {
    const link = ref.note ? `<a class="fnref" href="#${escapeHtml(ref.note)}" title="footnote ${escapeHtml(ref.label)}">${escapeHtml(ref.label)}</a>` : `<sup class="fnref">${escapeHtml(ref.label)}</sup>`;
    refsAt.set(ref.offset, (refsAt.get(ref.offset) ?? '') + link);
  }
  const inner: Mark[] = [];
  for (const edit of block.edits ?? []) {
    const place = repairPlace(block, edit);
    // A mark that starts with a Thai vowel or tone is drawn with its base letter: alone it would
    // show on a dotted circle, and a one-mark highlight is too thin to see.
    let start = edit.offset;
    while (start > 0 && start > edit.offset - 3 && THAI_DEPENDENT.test(block.text[start] ?? '')) start--;
    const lead = block.text.slice(start, edit.offset);
    const rejected = edit.rejected !== undefined;
    const rule = rejected ? `review (rejected ${edit.rejected})` : edit.rule;
    const title = `${rule}: "${edit.before}" → "${edit.after}"`;
    inner.push({
      start,
      end: edit.offset + edit.after.length,
      html: (content) =>
        `<mark class="rep${rejected ? ' rep-rejected' : edit.rule === 'review' ? ' rep-review' : ''}${edit.after === '' ? ' rep-empty' : ''}"${markAttributes(place, decided, title, {
          kind: 'repair',
          rule,
          lead,
          before: edit.before,
          after: edit.after,
          evidence: edit.evidence ? evidenceNote(edit.evidence) : ruleNote(edit.rejected ?? edit.rule),
        })}>${content}</mark>`,
    });
  }
  for (const warning of ambiguous) {
    if (warning.offset === undefined || warning.offset < block.start || warning.offset >= block.end) continue;
    const found = ambiguousPlace(document, warning.offset);
    if (!found || found.place.kind !== 'ambiguous') continue;
    const length = found.place.text.length;
    const start = warning.offset - block.start;
    inner.push({
      start,
      end: start + length,
      html: (content) =>
        `<mark class="amb"${markAttributes(found.place, decided, `thai-ambiguous: ${warning.message}`, {
          kind: 'ambiguous',
          readings: JSON.stringify(found.readings),
          message: warning.message,
        })}>${content}</mark>`,
    });
  }
  inner.sort((a, b) => a.start - b.start);
  // Entities are the outer layer; one that overlaps the one before it is shown inside the panel list only.
  const outer = document.entities.filter((entity) => entity.start >= block.start && entity.end <= block.end).sort((a, b) => a.start - b.start);
  let html = '';
  let cursor = 0;
  for (const entity of outer) {
    const start = entity.start - block.start;
    const end = entity.end - block.start;
    if (start < cursor) continue;
    html += renderInner(block, cursor, start, inner, refsAt, false);
    const place = entityPlace(document, entity);
    const attributes = place
      ? markAttributes(place, decided, entityTitle(entity), {
          kind: 'entity',
          type: entity.type,
          id: entity.id ?? '',
          th: entity.name.th ?? '',
          en: entity.name.en ?? '',
          value: entity.value ?? '',
        })
      : '';
    html += `<span class="ent ent-${escapeHtml(entity.type)}"${attributes}>${renderInner(block, start, end, inner, refsAt, false)}</span>`;
    cursor = end;
  }
  html += renderInner(block, cursor, block.text.length, inner, refsAt, true);
  return html;
}

function bboxAttribute(block: Block): string {
  return block.bbox ? ` data-bbox="${[block.bbox.x0, block.bbox.y0, block.bbox.x1, block.bbox.y1].join(',')}"` : '';
}

function renderBlock(document: Document, block: Block, decided: Map<string, Decision>, ambiguous: Warning[]): string {
  const label = block.label ? `<span class="label">${escapeHtml(block.label)}</span> ` : '';
  const meta = `${block.id} · ${block.type}${block.level ? ` ${block.level}` : ''}${block.page ? ` · p. ${block.page}` : ''}${block.origin ? ` · ${block.origin}` : ''}${block.confidence !== undefined ? ` · ${block.confidence.toFixed(2)}` : ''} · ${block.lang}`;
  return `<section class="block block-${escapeHtml(block.type)}" id="${escapeHtml(block.id)}" lang="${block.lang === 'en' ? 'en' : 'th'}"${block.page ? ` data-page="${block.page}"` : ''}${bboxAttribute(block)}>
<div class="block-meta">${escapeHtml(meta)}</div>
<div class="block-text">${label}${renderBlockText(document, block, decided, ambiguous)}</div>
</section>`;
}

export interface DocumentViewSource {
  /** How the page image is shown: pdf.js, an <img>, or not at all. */
  viewer: 'pdf' | 'image' | null;
  available: boolean;
}

function placeSummary(place: Place): string {
  switch (place.kind) {
    case 'repair':
      return `${place.rule} "${place.before}" → "${place.after}" in ${place.block}`;
    case 'ambiguous':
      return `"${place.text}" in ${place.block}`;
    case 'entity':
      return `${place.type} "${place.text}" in ${place.block}`;
    case 'document':
      return 'the document';
  }
}

/** The reviewer's decisions on this document, and those the last build could not place. */
function renderDecisions(decisions: readonly Decision[], unresolved: readonly Unresolved[]): string {
  const gone = new Map(unresolved.map((item) => [placeKey(item.place), item.reason]));
  const items = decisions.map((decision) => {
    const reason = gone.get(placeKey(decision.place));
    const state = reason ? `<span class="unresolved">not applied: ${escapeHtml(reason)}</span>` : '';
    return `<li><b>${escapeHtml(decision.decision)}${decision.value ? `: ${escapeHtml(decision.value)}` : ''}</b> ${escapeHtml(placeSummary(decision.place))} <span class="where">${escapeHtml(decision.time)}</span> ${state}</li>`;
  });
  return `<section class="decisions"><h2>decisions</h2><ul>${items.join('') || '<li>none</li>'}</ul><p class="hint">a decision is applied by the next samut build</p></section>`;
}

export function renderDocument(document: Document, record: CorpusRecord | undefined, decisions: readonly Decision[], source: DocumentViewSource, token: string, unresolved: readonly Unresolved[] = []): string {
  const decided = new Map(decisions.map((decision) => [placeKey(decision.place), decision]));
  const ambiguous = document.warnings.filter((warning) => warning.code === 'thai-ambiguous');
  const blocks = document.blocks.map((block) => renderBlock(document, block, decided, ambiguous)).join('\n');
  const warningItems = document.warnings.map((warning) => {
    const block = warning.offset !== undefined ? document.blocks.find((b) => warning.offset! >= b.start && warning.offset! <= b.end) : undefined;
    const where = [warning.page ? `p. ${warning.page}` : '', warning.offset !== undefined ? `offset ${warning.offset}` : '', warning.stage ?? ''].filter(Boolean).join(' · ');
    const link = block ? ` <a href="#${escapeHtml(block.id)}">${escapeHtml(block.id)}</a>` : '';
    return `<li><code>${escapeHtml(warning.code)}</code> ${escapeHtml(warning.message)} <span class="where">${escapeHtml(where)}</span>${link}</li>`;
  });
  const furniture = document.furniture.map((item) => `<li><span class="where">p. ${item.page} · ${escapeHtml(item.kind)}</span> ${escapeHtml(item.text)}</li>`);
  const metadata = Object.entries(document.metadata)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd>`);
  const entityTypes = [...new Set(document.entities.map((entity) => entity.type))].map((type) => `<span class="ent ent-${escapeHtml(type)}">${escapeHtml(type)}</span>`);
  const repairs = document.repairs.map((repair) => `<li><code>${escapeHtml(repair.rule)}</code> ${repair.count}</li>`);
  const reviewedPlace = { kind: 'document' } as const;
  const viewer =
    source.viewer && source.available
      ? `<div class="viewer" id="viewer" data-kind="${source.viewer}" data-src="/source/${escapeHtml(document.id)}" data-pages="${document.metadata.pageCount ?? 1}">
<div class="viewer-bar"><button type="button" data-page-step="-1" aria-label="previous page">←</button> <span class="viewer-page">page <span id="page-number">1</span> of ${document.metadata.pageCount ?? 1}</span> <button type="button" data-page-step="1" aria-label="next page">→</button></div>
<div class="page-frame" id="page-frame"><div class="page-outlines" id="page-outlines"></div></div></div>`
      : source.viewer
        ? `<div class="viewer viewer-missing">the source file is not available here (${escapeHtml(document.source.uri)})</div>`
        : '';
  const body = `<header class="doc-header">
<nav><a href="/" accesskey="c">← corpus</a></nav>
<h1>${escapeHtml(document.title ?? document.source.uri)}</h1>
<p class="uri">${escapeHtml(document.source.uri)} · ${escapeHtml(document.source.mediaType)} · ${escapeHtml(document.languages.join(', '))} · <code>${escapeHtml(document.id)}</code>${record ? ` · ${escapeHtml(record.status)}` : ''}</p>
<p class="doc-actions"><button type="button" id="mark-reviewed" data-place="${escapeHtml(JSON.stringify(reviewedPlace))}" data-key="document"${document.reviewed ? ' data-reviewed="true"' : ''}${decisionNote(decided, 'document')}>${document.reviewed ? 'reviewed ✓' : 'mark reviewed'}</button>
<span class="keys">keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous mark · <kbd>r</kbd> reject · <kbd>a</kbd> accept · <kbd>x</kbd> remove entity · <kbd>1</kbd>/<kbd>2</kbd> reading · <kbd>Enter</kbd> show on page · <kbd>[</kbd>/<kbd>]</kbd> page</span></p>
<p class="legend">${entityTypes.join(' ')}</p>
</header>
<main class="doc-main${viewer ? ' with-viewer' : ''}" data-doc="${escapeHtml(document.id)}">
${viewer}
<div class="text-pane" id="text-pane">${blocks}</div>
<aside class="side">
<section class="inspector" id="inspector" aria-live="polite"><h2>selected</h2><p class="hint">focus or hover a highlighted place</p></section>
${renderDecisions(decisions, unresolved)}
<section><h2>repairs</h2><ul>${repairs.join('') || '<li>none</li>'}</ul></section>
<section><h2>warnings</h2><ul class="warnings">${warningItems.join('') || '<li>none</li>'}</ul></section>
<section><h2>furniture</h2><ul>${furniture.join('') || '<li>none</li>'}</ul></section>
<section><h2>source</h2><dl>${metadata.join('')}</dl></section>
</aside>
</main>`;
  return page(document.title ?? document.id, token, body, 'document-view');
}

export function renderMessage(status: number, message: string, token: string): string {
  return page(String(status), token, `<header><nav><a href="/">← corpus</a></nav><h1>${status}</h1><p>${escapeHtml(message)}</p></header>`, 'message-view');
}
