// samut review, in the browser. Everything shown from a document is set with textContent, never
// as HTML; the server already escaped what it rendered. Changes go to POST /api/decisions with
// the session token from the page's <meta>.
const token = document.querySelector('meta[name="samut-token"]')?.content ?? '';

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

// ------------------------------------------------------------------ corpus view
const filters = document.querySelector('form.filters');
if (filters) {
  for (const select of filters.querySelectorAll('select')) select.addEventListener('change', () => filters.requestSubmit());
  document.addEventListener('keydown', (event) => {
    if (event.key === '/' && document.activeElement?.tagName !== 'INPUT') {
      event.preventDefault();
      filters.querySelector('input[name="q"]')?.focus();
    }
  });
}

// ------------------------------------------------------------------ document view
const main = document.querySelector('main.doc-main');
if (main) {
  const docId = main.dataset.doc;
  const inspector = document.getElementById('inspector');
  const marks = [...document.querySelectorAll('#text-pane [data-place]')];
  let current = null;
  let viewer = null;
  const viewerElement = document.getElementById('viewer');
  const viewerReady = viewerElement ? import('/assets/viewer.js').then((module) => (viewer = module.startViewer(viewerElement, showBlock))) : Promise.resolve(null);

  function blockOf(node) {
    return node?.closest('section.block') ?? null;
  }

  async function showOnPage(block) {
    for (const other of document.querySelectorAll('section.block.current')) other.classList.remove('current');
    block.classList.add('current');
    await viewerReady;
    if (viewer && block.dataset.page) await viewer.show(Number(block.dataset.page), block.id);
  }

  // From the page: the block an outline stands for.
  function showBlock(id) {
    const block = document.getElementById(id);
    if (!block) return;
    for (const other of document.querySelectorAll('section.block.current')) other.classList.remove('current');
    block.classList.add('current');
    block.scrollIntoView({ block: 'center' });
    const first = block.querySelector('[data-place]');
    (first ?? block).focus({ preventScroll: true });
  }

  async function decide(target, decision, value, name) {
    const status = inspector.querySelector('.status-line') ?? inspector.appendChild(element('p', '', 'status-line'));
    try {
      const response = await fetch('/api/decisions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-samut-token': token },
        body: JSON.stringify({ doc: docId, place: JSON.parse(target.dataset.place), decision, value, name }),
      });
      const result = await response.json();
      if (!result.ok) throw new Error(result.error);
      const label = decision + (value ? `: ${value}` : '');
      for (const node of document.querySelectorAll('[data-key]')) if (node.dataset.key === target.dataset.key) node.dataset.decided = label;
      status.className = 'status-line saved';
      status.textContent = `saved (${label}); the next samut build applies it`;
    } catch (error) {
      status.className = 'status-line error';
      status.textContent = `not saved: ${error.message}`;
    }
  }

  function button(text, action) {
    const node = element('button', text);
    node.type = 'button';
    node.addEventListener('click', action);
    return node;
  }

  function inspect(target) {
    current = target;
    inspector.replaceChildren(element('h2', 'selected'));
    const data = target.dataset;
    if (data.kind === 'repair') {
      inspector.append(element('p', `repair: ${data.rule}`));
      const change = element('p', '', 'change');
      change.append(element('span', data.lead + data.before), ' → ', element('span', data.lead + data.after));
      inspector.append(change, element('p', `evidence: ${data.evidence}`, 'hint'));
      if (!data.rule.startsWith('review')) inspector.append(button('reject (r)', () => decide(target, 'reject')), button('accept (a)', () => decide(target, 'accept')));
      else inspector.append(button('undo the rejection (a)', () => decide(target, 'accept')));
    } else if (data.kind === 'ambiguous') {
      inspector.append(element('p', 'thai-ambiguous: nothing decided this place'), element('p', data.message, 'hint'), element('p', 'choose the reading:'));
      for (const [i, reading] of JSON.parse(data.readings).entries()) inspector.append(button(`${reading} (${i + 1})`, () => decide(target, 'reading', reading)));
    } else if (data.kind === 'entity') {
      inspector.append(element('p', `${data.type}${data.id ? ` · ${data.id}` : ''}`));
      if (data.th || data.en) inspector.append(element('p', [data.th, data.en].filter(Boolean).join(' / ')));
      if (data.value) inspector.append(element('p', `ISO: ${data.value}`));
      const field = (placeholder) => {
        const input = element('input');
        input.placeholder = placeholder;
        input.setAttribute('aria-label', placeholder);
        return input;
      };
      const id = field('new id, e.g. TH-40');
      const th = field('Thai name (optional)');
      const en = field('English name (optional)');
      const change = () => id.value.trim() && decide(target, 'set-id', id.value.trim(), { th: th.value, en: en.value });
      inspector.append(button('remove (x)', () => decide(target, 'remove')), element('br'), id, th, en, button('change id', change));
    }
    if (data.decided) inspector.append(element('p', `decided: ${data.decided}`, 'status-line saved'));
  }

  for (const mark of marks) {
    mark.addEventListener('focus', () => inspect(mark));
    mark.addEventListener('mouseenter', () => inspect(mark));
  }
  document.getElementById('text-pane')?.addEventListener('click', (event) => {
    const mark = event.target.closest('[data-place]');
    if (mark) mark.focus();
    const block = blockOf(event.target);
    if (block) showOnPage(block);
  });
  const reviewed = document.getElementById('mark-reviewed');
  reviewed?.addEventListener('click', () => decide(reviewed, 'reviewed'));

  document.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey) return;
    const at = marks.indexOf(document.activeElement);
    const focusMark = (index) => {
      const mark = marks[Math.max(0, Math.min(marks.length - 1, index))];
      if (!mark) return;
      mark.focus();
      mark.scrollIntoView({ block: 'center' });
      const block = blockOf(mark);
      if (block) showOnPage(block);
    };
    if (event.key === 'j') focusMark(at + 1);
    else if (event.key === 'k') focusMark(at < 0 ? 0 : at - 1);
    else if (event.key === 'Enter' && at >= 0) showOnPage(blockOf(marks[at]));
    else if (event.key === 'r' && current?.dataset.kind === 'repair') decide(current, 'reject');
    else if (event.key === 'a' && current?.dataset.kind === 'repair') decide(current, 'accept');
    else if (event.key === 'x' && current?.dataset.kind === 'entity') decide(current, 'remove');
    else if (/^[1-9]$/u.test(event.key) && current?.dataset.kind === 'ambiguous') {
      const reading = JSON.parse(current.dataset.readings)[Number(event.key) - 1];
      if (reading) decide(current, 'reading', reading);
    }
    else if ((event.key === '[' || event.key === ']') && viewer) viewer.step(event.key === ']' ? 1 : -1);
    else return;
    event.preventDefault();
  });
}
