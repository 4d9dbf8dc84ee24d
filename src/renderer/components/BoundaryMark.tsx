// Beside the rung: whether the container's boundary is weakened (how badly, by what) or
// strengthened. The words say it; the colour only repeats them.
import type { Boundary } from '../../shared/model/boundary';
import { boundaryMark } from '../format/boundary';
import { useT } from '../i18n/react';

export function BoundaryMark({ boundary }: { boundary: Boundary | null }) {
  const t = useT();
  const mark = boundaryMark(boundary, t);
  if (!mark) return null;
  return (
    <span className={`boundary-mark boundary-${mark.level}`} title={mark.title} data-boundary={mark.level}>
      {mark.text}
    </span>
  );
}
