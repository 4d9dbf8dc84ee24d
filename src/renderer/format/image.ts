// How an image reference reads in a row: the commit Silo made of a writable layer during a move
// (`silo-keep/<name>:<id>`) reads as what it is, the old image with the changes kept.
import type { Translate } from '../i18n';

const KEEP_PREFIX = 'silo-keep/';

export function isKeptImage(image: string): boolean {
  return image.startsWith(KEEP_PREFIX);
}

/** The words for the image column, and its tooltip (the full reference). */
export function imageLabel(image: string, t: Translate): { text: string; title: string } {
  if (!isKeptImage(image)) return { text: image, title: image };
  return { text: t('containers.keptImage'), title: t('containers.keptImageHint', { image }) };
}
