// xterm.js's DOM renderer writes its dynamic rules (theme colours, font, cell size, scrollbar)
// into <style> elements it makes itself. Silo's CSP (`style-src 'self'`) rightly refuses such
// elements, and the terminal would draw without its colours and cell geometry. While a terminal
// opens, the <style> elements it asks the document for are stand-ins (an inert <template>) whose
// text goes into a constructed stylesheet: CSSOM, which the CSP allows just as it allows
// element.style. Nothing else is touched, and only during that call.

export interface ConstructedStyles {
  /** Removes every stylesheet made for the terminal (its stand-ins' own remove() does too). */
  dispose(): void;
}

export function withConstructedStyles(doc: Document, open: () => void): ConstructedStyles {
  const sheets = new Set<CSSStyleSheet>();
  const detach = (sheet: CSSStyleSheet): void => {
    sheets.delete(sheet);
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
  const original = Object.getOwnPropertyDescriptor(doc, 'createElement');
  const create = Document.prototype.createElement;
  const standIn = function (this: Document, tagName: string, options?: ElementCreationOptions): HTMLElement {
    if (String(tagName).toLowerCase() !== 'style') return create.call(doc, tagName, options);
    const sheet = new CSSStyleSheet();
    sheets.add(sheet);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    const element = create.call(doc, 'template');
    let text = '';
    Object.defineProperty(element, 'textContent', {
      configurable: true,
      get: () => text,
      set: (value: unknown) => {
        text = value === null || value === undefined ? '' : String(value);
        sheet.replaceSync(text);
      },
    });
    const remove = element.remove.bind(element);
    element.remove = () => {
      remove();
      detach(sheet);
    };
    return element;
  };
  Object.defineProperty(doc, 'createElement', { configurable: true, writable: true, value: standIn });
  try {
    open();
  } finally {
    if (original) Object.defineProperty(doc, 'createElement', original);
    else delete (doc as unknown as Record<string, unknown>).createElement;
  }
  return {
    dispose() {
      for (const sheet of [...sheets]) detach(sheet);
    },
  };
}
