// A plain Node host (no tsx, no loader of its own) that calls samut's extract on a text-layer PDF
// and on a scanned PDF (OCR renders its pages with pdf.js), then reports what changed in this
// thread: built-ins replaced or added, and module loader hooks registered. samut keeps pdf.js,
// its polyfills, source patches and loader hook in worker threads, so the report is empty.
import module from 'node:module';

const registered = [];
const register = module.register;
module.register = function (...args) {
  registered.push(String(args[0]));
  return register.apply(this, args);
};
module.syncBuiltinESMExports(); // `import { register } from 'node:module'` now sees the wrapper too

const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const TARGETS = {
  globalThis,
  Object,
  'Object.prototype': Object.prototype,
  Function: Function,
  'Function.prototype': Function.prototype,
  Array,
  'Array.prototype': Array.prototype,
  JSON,
  Math,
  Reflect,
  Promise,
  'Promise.prototype': Promise.prototype,
  'String.prototype': String.prototype,
  'Number.prototype': Number.prototype,
  'Map.prototype': Map.prototype,
  'Set.prototype': Set.prototype,
  'ArrayBuffer.prototype': ArrayBuffer.prototype,
  'TypedArray.prototype': typedArrayPrototype,
  'Uint8Array.prototype': Uint8Array.prototype,
  URL,
  'URL.prototype': URL.prototype,
};

function snapshot() {
  // Reading every global first turns Node's lazily defined ones into their final form.
  for (const key of Reflect.ownKeys(globalThis)) void globalThis[key];
  return new Map(Object.entries(TARGETS).map(([name, target]) => [name, new Map(Reflect.ownKeys(target).map((key) => [key, Object.getOwnPropertyDescriptor(target, key)]))]));
}

const same = (a, b) => Object.is(a.value, b.value) && a.get === b.get && a.set === b.set;
const before = snapshot();
const push = Array.prototype.push;
const parse = JSON.parse;

const { extract } = await import('samut');
const [pdfPath, scanPath] = process.argv.slice(2);
const pdf = await extract(pdfPath);
const scan = await extract(scanPath, { ocr: 'auto' });

const after = snapshot();
const changed = [];
const added = [];
for (const [name, properties] of after) {
  const old = before.get(name);
  for (const [key, descriptor] of properties) {
    const label = `${name}.${String(key)}`;
    if (!old.has(key)) added.push(label);
    else if (!same(old.get(key), descriptor)) changed.push(label);
  }
}
process.stdout.write(
  JSON.stringify({
    registered,
    changed,
    added,
    nativePush: Array.prototype.push === push && /\[native code\]/u.test(Function.prototype.toString.call(push)),
    nativeParse: JSON.parse === parse && /\[native code\]/u.test(Function.prototype.toString.call(parse)),
    pdfjsWorkerGlobal: 'pdfjsWorker' in globalThis,
    pdf: 'document' in pdf ? pdf.document.title : pdf.failure,
    scan: 'document' in scan ? scan.document.blocks.filter((block) => block.origin === 'ocr').length : scan.failure,
    scanText: 'document' in scan ? scan.document.text.slice(0, 60) : '',
  }),
);
