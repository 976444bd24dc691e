// Source patches to pdfjs-dist 5.6.205 (pinned), applied by raw-pdfjs-hooks.mjs as the files load.
// pdf.js is built for browsers that render; samut reads text in the thread that runs pdf.js'
// "worker" code, and two things pdf.js does for rendering cost a third of the extractor's time:
// - every message between its API and its worker code is structured-cloned, although both run in
//   this thread: operator lists (one glyph object per drawn glyph) are copied on every page;
// - with font faces off (no DOM in Node) the worker compiles an outline for every glyph it meets
//   and sends it over, for a canvas that text extraction never draws;
// - compressed streams go through web streams and a thread-pool round trip each, where one call
//   to Node's zlib does.
// One more is not about speed: where pdf.js stops reading a content stream at an error it only
// logs it; a text-only document gets a marker in its operator list, so extract can warn.
// Each patch replaces text that must occur exactly once in the file; a file whose text differs
// (another pdf.js version) loads unpatched, which is only slower, never different.
// Plain JavaScript: module hooks load it without a TypeScript loader.

/** @typedef {{ file: string, why: string, find: string, replace: string }} PdfJsPatch */

/**
 * After a line where pdf.js' getOperatorList logs an error and goes on, a text-only document's
 * operator list gets `SamutUnreadable` marked content carrying the error (extract/pdf/glyphs.ts).
 * @param {string} why
 * @param {string} find the logging line, whole
 * @param {string} evaluator how the evaluator is named there
 * @returns {PdfJsPatch}
 */
function markUnreadable(why, find, evaluator) {
  const indent = /^ */u.exec(find)?.[0] ?? '';
  const replace = `${find}
${indent}if (${evaluator}.options.samutTextOnly) {
${indent}  operatorList.addOp(OPS.beginMarkedContentProps, ["SamutUnreadable", String(reason)]);
${indent}  operatorList.addOp(OPS.endMarkedContent, null);
${indent}}`;
  return { file: 'legacy/build/pdf.worker.mjs', why, find, replace };
}

/** getOperatorList's text between the two places the paint-only patch below writes to: before
 * its loop (the set of operators to skip) and at the top of the loop (the skip). One patch, so
 * that the loop never reads a set that was not declared. */
const OPERATOR_LOOP = {
  before: `        operatorList.addOp(OPS.restore, []);
      }
    }
`,
  loop: `    return new Promise(function promiseBody(resolve, reject) {
      const next = function (promise) {
        Promise.all([promise, operatorList.ready]).then(function () {
          try {
            promiseBody(resolve, reject);
          } catch (ex) {
            reject(ex);
          }
        }, reject);
      };
      task.ensureNotTerminated();
      timeSlotManager.reset();
      const operation = {};
      let stop, i, ii, cs, name, isValidName;
      while (!(stop = timeSlotManager.check())) {
        operation.args = null;
        if (!preprocessor.read(operation)) {
          break;
        }
        let args = operation.args;
        let fn = operation.fn;
`,
  switch: `        switch (fn | 0) {
          case OPS.paintXObject:`,
};

/** @type {readonly PdfJsPatch[]} */
export const PDFJS_PATCHES = [
  // Loading pdf.js in Node loads @napi-rs/canvas (a native Skia binding, ~0.3 s per thread) for
  // three classes that only drawing uses; text extraction never does. They are made on first use.
  {
    file: 'legacy/build/pdf.mjs',
    why: '@napi-rs/canvas is loaded when a page is first drawn (DOMMatrix, ImageData or Path2D first used), not with pdf.js: a thread that only reads text never loads it (~0.3 s per thread)',
    find: `if (isNodeJS) {
  let canvas;
  try {
    const require = process.getBuiltinModule("module").createRequire(import.meta.url);
    try {
      canvas = require("@napi-rs/canvas");
    } catch (ex) {
      warn(\`Cannot load "@napi-rs/canvas" package: "\${ex}".\`);
    }
  } catch (ex) {
    warn(\`Cannot access the \\\`require\\\` function: "\${ex}".\`);
  }
  if (!globalThis.DOMMatrix) {
    if (canvas?.DOMMatrix) {
      globalThis.DOMMatrix = canvas.DOMMatrix;
    } else {
      warn("Cannot polyfill \`DOMMatrix\`, rendering may be broken.");
    }
  }
  if (!globalThis.ImageData) {
    if (canvas?.ImageData) {
      globalThis.ImageData = canvas.ImageData;
    } else {
      warn("Cannot polyfill \`ImageData\`, rendering may be broken.");
    }
  }
  if (!globalThis.Path2D) {
    if (canvas?.Path2D) {
      globalThis.Path2D = canvas.Path2D;
    } else {
      warn("Cannot polyfill \`Path2D\`, rendering may be broken.");
    }
  }`,
    replace: `if (isNodeJS) {
  let canvas;
  let samutCanvasTried = false;
  const samutCanvas = () => {
    if (samutCanvasTried) {
      return canvas;
    }
    samutCanvasTried = true;
    try {
      const require = process.getBuiltinModule("module").createRequire(import.meta.url);
      try {
        canvas = require("@napi-rs/canvas");
      } catch (ex) {
        warn(\`Cannot load "@napi-rs/canvas" package: "\${ex}".\`);
      }
    } catch (ex) {
      warn(\`Cannot access the \\\`require\\\` function: "\${ex}".\`);
    }
    return canvas;
  };
  for (const name of ["DOMMatrix", "ImageData", "Path2D"]) {
    if (globalThis[name]) {
      continue;
    }
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        const value = samutCanvas()?.[name];
        delete globalThis[name];
        if (value) {
          globalThis[name] = value;
        } else {
          warn(\`Cannot polyfill \\\`\${name}\\\`, rendering may be broken.\`);
        }
        return value;
      },
      set(value) {
        delete globalThis[name];
        globalThis[name] = value;
      }
    });
  }`,
  },
  {
    file: 'legacy/build/pdf.mjs',
    why: "pdf.js' one DOMMatrix made as it loads is made when first used (it would load @napi-rs/canvas with pdf.js)",
    find: `const SCALE_MATRIX = new DOMMatrix();`,
    replace: `let SCALE_MATRIX = null;`,
  },
  {
    file: 'legacy/build/pdf.mjs',
    why: 'the DOMMatrix above, made at its first use',
    find: `    SCALE_MATRIX.a = 1 / scaleX;`,
    replace: `    SCALE_MATRIX ??= new DOMMatrix();
    SCALE_MATRIX.a = 1 / scaleX;`,
  },
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
  // Font programs: pdf.js parses each embedded font (which text needs: its encoding, glyph names
  // and widths decide the Unicode and advance of every glyph) and then rebuilds it as an OpenType
  // file for the browser, with a cmap remapped to private-use code points so that canvas draws
  // the right glyph. A text-only document keeps the parsing and skips the rebuilding: the glyph
  // objects (unicode, width, isSpace) are the same; only `fontChar`, which canvas draws, is not.
  {
    file: 'legacy/build/pdf.worker.mjs',
    why: 'a font of a text-only document knows it is one (the font programs below read it)',
    find: `  constructor(name, file, properties, evaluatorOptions) {`,
    replace: `  constructor(name, file, properties, evaluatorOptions) {
    properties.samutTextOnly = evaluatorOptions?.samutTextOnly === true;`,
  },
  {
    file: 'legacy/build/pdf.worker.mjs',
    why: 'a text-only CFF font is parsed, not compiled back into a font file',
    find: `    this.seacs = this.cff.seacs;
    try {
      this.data = compiler.compile();`,
    replace: `    this.seacs = this.cff.seacs;
    try {
      this.data = properties.samutTextOnly ? new Uint8Array(0) : compiler.compile();`,
  },
  {
    file: 'legacy/build/pdf.worker.mjs',
    why: 'a text-only Type1 font is parsed, its glyphs not converted to Type2 and wrapped as CFF',
    find: `    const type2Charstrings = this.getType2Charstrings(charstrings);
    const subrs = this.getType2Subrs(data.subrs);
    this.charstrings = charstrings;
    this.data = this.wrap(name, type2Charstrings, this.charstrings, subrs, properties);`,
    replace: `    this.charstrings = charstrings;
    this.data = properties.samutTextOnly ? new Uint8Array(0) : this.wrap(name, this.getType2Charstrings(charstrings), this.charstrings, this.getType2Subrs(data.subrs), properties);`,
  },
  {
    file: 'legacy/build/pdf.worker.mjs',
    why: 'a text-only Type1/CFF font gets its Unicode from its built-in encoding, and no OpenType file',
    find: `  convert(fontName, font, properties) {
    properties.fixedPitch = false;
    if (properties.builtInEncoding) {
      adjustType1ToUnicode(properties, properties.builtInEncoding);
    }`,
    replace: `  convert(fontName, font, properties) {
    properties.fixedPitch = false;
    if (properties.builtInEncoding) {
      adjustType1ToUnicode(properties, properties.builtInEncoding);
    }
    if (properties.samutTextOnly) {
      return new Uint8Array(0);
    }`,
  },
  {
    file: 'legacy/build/pdf.worker.mjs',
    why: "a text-only TrueType font's hinting programs are not interpreted (pdf.js checks them only to drop bad hints before drawing): with their compiling, a sixtieth of a thread's time on real PDFs",
    find: `    const hintsValid = sanitizeTTPrograms(tables.fpgm, tables.prep, tables["cvt "], maxFunctionDefs);`,
    replace: `    const hintsValid = properties.samutTextOnly || sanitizeTTPrograms(tables.fpgm, tables.prep, tables["cvt "], maxFunctionDefs);`,
  },
  {
    file: 'legacy/build/pdf.worker.mjs',
    why: "a text-only TrueType font is read (its name table too: its records can correct the Unicode map), not written back out as a new OpenType file with a new name table for a canvas; as the text-only Type1 and CFF fonts above, it keeps an empty font file",
    find: `    if (!tables.name) {
      tables.name = {
        tag: "name",
        data: createNameTable(this.name)
      };
    } else {
      const [namePrototype, nameRecords] = readNameTable(tables.name);
      tables.name.data = createNameTable(name, namePrototype);
      this.psName = namePrototype[0][6] || null;
      if (!properties.composite) {
        adjustTrueTypeToUnicode(properties, this.isSymbolicFont, nameRecords);
      }
    }
    const builder = new OpenTypeFileBuilder(header.version);`,
    replace: `    if (!tables.name) {
      if (!properties.samutTextOnly) {
        tables.name = {
          tag: "name",
          data: createNameTable(this.name)
        };
      }
    } else {
      const [namePrototype, nameRecords] = readNameTable(tables.name);
      if (!properties.samutTextOnly) {
        tables.name.data = createNameTable(name, namePrototype);
      }
      this.psName = namePrototype[0][6] || null;
      if (!properties.composite) {
        adjustTrueTypeToUnicode(properties, this.isSymbolicFont, nameRecords);
      }
    }
    if (properties.samutTextOnly) {
      return new Uint8Array(0);
    }
    const builder = new OpenTypeFileBuilder(header.version);`,
  },
  {
    file: 'legacy/build/pdf.worker.mjs',
    why: 'a text-only TrueType font gets no private-use cmap for canvas (the mapping and table building were a fifth of extraction on real PDFs)',
    find: `    if (!properties.cssFontInfo) {
      const newMapping = adjustMapping(charCodeToGlyphId, hasGlyph, glyphZeroId, this.toUnicode);`,
    replace: `    if (!properties.cssFontInfo && !properties.samutTextOnly) {
      const newMapping = adjustMapping(charCodeToGlyphId, hasGlyph, glyphZeroId, this.toUnicode);`,
  },
  {
    file: 'legacy/build/pdf.worker.mjs',
    why: 'a text-only document skips the operators that only paint (paths, colours, shadings, line styles, clips): building paths and parsing patterns was a tenth of extraction on drawings-heavy PDFs. The set is made per call of getOperatorList and read outside its loop: kept on the evaluator (a property added later, so evaluators of two shapes) or read from its options in the loop, it made V8 throw away the compiled operator loop again and again',
    find: `${OPERATOR_LOOP.before}${OPERATOR_LOOP.loop}${OPERATOR_LOOP.switch}`,
    replace: `${OPERATOR_LOOP.before}    // Read once per call, outside the loop below (evaluators come with options objects of two shapes).
    const samutPaintOnly = self.options.samutTextOnly ? new Set([OPS.moveTo, OPS.lineTo, OPS.curveTo, OPS.curveTo2, OPS.curveTo3, OPS.closePath, OPS.rectangle, OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke, OPS.endPath, OPS.clip, OPS.eoClip, OPS.setFillColorSpace, OPS.setStrokeColorSpace, OPS.setFillColor, OPS.setStrokeColor, OPS.setFillGray, OPS.setStrokeGray, OPS.setFillCMYKColor, OPS.setStrokeCMYKColor, OPS.setFillRGBColor, OPS.setStrokeRGBColor, OPS.setFillColorN, OPS.setStrokeColorN, OPS.shadingFill, OPS.setLineWidth, OPS.setLineCap, OPS.setLineJoin, OPS.setMiterLimit, OPS.setDash, OPS.setRenderingIntent, OPS.setFlatness]) : null;
${OPERATOR_LOOP.loop}        if (samutPaintOnly !== null && samutPaintOnly.has(fn)) {
          continue;
        }
${OPERATOR_LOOP.switch}`,
  },
  {
    file: 'legacy/build/pdf.worker.mjs',
    why: 'in a text-only document, a glyph name with a variant suffix ("uni0E49.low_left", "uni0E34.left", as in the TLWG fonts of pdfTeX) means the character of its base name, as the Adobe Glyph List specification says; pdf.js left such glyphs as their Latin-1 code, losing Thai tone marks and upper vowels',
    find: `      let unicode = glyphsUnicodeMap[glyphName];
      if (unicode !== undefined) {
        toUnicode[charcode] = String.fromCharCode(unicode);
        continue;
      }
      let code = 0;`,
    replace: `      let unicode = glyphsUnicodeMap[glyphName];
      if (unicode !== undefined) {
        toUnicode[charcode] = String.fromCharCode(unicode);
        continue;
      }
      const samutSuffix = this.options.samutTextOnly ? glyphName.indexOf(".") : -1;
      if (samutSuffix > 0) {
        const samutBase = getUnicodeForGlyph(glyphName.slice(0, samutSuffix), glyphsUnicodeMap);
        if (samutBase > 0) {
          toUnicode[charcode] = String.fromCodePoint(samutBase);
          continue;
        }
      }
      let code = 0;`,
  },
  markUnreadable(
    'where a text-only document stops reading a content stream at an error (pdf.js only logs it), the operator list gets a marked-content operator saying so, for extract to warn page-unreadable',
    `        warn(\`getOperatorList - ignoring errors during "\${task.name}" \` + \`task: "\${reason}".\`);`,
    'this',
  ),
  markUnreadable(
    'the same where an XObject (a form that draws itself, a bad object) cannot be read: what it drew is lost',
    `                warn(\`getOperatorList - ignoring XObject: "\${reason}".\`);`,
    'self',
  ),
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
