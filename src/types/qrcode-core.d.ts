// qrcode's encoder module (lib/core/qrcode.js), which @types/qrcode types only through the package's entry point.
declare module 'qrcode/lib/core/qrcode.js' {
  export { create } from 'qrcode';
}

// qrcode's format-information module: the 15 BCH-coded bits of an error correction level and a mask.
declare module 'qrcode/lib/core/format-info.js' {
  import type { QRCode } from 'qrcode';
  export function getEncodedBits(errorCorrectionLevel: QRCode['errorCorrectionLevel'], mask: number): number;
}
