// extract for images (PNG, JPEG, TIFF with any number of pages): there is no text to take out,
// so the draft is a list of pages that the OCR stage must read. The pixels are not decoded
// here, only the container checked and the sizes capped, so a bad file fails fast and cheap.
import { DocumentError, emptyDraft, type Draft, type ExtractStage } from '../../model/index.ts';
import { DOCUMENT, warning } from '../../model/warnings.ts';
import { inspectImage } from './inspect.ts';

export { inspectImage, sniffImageFormat, tiffPages, type ImageFormat, type ImageInfo } from './inspect.ts';

/** Most pixels one page may have: an A3 sheet at 600 dpi is 70 megapixels; past 100 the decoded
 * page alone would take 400 MB as RGBA and is almost certainly a mistake or an attack. */
export const MAX_IMAGE_PIXELS = 100_000_000;
/** Most pages a TIFF may have (a long fax log is a few hundred). */
export const MAX_IMAGE_PAGES = 2000;

export const extractImage: ExtractStage = async (input, signal) => {
  signal?.throwIfAborted();
  if (input.bytes.length === 0) throw new DocumentError('input-empty', 'the image file has no bytes');
  const info = inspectImage(input.bytes);
  if (info.pages.length > MAX_IMAGE_PAGES) {
    throw new DocumentError('image-too-large', `the TIFF has ${info.pages.length} pages, more than the cap of ${MAX_IMAGE_PAGES}`);
  }
  for (const [i, size] of info.pages.entries()) {
    const pixels = size.width * size.height;
    if (size.width === 0 || size.height === 0) {
      throw new DocumentError('image-corrupt', `page ${i + 1} is ${size.width}×${size.height} pixels`, { page: i + 1 });
    }
    if (pixels > MAX_IMAGE_PIXELS) {
      throw new DocumentError(
        'image-too-large',
        `page ${i + 1} is ${size.width}×${size.height} = ${pixels} pixels, more than the cap of ${MAX_IMAGE_PIXELS}`,
        { page: i + 1 },
      );
    }
  }
  const draft: Draft = emptyDraft(input.source, 'image');
  draft.metadata = { pageCount: info.pages.length };
  draft.pages = info.pages.map((_, i) => ({ page: i + 1, chars: 0, needsOcr: 'no-text' }));
  if (input.options.ocr === 'never') {
    draft.warnings.push(warning('ocr-disabled', 'the input is an image and OCR is turned off (--ocr never): it will have no text', DOCUMENT));
  }
  return draft;
};
