// The app icon in every format the installers need, from the one source resources/icon.svg:
//   resources/icons/NxN.png  Linux (electron-builder's `linux.icon` folder), each size rendered from the SVG
//   resources/icon.png       the window icon src-main/window.ts loads (512 px)
//   resources/icon.icns      macOS; resources/icon.ico  Windows (exe and NSIS installer)
//   resources/icons.json     the SVG's SHA-256 the files were made from (how package:check knows they are current)
// Rendering is @resvg/resvg-js (resvg, prebuilt from npm); icns and ico are png2icons (pure JS).
// Generation is scripts/icons.ts (`npm run icons`); the checks below are run by scripts/package-check.ts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export const WINDOW_ICON_SIZE = 512;
/** What macOS and Windows show at the largest: an icns without 1024 (ic10) looks blurred on Retina. */
export const ICNS_REQUIRED = ['ic07', 'ic08', 'ic09', 'ic10'] as const;
/** electron-builder wants the Windows icon to hold 256 px; the smaller ones are what Explorer and the taskbar pick. */
export const ICO_REQUIRED = [16, 24, 32, 48, 64, 128, 256] as const;

export type IconCheck = { name: string; ok: boolean; detail: string };

export function svgDigest(svg: Buffer): string {
  return createHash('sha256').update(svg).digest('hex');
}

export type IconFiles = Map<string, Buffer>; // path relative to resources/ → bytes

/** Every icon file, rendered from the SVG (resvg at each size, not resampled from one big PNG). */
export async function renderIcons(svg: Buffer): Promise<IconFiles> {
  const { Resvg } = await import('@resvg/resvg-js');
  const png2icons = await import('png2icons');
  const render = (size: number): Buffer => Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
  const files: IconFiles = new Map();
  for (const size of PNG_SIZES) files.set(`icons/${size}x${size}.png`, render(size));
  files.set('icon.png', render(WINDOW_ICON_SIZE));
  const big = files.get('icons/1024x1024.png')!;
  const icns = png2icons.createICNS(big, png2icons.BICUBIC2, 0);
  // PNG=false with forWinExe=true: 64 px and up as PNG, smaller as BMP, as old Explorer dialogs expect.
  const ico = png2icons.createICO(big, png2icons.BICUBIC2, 0, false, true);
  if (!icns || !ico) throw new Error('png2icons could not convert the 1024 px PNG');
  files.set('icon.icns', icns);
  files.set('icon.ico', ico);
  files.set('icons.json', Buffer.from(JSON.stringify({ source: 'icon.svg', sha256: svgDigest(svg) }, null, 2) + '\n'));
  return files;
}

/** Width and height from a PNG's IHDR, or null when it is not a PNG. */
export function pngSize(buf: Buffer): { width: number; height: number } | null {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(sig) || buf.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The OSType entries of an .icns (header 'icns' + total length, then type + length records), or null if malformed. */
export function icnsEntries(buf: Buffer): { type: string; data: Buffer }[] | null {
  if (buf.length < 8 || buf.subarray(0, 4).toString('latin1') !== 'icns' || buf.readUInt32BE(4) !== buf.length) return null;
  const out: { type: string; data: Buffer }[] = [];
  for (let off = 8; off < buf.length; ) {
    if (off + 8 > buf.length) return null;
    const len = buf.readUInt32BE(off + 4);
    if (len < 8 || off + len > buf.length) return null;
    out.push({ type: buf.subarray(off, off + 4).toString('latin1'), data: buf.subarray(off + 8, off + len) });
    off += len;
  }
  return out;
}

/** The images of an .ico (ICONDIR reserved 0, type 1, count; then 16-byte entries), sizes as stored in the image data. */
export function icoEntries(buf: Buffer): { size: number; format: 'png' | 'bmp' }[] | null {
  if (buf.length < 6 || buf.readUInt16LE(0) !== 0 || buf.readUInt16LE(2) !== 1) return null;
  const count = buf.readUInt16LE(4);
  const out: { size: number; format: 'png' | 'bmp' }[] = [];
  for (let i = 0; i < count; i++) {
    const e = 6 + 16 * i;
    if (e + 16 > buf.length) return null;
    const dirSize = buf[e] || 256;
    const bytes = buf.readUInt32LE(e + 8);
    const offset = buf.readUInt32LE(e + 12);
    if (offset + bytes > buf.length) return null;
    const data = buf.subarray(offset, offset + bytes);
    const png = pngSize(data);
    if (png) {
      if (png.width !== dirSize || png.height !== dirSize) return null;
      out.push({ size: dirSize, format: 'png' });
    } else if (data.length >= 40 && data.readUInt32LE(0) === 40 && data.readInt32LE(4) === dirSize) {
      out.push({ size: dirSize, format: 'bmp' }); // BITMAPINFOHEADER; its height counts the AND mask too
    } else return null;
  }
  return out;
}

/** The committed icon files are made from the current SVG, and each is a well-formed file of the right size. */
export function checkIconFiles(resourcesDir: string): IconCheck[] {
  const read = (rel: string): Buffer | null => {
    try {
      return readFileSync(join(resourcesDir, rel));
    } catch {
      return null;
    }
  };
  const checks: IconCheck[] = [];
  const svg = read('icon.svg');
  const stamp = read('icons.json');
  let stampSha: unknown;
  try {
    stampSha = stamp ? (JSON.parse(stamp.toString('utf8')) as { sha256?: unknown }).sha256 : undefined;
  } catch {
    stampSha = undefined;
  }
  checks.push({
    name: 'icons made from the current icon.svg',
    ok: !!svg && stampSha === svgDigest(svg),
    detail: !svg ? 'resources/icon.svg is missing' : stampSha === svgDigest(svg) ? 'resources/icons.json matches' : 'icon.svg changed since the icons were made: run npm run icons',
  });
  const pngs = [...PNG_SIZES.map((s) => [`icons/${s}x${s}.png`, s] as const), ['icon.png', WINDOW_ICON_SIZE] as const];
  const badPng = pngs.filter(([rel, s]) => {
    const buf = read(rel);
    const size = buf && pngSize(buf);
    return !size || size.width !== s || size.height !== s;
  });
  checks.push({
    name: 'PNG icons (Linux and window)',
    ok: badPng.length === 0,
    detail: badPng.length ? `missing or wrong size: ${badPng.map(([rel]) => rel).join(', ')}` : `${pngs.length} PNGs, ${PNG_SIZES.join(', ')} px and a ${WINDOW_ICON_SIZE} px window icon`,
  });
  const icnsBuf = read('icon.icns');
  const icns = icnsBuf && icnsEntries(icnsBuf);
  const icnsMissing = icns ? ICNS_REQUIRED.filter((t) => !icns.some((e) => e.type === t && pngSize(e.data))) : [...ICNS_REQUIRED];
  checks.push({
    name: 'icon.icns (macOS)',
    ok: !!icns && icnsMissing.length === 0,
    detail: !icns ? 'missing or not an icns file' : icnsMissing.length ? `no PNG entry ${icnsMissing.join(', ')}` : `${icns.length} entries: ${icns.map((e) => e.type).join(' ')}`,
  });
  const icoBuf = read('icon.ico');
  const ico = icoBuf && icoEntries(icoBuf);
  const icoMissing = ico ? ICO_REQUIRED.filter((s) => !ico.some((e) => e.size === s)) : [...ICO_REQUIRED];
  checks.push({
    name: 'icon.ico (Windows)',
    ok: !!ico && icoMissing.length === 0,
    detail: !ico ? 'missing or not an ico file' : icoMissing.length ? `no ${icoMissing.join(', ')} px image` : `${ico.length} images: ${ico.map((e) => `${e.size}${e.format === 'png' ? 'p' : 'b'}`).join(' ')}`,
  });
  return checks;
}
