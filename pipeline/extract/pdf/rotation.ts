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

/** A page turned clockwise by some degrees: its size, and where a point of the unturned page
 * (x right, top down) lands on it. */
interface PageTurn {
  width: number;
  height: number;
  at(x: number, top: number): [number, number];
}

/** cos and sin of quarter turns come out as 6e-17 and the like: snapped to what they are. */
function exact(value: number): number {
  const whole = Math.round(value);
  return Math.abs(value - whole) < 1e-12 ? whole : value;
}

function turnPage(degrees: number, width: number, height: number): PageTurn {
  const radians = (degrees * Math.PI) / HALF;
  const cos = exact(Math.cos(radians));
  const sin = exact(Math.sin(radians));
  const turn = (x: number, top: number): [number, number] => [x * cos - top * sin, x * sin + top * cos];
  // Moved back onto the page: its turned corners give the offset and the size.
  const corners = [turn(0, 0), turn(width, 0), turn(0, height), turn(width, height)];
  const xs = corners.map(([x]) => x);
  const tops = corners.map(([, top]) => top);
  const minX = Math.min(...xs);
  const minTop = Math.min(...tops);
  return {
    width: Math.max(...xs) - minX,
    height: Math.max(...tops) - minTop,
    at: (x, top) => {
      const [turnedX, turnedTop] = turn(x, top);
      return [turnedX - minX, turnedTop - minTop];
    },
  };
}

/** Moves a page's glyphs (positions and angles) into the page as shown when the PDF turns it by
 * `rotate` degrees clockwise (/Rotate: 0, 90, 180 or 270); returns the shown width and height. */
export function toShownPage(glyphs: Glyph[], rotate: number, width: number, height: number): { width: number; height: number } {
  const turn = ((rotate % FULL) + FULL) % FULL;
  if (turn === 0 || turn % QUARTER !== 0) return { width, height };
  const shown = turnPage(turn, width, height);
  for (const glyph of glyphs) {
    [glyph.x, glyph.top] = shown.at(glyph.x, glyph.top);
    glyph.rotation = normalized(glyph.rotation + turn);
  }
  return { width: shown.width, height: shown.height };
}

interface TurnedGroup {
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
  // Turned back by its own angle, the group's baseline lies along x.
  const upright = turnPage(-rotation, pageWidth, pageHeight);
  return {
    rotation,
    width: upright.width,
    glyphs: glyphs.map((glyph) => {
      const [x, top] = upright.at(glyph.x, glyph.top);
      return { ...glyph, x, top, rotation: 0 };
    }),
  };
}
