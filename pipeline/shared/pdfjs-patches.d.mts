export interface PdfJsPatch {
  file: string;
  why: string;
  find: string;
  replace: string;
}
export declare const PDFJS_PATCHES: readonly PdfJsPatch[];
export declare function patchPdfJs(file: string, source: string): { source: string; missed: PdfJsPatch[] };
