// qrcode's encoder module (lib/core/qrcode.js), which @types/qrcode types only through the package's entry point.
declare module 'qrcode/lib/core/qrcode.js' {
  export { create } from 'qrcode';
}
