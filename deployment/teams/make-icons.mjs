// Draws MagBot's Teams icons: color.png (192×192, a white "M" on the accent colour) and outline.png (32×32,
// the same "M" in white on a transparent background, as Teams requires). Usage: node make-icons.mjs [folder]
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png.mjs';

const accent = [0x0b, 0x6e, 0x4f];
// The "M" as strokes in a unit square (0..1), and its stroke width.
const strokes = [[[0.22, 0.78], [0.22, 0.24]], [[0.22, 0.24], [0.5, 0.6]], [[0.5, 0.6], [0.78, 0.24]], [[0.78, 0.24], [0.78, 0.78]]];

function distanceToSegment(px, py, [[ax, ay], [bx, by]]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** How much of pixel (x, y) of a size×size image the "M" covers, 0..1 (4×4 supersampling for smooth edges). */
function coverage(x, y, size, width) {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const px = (x + (sx + 0.5) / 4) / size, py = (y + (sy + 0.5) / 4) / size;
      if (strokes.some((s) => distanceToSegment(px, py, s) <= width / 2)) hits++;
    }
  }
  return hits / 16;
}

export function colorIcon() {
  const size = 192;
  return encodePng(size, size, (x, y) => {
    const c = coverage(x, y, size, 0.11);
    return [...accent.map((v) => v + (255 - v) * c), 255];
  });
}

export function outlineIcon() {
  const size = 32;
  // White only; the shape is carried by the alpha channel.
  return encodePng(size, size, (x, y) => [255, 255, 255, 255 * coverage(x, y, size, 0.14)]);
}

export function writeIcons(folder) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'color.png'), colorIcon());
  writeFileSync(join(folder, 'outline.png'), outlineIcon());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2] ?? dirname(fileURLToPath(import.meta.url));
  writeIcons(folder);
  console.log(`teams: icons written to ${folder}`);
}
