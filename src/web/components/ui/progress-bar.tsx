/**
 * A progress bar with its number written beside it (never the bar alone). The label is the bar's
 * accessible name and carries the value, so the number beside it is hidden from screen readers.
 */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  return (
    <span className="bn-progress">
      <progress className="bn-progress__bar" max={100} value={value} aria-label={label} />
      <span className="kern-body kern-body--small bn-nowrap" aria-hidden="true">
        {value} %
      </span>
    </span>
  );
}
