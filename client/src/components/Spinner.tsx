/** A small turning ring for work in progress (decorative: the text beside it says what is happening). */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" data-testid="spinner" />;
}
