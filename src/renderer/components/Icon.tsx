// Inline SVG icons (no icon font, no network). Decorative unless a label is given.
export type IconName =
  | 'start'
  | 'stop'
  | 'restart'
  | 'pause'
  | 'unpause'
  | 'kill'
  | 'remove'
  | 'warning'
  | 'chevron'
  | 'box'
  | 'engine'
  | 'refresh'
  | 'check'
  | 'image'
  | 'volume'
  | 'network'
  | 'settings';

const PATHS: Record<IconName, string> = {
  start: 'M5 3.5v9l7.5-4.5z',
  unpause: 'M5 3.5v9l7.5-4.5z',
  stop: 'M4 4h8v8H4z',
  pause: 'M4.5 3.5h2.5v9H4.5zM9 3.5h2.5v9H9z',
  restart: 'M8 2.5a5.5 5.5 0 1 0 5.2 3.7l-1.4.5A4 4 0 1 1 8 4h.5v2L12 3.25 8.5.5v2z',
  kill: 'M9.5 1 3 9h4l-1 6 6.5-8h-4z',
  remove: 'M6 1.5h4l.5 1H13V4H3V2.5h2.5zM4 5h8l-.7 9.5H4.7z',
  warning: 'M8 1.5 15 14H1zM7.25 6v4h1.5V6zm0 5v1.5h1.5V11z',
  chevron: 'M6 4l4 4-4 4-1-1 3-3-3-3z',
  box: 'M8 1 14.5 4.5v7L8 15 1.5 11.5v-7zM3 5.4v5.2l4.25 2.3V7.7zm5.75 2.3v5.2L13 10.6V5.4zM8 2.7 3.8 5 8 7.3 12.2 5z',
  engine: 'M2 3h12v4H2zm0 6h12v4H2zm2-4.75v1.5h1.5v-1.5zm0 6v1.5h1.5v-1.5z',
  refresh: 'M13.5 3v4h-4l1.6-1.6A4 4 0 1 0 12 9.5h1.5A5.5 5.5 0 1 1 12.2 4.3z',
  check: 'M6.5 11.2 3.3 8l-1 1 4.2 4.2 7.2-7.2-1-1z',
  image: 'M2 2.5h12v3H2zm0 4h12v3H2zm0 4h12v3H2zm1.5-7v1h1v-1zm0 4v1h1v-1zm0 4v1h1v-1z',
  volume:
    'M8 1.5c3.3 0 6 1 6 2.5v8c0 1.5-2.7 2.5-6 2.5S2 13.5 2 12V4c0-1.5 2.7-2.5 6-2.5zm0 1.5C5.2 3 3.5 3.7 3.5 4S5.2 5 8 5s4.5-.7 4.5-1S10.8 3 8 3zm4.5 3.2C11.4 6.7 9.8 7 8 7s-3.4-.3-4.5-.8V8c0 .3 1.7 1 4.5 1s4.5-.7 4.5-1zm0 4C11.4 10.7 9.8 11 8 11s-3.4-.3-4.5-.8V12c0 .3 1.7 1 4.5 1s4.5-.7 4.5-1z',
  network: 'M6.5 1.5h3v3h-.75v2.75H13v2.25h.75v3h-3v-3h.75V8.75h-7V9.5h.75v3h-3v-3H3V7.25h4.25V4.5H6.5z',
  settings: 'M2 3.25h6v1.5H2zm9 0h3v1.5h-3zM8.5 2H10v4H8.5zM2 7.25h2v1.5H2zm5 0h7v1.5H7zM4.5 6H6v4H4.5zM2 11.25h7v1.5H2zm10 0h2v1.5h-2zM10 10h1.5v4H10z',
};

export function Icon({ name, label, className }: { name: IconName; label?: string; className?: string }) {
  const classes = ['icon', `icon-${name}`, className].filter(Boolean).join(' ');
  if (label) {
    // The tooltip sits on a wrapper: an SVG <title> would leak into the cell's text content.
    return (
      <span className="icon-wrap" title={label}>
        <svg className={classes} viewBox="0 0 16 16" role="img" aria-label={label}>
          <path d={PATHS[name]} fill="currentColor" />
        </svg>
      </span>
    );
  }
  return (
    <svg className={classes} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
