// A view that throws while rendering shows "this view failed" with the error, never nothing.
import { describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { ViewBoundaryOf, ViewFailed } from '../../../src/renderer/components/ViewBoundary';
import { translator } from '../../../src/renderer/i18n';

function Broken(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'name')");
}

describe('the view error boundary', () => {
  it('turns a render error into its state and shows it with a way to reload, in English and Spanish', () => {
    const state = ViewBoundaryOf.getDerivedStateFromError(new TypeError('boom'));
    expect(state.error?.message).toBe('boom');
    expect(ViewBoundaryOf.getDerivedStateFromError('plain').error?.message).toBe('plain');

    for (const [language, title, reload] of [
      ['en', 'This view failed', 'Reload the view'],
      ['es', 'Esta vista falló', 'Volver a cargar la vista'],
    ] as const) {
      const t = translator(language);
      const boundary = new ViewBoundaryOf({ t, children: <Broken /> });
      boundary.state = state;
      const html = renderToStaticMarkup(<>{boundary.render()}</>);
      expect(html).toContain('role="alert"');
      expect(html).toContain(title);
      expect(html).toContain('boom');
      expect(html).toContain(reload);
    }
  });

  it('renders the view itself while nothing failed', () => {
    const boundary = new ViewBoundaryOf({ t: translator('en'), children: <p>the view</p> });
    expect(renderToStaticMarkup(<>{boundary.render()}</>)).toBe('<p>the view</p>');
  });

  it('says the error of a real throwing view', () => {
    let caught: unknown;
    try {
      renderToStaticMarkup(<Broken />);
    } catch (error) {
      caught = error;
    }
    const { error } = ViewBoundaryOf.getDerivedStateFromError(caught);
    const onReload = vi.fn();
    const html = renderToStaticMarkup(<ViewFailed error={error!} t={translator('en')} onReload={onReload} />);
    expect(html).toContain('reading &#x27;name&#x27;');
  });
});
