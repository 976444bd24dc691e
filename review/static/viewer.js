// The page beside the text: a PDF page drawn by pdf.js (served by samut from the installed
// pdfjs-dist; nothing from a CDN), or an image as it is, with each block's box outlined.
// Clicking an outline shows its block in the text; showing a block outlines it on its page.
export function startViewer(root, onOutline) {
  const frame = root.querySelector('#page-frame');
  const outlines = root.querySelector('#page-outlines');
  const pageNumber = root.querySelector('#page-number');
  const pages = Number(root.dataset.pages) || 1;
  const blocks = [...document.querySelectorAll('section.block[data-bbox]')];
  let shown = 0;
  let pdf = null;
  let canvas = null;
  let rendering = Promise.resolve();

  async function openPdf() {
    const pdfjs = await import('/assets/pdf.min.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = '/assets/pdf.worker.min.mjs';
    return pdfjs.getDocument({
      url: root.dataset.src,
      isEvalSupported: false,
      cMapUrl: '/assets/pdfjs/cmaps/',
      cMapPacked: true,
      standardFontDataUrl: '/assets/pdfjs/standard_fonts/',
      wasmUrl: '/assets/pdfjs/wasm/',
    }).promise;
  }

  function drawOutlines(page, highlight) {
    outlines.replaceChildren();
    for (const block of blocks) {
      if (Number(block.dataset.page) !== page) continue;
      const [x0, y0, x1, y1] = block.dataset.bbox.split(',').map(Number);
      const outline = document.createElement('button');
      outline.type = 'button';
      outline.className = `outline${block.id === highlight ? ' current' : ''}`;
      outline.dataset.block = block.id;
      outline.setAttribute('aria-label', `block ${block.id}`);
      outline.title = block.id;
      outline.style.left = `${x0 * 100}%`;
      outline.style.top = `${y0 * 100}%`;
      outline.style.width = `${(x1 - x0) * 100}%`;
      outline.style.height = `${(y1 - y0) * 100}%`;
      outline.addEventListener('click', () => {
        for (const other of outlines.querySelectorAll('.outline.current')) other.classList.remove('current');
        outline.classList.add('current');
        onOutline(block.id);
      });
      outlines.append(outline);
    }
  }

  async function render(page) {
    if (root.dataset.kind === 'image') {
      if (!canvas) {
        canvas = document.createElement('img');
        canvas.alt = 'the source image';
        canvas.src = root.dataset.src;
        frame.prepend(canvas);
      }
      return;
    }
    pdf ??= await openPdf();
    const pdfPage = await pdf.getPage(page);
    const width = frame.clientWidth || 600;
    const viewport = pdfPage.getViewport({ scale: (width / pdfPage.getViewport({ scale: 1 }).width) * (window.devicePixelRatio || 1) });
    const next = document.createElement('canvas');
    next.width = Math.floor(viewport.width);
    next.height = Math.floor(viewport.height);
    await pdfPage.render({ canvas: next, canvasContext: next.getContext('2d'), viewport }).promise;
    canvas?.remove();
    canvas = next;
    frame.prepend(canvas);
  }

  async function show(page, highlight) {
    const target = Math.max(1, Math.min(pages, page));
    rendering = rendering.then(async () => {
      if (target !== shown) {
        await render(target);
        shown = target;
        pageNumber.textContent = String(target);
        root.dataset.shown = String(target);
      }
      drawOutlines(target, highlight);
      const outline = highlight ? outlines.querySelector(`[data-block="${CSS.escape(highlight)}"]`) : null;
      outline?.scrollIntoView({ block: 'nearest' });
    });
    return rendering;
  }

  for (const stepButton of root.querySelectorAll('[data-page-step]')) stepButton.addEventListener('click', () => show(shown + Number(stepButton.dataset.pageStep)));
  show(1).catch((error) => {
    frame.prepend(Object.assign(document.createElement('p'), { textContent: `the page could not be drawn: ${error.message}` }));
  });
  return { show, step: (delta) => show(shown + delta) };
}
