// Turning groups of glyphs upright (pipeline/extract/pdf/rotation.ts), on glyphs as readGlyphs
// reports them for text drawn at 0°, -90° (up the page), 90° (down) and 180°.
import { describe, expect, it } from 'vitest';
import type { Glyph } from '../../pipeline/extract/pdf/glyphs.ts';
import { splitByRotation, toShownPage } from '../../pipeline/extract/pdf/rotation.ts';

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;

function glyph(text: string, x: number, top: number, rotation: number, seq: number): Glyph {
  return { text, x, top, width: 6, size: 10, fontId: 'f', bold: false, zeroWidthSpace: false, seq, rotation };
}

/** "ab" written from (x, top) along the given direction, 6 pt per glyph. */
function word(x: number, top: number, rotation: number, seq: number): Glyph[] {
  const radians = (rotation * Math.PI) / 180;
  return ['a', 'b'].map((text, i) => glyph(text, x + i * 6 * Math.cos(radians), top + i * 6 * Math.sin(radians), rotation, seq + i));
}

describe('splitByRotation', () => {
  it('keeps upright glyphs as they are and groups the others by angle', () => {
    const glyphs = [...word(72, 100, 0, 0), ...word(40, 600, -90, 2), ...word(560, 100, 90, 4), ...word(300, 800, 180, 6)];
    const { upright, turned } = splitByRotation(glyphs, PAGE_WIDTH, PAGE_HEIGHT);
    expect(upright).toEqual(glyphs.slice(0, 2));
    expect(turned.map((g) => g.rotation)).toEqual([-90, 90, 180]);
  });

  it('turns each group so its text runs left to right along one baseline, on the page', () => {
    const glyphs = [...word(40, 600, -90, 0), ...word(560, 100, 90, 2), ...word(300, 800, 180, 4)];
    for (const group of splitByRotation(glyphs, PAGE_WIDTH, PAGE_HEIGHT).turned) {
      const [a, b] = group.glyphs;
      expect(b!.x - a!.x).toBeCloseTo(6);
      expect(b!.top).toBeCloseTo(a!.top);
      expect(a!.rotation).toBe(0);
      for (const g of group.glyphs) {
        expect(g.x).toBeGreaterThanOrEqual(0);
        expect(g.x).toBeLessThanOrEqual(group.width);
        expect(g.top).toBeGreaterThanOrEqual(0);
      }
    }
    // Turned a quarter either way, a portrait page is read as a landscape one.
    const quarter = splitByRotation(glyphs, PAGE_WIDTH, PAGE_HEIGHT).turned.filter((g) => Math.abs(g.rotation) === 90);
    for (const group of quarter) expect(group.width).toBeCloseTo(PAGE_HEIGHT);
  });

  it('puts a later line of turned text below the earlier one once upright', () => {
    // Text running up the page: the next line is to the right of the first.
    const lines = [...word(40, 600, -90, 0), ...word(54, 600, -90, 2)];
    const [group] = splitByRotation(lines, PAGE_WIDTH, PAGE_HEIGHT).turned;
    expect(group!.glyphs[2]!.top - group!.glyphs[0]!.top).toBeCloseTo(14);
  });
});

describe('toShownPage', () => {
  it('puts the corners of a page turned by /Rotate where they are shown, and turns the glyph angles with them', () => {
    const corners = () => [glyph('a', 0, 0, -90, 0), glyph('b', PAGE_WIDTH, 0, 0, 1), glyph('c', 0, PAGE_HEIGHT, 90, 2)];
    const quarter = corners();
    expect(toShownPage(quarter, 90, PAGE_WIDTH, PAGE_HEIGHT)).toEqual({ width: PAGE_HEIGHT, height: PAGE_WIDTH });
    // Turned clockwise: the top-left corner goes top right, the top-right bottom right, the bottom-left top left.
    expect(quarter.map((g) => [g.x, g.top, g.rotation])).toEqual([[PAGE_HEIGHT, 0, 0], [PAGE_HEIGHT, PAGE_WIDTH, 90], [0, 0, 180]]);
    const half = corners();
    expect(toShownPage(half, 180, PAGE_WIDTH, PAGE_HEIGHT)).toEqual({ width: PAGE_WIDTH, height: PAGE_HEIGHT });
    expect(half.map((g) => [g.x, g.top, g.rotation])).toEqual([[PAGE_WIDTH, PAGE_HEIGHT, 90], [0, PAGE_HEIGHT, 180], [PAGE_WIDTH, 0, -90]]);
    const threeQuarters = corners();
    expect(toShownPage(threeQuarters, -90, PAGE_WIDTH, PAGE_HEIGHT)).toEqual({ width: PAGE_HEIGHT, height: PAGE_WIDTH });
    expect(threeQuarters.map((g) => [g.x, g.top, g.rotation])).toEqual([[0, PAGE_WIDTH, 180], [0, 0, -90], [PAGE_HEIGHT, PAGE_WIDTH, 0]]);
  });

  it('leaves a page that is not turned as it is', () => {
    const glyphs = [glyph('a', 10, 20, 0, 0)];
    expect(toShownPage(glyphs, 0, PAGE_WIDTH, PAGE_HEIGHT)).toEqual({ width: PAGE_WIDTH, height: PAGE_HEIGHT });
    expect(glyphs[0]).toMatchObject({ x: 10, top: 20, rotation: 0 });
  });
});
