// A labelled drop-down of choices: the sidebar's pickers (`picker`) and the list filters (`field`).
// What comes before or after the listed choices (an "any", a "none") is passed as children.
import type { ReactNode } from 'react';

export interface Choice {
  value: string;
  text: string;
  title?: string;
}

export function ChoiceField({
  className,
  label,
  value,
  choices,
  disabled,
  onChange,
  before,
  after,
}: {
  className: 'picker' | 'field';
  label: string;
  value: string;
  choices: readonly Choice[];
  disabled?: boolean;
  onChange: (value: string) => void;
  before?: ReactNode;
  after?: ReactNode;
}) {
  return (
    <label className={className}>
      <span>{label}</span>
      <select value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {before}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} title={choice.title}>
            {choice.text}
          </option>
        ))}
        {after}
      </select>
    </label>
  );
}
