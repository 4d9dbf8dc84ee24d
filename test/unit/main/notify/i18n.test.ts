import { describe, expect, it } from 'vitest';
import en from '../../../../src/main/notify/i18n/en.json';
import es from '../../../../src/main/notify/i18n/es.json';
import { wordCloseToTray } from '../../../../src/main/notify/words';

describe("the notifications' strings", () => {
  it('exist in every language, with the same placeholders', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: unknown) => [...new Set(JSON.stringify(text).match(/\{\w+\}/g))].sort();
    for (const key of Object.keys(en) as Array<keyof typeof en>) expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
  });

  it('say where Silo went when its window closes', () => {
    expect(wordCloseToTray('en').title).toBe('Silo is still running');
    expect(wordCloseToTray('es').title).toBe('Silo sigue en marcha');
  });
});
