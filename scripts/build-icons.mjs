#!/usr/bin/env node
// Renders build/icon.svg into the icons electron-builder packages: PNGs for Linux (build/icons/NxN.png),
// a 1024 px icon.png, icon.ico for Windows and icon.icns for macOS, both holding PNG images (which every
// supported Windows and macOS version reads). Chromium does the rendering, so no image tools are needed:
// node scripts/build-icons.mjs  (CHROMIUM_PATH names the browser if it is not /usr/bin/chromium)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const buildDir = join(import.meta.dirname, '..', 'build');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS types that hold PNG data, by pixel size. */
const ICNS_TYPES = /** @type {const} */ ([
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
]);

/**
 * A Windows .ico whose images are PNG files (Vista and later).
 * @param {{ size: number; png: Buffer }[]} images
 */
export function icoFromPngs(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

/**
 * A macOS .icns whose images are PNG files.
 * @param {{ type: string; png: Buffer }[]} images
 */
export function icnsFromPngs(images) {
  const chunks = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((total, chunk) => total + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

async function main() {
  const { chromium } = await import('@playwright/test');
  const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  /** @type {Map<number, Buffer>} */
  const pngs = new Map();
  try {
    const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)])];
    for (const size of sizes) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`,
      );
      pngs.set(
        size,
        await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }),
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const png = (/** @type {number} */ size) => {
    const image = pngs.get(size);
    if (!image) throw new Error(`no ${size} px rendering`);
    return image;
  };
  mkdirSync(join(buildDir, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), png(size));
  writeFileSync(join(buildDir, 'icon.png'), png(1024));
  writeFileSync(join(buildDir, 'icon.ico'), icoFromPngs(ICO_SIZES.map((size) => ({ size, png: png(size) }))));
  writeFileSync(
    join(buildDir, 'icon.icns'),
    icnsFromPngs(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) }))),
  );
  console.log(`Wrote ${LINUX_SIZES.length + 3} icon files to ${buildDir}.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
