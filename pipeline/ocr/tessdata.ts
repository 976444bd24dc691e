// Where tesseract.js reads its language models: the traineddata shipped by the npm packages
// @tesseract.js-data/<lang> (the 4.0.0_best_int LSTM models, gzipped). tesseract.js takes one
// langPath for all languages, so the files are linked into one folder once per machine. Left to
// itself tesseract.js would fetch them from a CDN; nothing here ever touches the network.
import { copyFileSync, existsSync, mkdirSync, renameSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { DocumentError } from '../model/index.ts';

/** The model variant tesseract.js itself picks for the LSTM engine. */
const TRAINEDDATA_VARIANT = '4.0.0_best_int';
const TESSDATA_DIR_NAME = 'samut-tessdata';

const require = createRequire(import.meta.url);

/** Language codes in a tesseract language string ("tha+eng" → ["tha", "eng"]). */
function languageCodes(languages: string): string[] {
  const codes = languages.split('+').map((code) => code.trim()).filter(Boolean);
  if (codes.length === 0 || codes.some((code) => !/^[a-z_]{3,10}$/.test(code))) {
    throw new TypeError(`Expected OCR languages as tesseract codes joined by "+", e.g. "tha+eng", got \`${languages}\``);
  }
  return codes;
}

/** The installed .traineddata.gz of one language, or a DocumentError naming the package to install. */
function traineddataFile(code: string): string {
  let packageJson: string;
  try {
    packageJson = require.resolve(`@tesseract.js-data/${code}/package.json`);
  } catch (error) {
    throw new DocumentError(
      'ocr-failed',
      `no OCR model for language "${code}": install the npm package @tesseract.js-data/${code}`,
      { cause: error },
    );
  }
  const file = path.join(path.dirname(packageJson), TRAINEDDATA_VARIANT, `${code}.traineddata.gz`);
  if (!existsSync(file)) throw new DocumentError('ocr-failed', `@tesseract.js-data/${code} has no ${TRAINEDDATA_VARIANT} model`);
  return file;
}

/** One folder holding <code>.traineddata.gz for every language asked for; returns its path. */
export function prepareTessdata(languages: string, root: string = os.tmpdir()): string {
  const dir = path.join(root, TESSDATA_DIR_NAME);
  mkdirSync(dir, { recursive: true });
  for (const code of languageCodes(languages)) {
    const source = traineddataFile(code);
    const target = path.join(dir, `${code}.traineddata.gz`);
    if (existsSync(target) && statSync(target).size === statSync(source).size) continue;
    // Link when the filesystem allows, copy otherwise; either way through a temporary name and a
    // rename, so that two builds starting at once never see a half-written file.
    const temporary = `${target}.${process.pid}.tmp`;
    try {
      symlinkSync(source, temporary);
    } catch {
      copyFileSync(source, temporary);
    }
    renameSync(temporary, target);
  }
  return dir;
}
