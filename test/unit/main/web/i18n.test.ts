import { describe, expect, it } from 'vitest';
import en from '../../../../src/main/web/i18n/en.json';
import es from '../../../../src/main/web/i18n/es.json';

describe("the browser host's own strings", () => {
  it('exist in every language, with the same placeholders', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => text.match(/\{\w+\}/g)?.sort() ?? [];
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(es[key], key).not.toBe(en[key]);
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
    }
  });
});
