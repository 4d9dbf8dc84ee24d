// A card's facts as a definition list: a term and its value each; a long value takes the row.
export function Facts({ facts }: { facts: readonly (readonly [string, string])[] }) {
  return (
    <dl className="facts">
      {facts.map(([term, value]) => (
        <div key={term} className={value.length > 32 ? 'fact wide' : 'fact'}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
