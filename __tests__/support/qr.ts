/** What a QR decoder (npm `jsqr`) reads from a PNG: the check that a generated QR code scans. */
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS whose module.exports is the function; its types declare it as `export default`.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

export function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}
