// The skeleton of a view that is one scrolling page (Engine, Engine settings): the section named
// by its heading, then the page's parts in a scrolling body. `name` gives the class names and ids.
import type { ReactNode } from 'react';

export function PageView({ name, title, children }: { name: string; title: string; children: ReactNode }) {
  return (
    <section className={`view ${name}-view`} aria-labelledby={`${name}-title`}>
      <header className="view-head">
        <h1 id={`${name}-title`}>{title}</h1>
      </header>
      <div className={`${name}-scroll`}>{children}</div>
    </section>
  );
}
