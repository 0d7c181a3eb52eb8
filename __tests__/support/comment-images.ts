/**
 * A comment body without the images the action itself puts there (thumbnails and QR codes: an http(s)
 * src, a width, an escaped alt), so a test can check that no file name made an image of its own.
 */
const OWN_IMAGE = /<img src="https?:\/\/[^"<>\s]+" width="\d+" alt="[^"<>]*">/g;

export function withoutOwnImages(body: string): string {
  return body.replace(OWN_IMAGE, '');
}
