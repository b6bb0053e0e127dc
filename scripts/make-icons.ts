// Generates the add-in icons assets/icon-{16,32,64,80,128}.png: a blue rounded square with "226"
// in white, drawn from a 3×5 pixel font and written by a minimal PNG encoder (zlib + CRC-32),
// so no image tool or package is needed. Run: npx tsx scripts/make-icons.ts

import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { crc32 } from "../src/xlsx/zip-write";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const BLUE: Rgba = [0x1f, 0x5f, 0xbf, 0xff];
const WHITE: Rgba = [0xff, 0xff, 0xff, 0xff];
const CLEAR: Rgba = [0, 0, 0, 0];
type Rgba = readonly [number, number, number, number];

/** 3×5 glyphs: each string is one row, "#" is ink. */
const DIGITS: Record<string, readonly string[]> = {
  "2": ["###", "..#", "###", "#..", "###"],
  "6": ["###", "#..", "###", "#.#", "###"],
};

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** PNG of an RGBA image (8 bits per channel, filter 0 on every row). */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter method, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

/** The icon's pixel function: text scaled to ~80 % of the width, centred; corners rounded. */
export function iconPixel(size: number): (x: number, y: number) => Rgba {
  const text = "226";
  const glyphW = 3;
  const textW = text.length * glyphW + (text.length - 1); // one blank column between digits
  const scale = Math.max(1, Math.floor((size * 0.8) / textW));
  const left = Math.floor((size - textW * scale) / 2);
  const top = Math.floor((size - 5 * scale) / 2);
  const radius = Math.max(1, Math.round(size / 8));
  return (x, y) => {
    if (outsideRoundedSquare(x, y, size, radius)) return CLEAR;
    const gx = Math.floor((x - left) / scale);
    const gy = Math.floor((y - top) / scale);
    if (x < left || y < top || gy >= 5 || gx >= textW) return BLUE;
    const digit = Math.floor(gx / (glyphW + 1));
    const col = gx % (glyphW + 1);
    if (col === glyphW) return BLUE;
    return DIGITS[text[digit]!]![gy]![col] === "#" ? WHITE : BLUE;
  };
}

function outsideRoundedSquare(x: number, y: number, size: number, r: number): boolean {
  const cx = x < r ? r : x >= size - r ? size - r - 1 : x;
  const cy = y < r ? r : y >= size - r ? size - r - 1 : y;
  return (x - cx) ** 2 + (y - cy) ** 2 > r * r;
}

if (require.main === module) {
  const dir = join(__dirname, "..", "assets");
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, iconPixel(size)));
    console.log(`${file} (${size}×${size})`);
  }
}
