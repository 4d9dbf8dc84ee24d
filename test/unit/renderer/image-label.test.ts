// The image column after a move that kept the writable layer: not a bare `silo-keep/…`.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/renderer/i18n';
import { imageLabel } from '../../../src/renderer/format/image';

const en = translator('en');
const es = translator('es');

describe('imageLabel', () => {
  it('reads a kept commit as the old image with its changes, the reference in the tooltip', () => {
    expect(imageLabel('silo-keep/web:0123456789ab', en)).toEqual({
      text: 'the old image + kept changes',
      title: 'silo-keep/web:0123456789ab: the image it ran before the move, with the changes of its writable layer kept.',
    });
    expect(imageLabel('silo-keep/web:0123456789ab', es).text).toBe('la imagen anterior + los cambios conservados');
  });

  it('leaves any other reference as it is', () => {
    expect(imageLabel('nginx:1.25', en)).toEqual({ text: 'nginx:1.25', title: 'nginx:1.25' });
  });
});
