// The "Change isolation" action: an icon button in a row, or a labelled button in a bar. Its
// accessible name is the label it is given ("Change isolation" in English on a row).

/** Three rungs of a ladder, the top one filled: moving up or down the boundary. */
function LadderIcon() {
  return (
    <svg className="icon icon-isolation" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M3 1.5h1.5v13H3zm8.5 0H13v13h-1.5zM4.5 3h7v2.5h-7z" fill="currentColor" />
      <path d="M4.5 7.25h7v1.5h-7zm0 4h7v1.5h-7z" fill="currentColor" opacity="0.55" />
    </svg>
  );
}

export function MoveButton({
  label,
  onClick,
  disabled,
  compact,
  count,
  hint,
  text,
}: {
  /** The accessible name. */
  label: string;
  /** Shorter visible words, when the name says more (the project's name). */
  text?: string;
  onClick: () => void;
  disabled?: boolean;
  /** Icon only (the name stays in aria-label and the tooltip). */
  compact?: boolean;
  /** How many containers it applies to, shown beside the label. */
  count?: number;
  /** A longer tooltip. */
  hint?: string;
}) {
  if (compact) {
    return (
      <button type="button" className="action icon-button move-button" aria-label={label} title={hint ?? label} disabled={disabled} onClick={onClick}>
        <LadderIcon />
      </button>
    );
  }
  return (
    <button type="button" className="action button move-button" aria-label={label} title={hint ?? label} disabled={disabled} onClick={onClick}>
      <LadderIcon />
      <span>{text ?? label}</span>
      {count === undefined ? null : <span className="count">{count}</span>}
    </button>
  );
}
