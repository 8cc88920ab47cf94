/** A row of mutually exclusive choices (radio buttons styled as segments). */
export function Segmented<T extends string>({
  name,
  legend,
  hideLegend = false,
  options,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  hideLegend?: boolean;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="flex gap-1 text-sm">
      <legend className={hideLegend ? 'sr-only' : 'mb-1 text-xs text-muted'}>{legend}</legend>
      {options.map((option) => (
        <label
          key={option}
          className={`inline-flex cursor-pointer items-center rounded border px-2 py-0.5 max-sm:min-h-11 ${option === value ? 'border-accent text-accent' : 'border-border'}`}
        >
          <input
            type="radio"
            name={name}
            value={option}
            checked={option === value}
            onChange={() => onChange(option)}
            className="sr-only"
          />
          {option}
        </label>
      ))}
    </fieldset>
  );
}
