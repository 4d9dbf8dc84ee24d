// A search field as typed: its accessible name, a placeholder, no spelling marks; `invalid` marks
// a query that cannot be searched (a bad regular expression).
import type { KeyboardEvent } from 'react';

export function SearchBox({
  label,
  placeholder,
  value,
  onChange,
  onKeyDown,
  invalid = false,
  className = 'search',
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  invalid?: boolean;
  className?: string;
}) {
  return (
    <input
      type="search"
      className={className}
      aria-label={label}
      placeholder={placeholder}
      value={value}
      spellCheck={false}
      aria-invalid={invalid ? true : undefined}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={onKeyDown}
    />
  );
}
