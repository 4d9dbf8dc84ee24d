// Text from a container, drawn so that it reads as it is held: each bidi control in it
// (shared/logs/bidi.ts) is a visible mark such as ⟨U+202E⟩, never obeyed.
import { bidiMarkText, splitBidi } from '../../shared/logs/bidi';

export function Visible({ text }: { text: string }) {
  const pieces = splitBidi(text);
  if (pieces.length === 1 && 'text' in pieces[0]!) return <>{text}</>;
  return (
    <>
      {pieces.map((piece, i) =>
        'mark' in piece ? (
          <span key={i} className="bidi-mark">
            {bidiMarkText(piece.mark)}
          </span>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
