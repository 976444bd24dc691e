// Source patches to pdfjs-dist 5.6.205 (pinned), applied by raw-pdfjs-hooks.mjs as the files load.
// pdf.js is built for browsers that render; samut reads text in the thread that runs pdf.js'
// "worker" code, and two things pdf.js does for rendering cost a third of the extractor's time:
// - every message between its API and its worker code is structured-cloned, although both run in
//   this thread: operator lists (one glyph object per drawn glyph) are copied on every page;
// - with font faces off (no DOM in Node) the worker compiles an outline for every glyph it meets
//   and sends it over, for a canvas that text extraction never draws;
// - compressed streams go through web streams and a thread-pool round trip each, where one call
//   to Node's zlib does.
// Each patch replaces text that must occur exactly once in the file; a file whose text differs
// (another pdf.js version) loads unpatched, which is only slower, never different.
// Plain JavaScript: module hooks load it without a TypeScript loader.

/** @typedef {{ file: string, why: string, find: string, replace: string }} PdfJsPatch */

/** @type {readonly PdfJsPatch[]} */
export const PDFJS_PATCHES = [
  {
    file: 'legacy/build/pdf.mjs',
    why: 'operator-list chunks cross the in-thread port by reference; the sender empties its two arrays after sending, so those are copied',
    find: `    const event = {
      data: structuredClone(obj, transfer ? {
        transfer
      } : null)
    };`,
    replace: `    const chunk = obj?.chunk;
    const event = {
      data: Array.isArray(chunk?.fnArray) && Array.isArray(chunk?.argsArray) ? {
        ...obj,
        chunk: { ...chunk, fnArray: chunk.fnArray.slice(), argsArray: chunk.argsArray.slice() }
      } : structuredClone(obj, transfer ? {
        transfer
      } : null)
    };`,
  },
  {
    file: 'legacy/build/pdf.mjs',
    why: 'getDocument({ samutTextOnly: true }) reaches the worker code with the evaluator options',
    find: `    evaluatorOptions: {
      maxImageSize,`,
    replace: `    evaluatorOptions: {
      samutTextOnly: src.samutTextOnly === true,
      maxImageSize,`,
  },
  {
    file: 'legacy/build/pdf.worker.mjs',
    why: 'a document opened for its text only gets no glyph outlines',
    find: `state.strokeColorSpace.name === "Pattern" || font.disableFontFace) {`,
    replace: `state.strokeColorSpace.name === "Pattern" || font.disableFontFace && !this.options.samutTextOnly) {`,
  },
  {
    file: 'legacy/build/pdf.worker.mjs',
    why: "Flate and Brotli streams are inflated by Node's zlib in one call instead of through a DecompressionStream (web streams, promises, a thread-pool round trip per stream), never past samut's stream budget (globalThis.samutMaxStreamBytes: a flate bomb stops there); on other failures pdf.js falls back to its own decoder, as before",
    find: `    const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();
    try {
      const {
        readable,
        writable
      } = new DecompressionStream(name);`,
    replace: `    const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();
    const zlib = globalThis.process?.getBuiltinModule?.("node:zlib");
    if (zlib) {
      try {
        const maxOutputLength = globalThis.samutMaxStreamBytes ?? zlib.constants.kMaxLength;
        const inflated = name === "brotli" ? zlib.brotliDecompressSync(bytes, { maxOutputLength }) : zlib.inflateSync(bytes, { maxOutputLength });
        return {
          decompressed: new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength),
          compressed: bytes
        };
      } catch (error) {
        if (error?.code === "ERR_BUFFER_TOO_LARGE") {
          globalThis.samutStreamsTooLarge = (globalThis.samutStreamsTooLarge ?? 0) + 1;
          throw new Error(\`samut-stream-too-large: a \${name} stream inflates past \${globalThis.samutMaxStreamBytes} bytes\`);
        }
        return {
          decompressed: null,
          compressed: bytes
        };
      }
    }
    try {
      const {
        readable,
        writable
      } = new DecompressionStream(name);`,
  },
  {
    file: 'legacy/build/pdf.worker.mjs',
    why: "pdf.js' own decoders (Flate, LZW, ASCII85...) grow one buffer per stream with no limit, outside the capped V8 heap: a 6 MB flate bomb took 5 GB. No stream may grow past globalThis.samutMaxStreamBytes",
    find: `  ensureBuffer(requested) {
    const buffer = this.buffer;
    if (requested <= buffer.byteLength) {
      return buffer;
    }`,
    replace: `  ensureBuffer(requested) {
    const buffer = this.buffer;
    if (requested <= buffer.byteLength) {
      return buffer;
    }
    if (requested > (globalThis.samutMaxStreamBytes ?? Infinity)) {
      globalThis.samutStreamsTooLarge = (globalThis.samutStreamsTooLarge ?? 0) + 1;
      throw new Error(\`samut-stream-too-large: a stream decodes past \${globalThis.samutMaxStreamBytes} bytes\`);
    }`,
  },
  {
    file: 'legacy/build/pdf.worker.mjs',
    why: 'an image over maxImageSize is dropped by pdf.js with only a console warning; a marked-content tag in the operator list lets the OCR renderer see that the page lost an image, and say so',
    find: `    if (maxImageSize !== -1 && w * h > maxImageSize) {
      const msg = "Image exceeded maximum allowed size and was removed.";`,
    replace: `    if (maxImageSize !== -1 && w * h > maxImageSize) {
      if (!this.options.samutTextOnly) {
        operatorList.addOp(OPS.beginMarkedContent, [\`samut-image-removed \${w}x\${h}\`]);
        operatorList.addOp(OPS.endMarkedContent, null);
      }
      const msg = "Image exceeded maximum allowed size and was removed.";`,
  },
];

/**
 * The source of `file` (a path inside pdfjs-dist) with its patches applied, and the patches that
 * did not apply (their text was not found exactly once).
 * @param {string} file
 * @param {string} source
 * @returns {{ source: string, missed: PdfJsPatch[] }}
 */
export function patchPdfJs(file, source) {
  const missed = [];
  let patched = source;
  for (const patch of PDFJS_PATCHES) {
    if (!file.endsWith(patch.file)) continue;
    const first = patched.indexOf(patch.find);
    if (first === -1 || patched.indexOf(patch.find, first + 1) !== -1) {
      missed.push(patch);
      continue;
    }
    patched = patched.slice(0, first) + patch.replace + patched.slice(first + patch.find.length);
  }
  return { source: patched, missed };
}
