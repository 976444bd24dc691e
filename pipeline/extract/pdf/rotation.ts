// Turned text: a sidebar running up the margin, a landscape table drawn on a portrait page, a
// diagonal watermark. Lines are built from positions along a horizontal baseline, so glyphs
// drawn at another angle are set apart by angle and turned upright first: each group is then
// read like a page of its own, and its blocks follow the page's upright ones. A page shown
// turned (/Rotate) is first put the way it is shown, so its upright text is what a reader sees
// as upright (and its running headers and page numbers are found as on any page).
import type { Glyph } from './glyphs.ts';

const QUARTER = 90;
const HALF = 180;
const FULL = 360;

/** An angle in (-180, 180]: Glyph.rotation's range. */
function normalized(degrees: number): number {
  const angle = (((degrees + HALF) % FULL) + FULL) % FULL - HALF;
  return angle === -HALF ? HALF : angle;
}

/** Moves a page's glyphs (positions and angles) into the page as shown when the PDF turns it by
 * `rotate` degrees clockwise (/Rotate: 0, 90, 180 or 270); returns the shown width and height. */
export function toShownPage(glyphs: Glyph[], rotate: number, width: number, height: number): { width: number; height: number } {
  const turn = ((rotate % FULL) + FULL) % FULL;
  if (turn === 0 || turn % QUARTER !== 0) return { width, height };
  for (const glyph of glyphs) {
    const { x, top } = glyph;
    if (turn === QUARTER) {
      glyph.x = height - top;
      glyph.top = x;
    } else if (turn === HALF) {
      glyph.x = width - x;
      glyph.top = height - top;
    } else {
      glyph.x = top;
      glyph.top = width - x;
    }
    glyph.rotation = normalized(glyph.rotation + turn);
  }
  return turn === HALF ? { width, height } : { width: height, height: width };
}

export interface TurnedGroup {
  /** The angle its glyphs were drawn at (see Glyph.rotation). */
  rotation: number;
  /** The glyphs turned upright, on a page as wide as the turned page. */
  glyphs: Glyph[];
  width: number;
}

export interface ByRotation {
  upright: Glyph[];
  turned: TurnedGroup[];
}

/** Splits a page's glyphs into upright ones and groups of turned ones, each group turned
 * upright (rotated by minus its angle about the page, then moved back onto the page). */
export function splitByRotation(glyphs: Glyph[], pageWidth: number, pageHeight: number): ByRotation {
  const upright: Glyph[] = [];
  const byAngle = new Map<number, Glyph[]>();
  for (const glyph of glyphs) {
    if (glyph.rotation === 0) {
      upright.push(glyph);
      continue;
    }
    const group = byAngle.get(glyph.rotation);
    if (group) group.push(glyph);
    else byAngle.set(glyph.rotation, [glyph]);
  }
  const turned = [...byAngle.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([rotation, group]) => turnUpright(rotation, group, pageWidth, pageHeight));
  return { upright, turned };
}

function turnUpright(rotation: number, glyphs: Glyph[], pageWidth: number, pageHeight: number): TurnedGroup {
  const radians = (rotation * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  // Page coordinates are x right, top down; turning by -rotation lays the baseline along x.
  const turn = (x: number, top: number): [number, number] => [x * cos + top * sin, -x * sin + top * cos];
  const corners = [turn(0, 0), turn(pageWidth, 0), turn(0, pageHeight), turn(pageWidth, pageHeight)];
  const minX = Math.min(...corners.map(([x]) => x));
  const maxX = Math.max(...corners.map(([x]) => x));
  const minTop = Math.min(...corners.map(([, top]) => top));
  return {
    rotation,
    width: maxX - minX,
    glyphs: glyphs.map((glyph) => {
      const [x, top] = turn(glyph.x, glyph.top);
      return { ...glyph, x: x - minX, top: top - minTop, rotation: 0 };
    }),
  };
}
