// Reading back what the icon script writes: image sizes from PNG, ICO and ICNS headers. Used to
// record the manifest and by the tests that check the committed icons, so both read files one way.

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type ImageSize = { width: number; height: number };

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): ImageSize | null {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(pngSignature)) return null;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The square sizes stored in an ICO file (its directory), or null when the bytes are not an ICO. */
export function icoSizes(bytes: Buffer): number[] | null {
  if (bytes.length < 6 || bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) return null;
  const count = bytes.readUInt16LE(4);
  if (bytes.length < 6 + 16 * count) return null;
  const sizes: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const entry = 6 + 16 * i;
    const width = bytes.readUInt8(entry) || 256; // 0 stands for 256 in the ICO directory
    const height = bytes.readUInt8(entry + 1) || 256;
    const dataSize = bytes.readUInt32LE(entry + 8);
    const dataOffset = bytes.readUInt32LE(entry + 12);
    if (width !== height || dataOffset + dataSize > bytes.length) return null;
    sizes.push(width);
  }
  return sizes;
}

/** The element types in an ICNS file (e.g. `ic10` = 1024 px), or null when it is not a whole ICNS. */
export function icnsTypes(bytes: Buffer): string[] | null {
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== 'icns' || bytes.readUInt32BE(4) !== bytes.length) return null;
  const types: string[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset + 4);
    if (length < 8 || offset + length > bytes.length) return null;
    types.push(bytes.toString('latin1', offset, offset + 4));
    offset += length;
  }
  return types;
}
