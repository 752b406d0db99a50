import { HintAndError, describedByOf } from './form-field';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/**
 * GOV.UK date input: day, month and year boxes in a fieldset whose legend names the date. The
 * fields are sent as `name[day]`, `name[month]`, `name[year]`; the first box's id is `id-day`
 * (the error summary links to it).
 */
export function DateInput({
  id,
  name,
  legend,
  hint,
  error,
  defaultValue,
}: {
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  defaultValue?: Partial<DateParts>;
}) {
  const parts = [
    { key: 'day', label: 'Day', width: 'w-14', maxLength: 2 },
    { key: 'month', label: 'Month', width: 'w-14', maxLength: 2 },
    { key: 'year', label: 'Year', width: 'w-20', maxLength: 4 },
  ] as const;
  return (
    <div className={`mb-6 ${error ? 'border-l-4 border-govuk-error pl-3' : ''}`}>
      <fieldset id={id} aria-describedby={describedByOf(id, hint, error)}>
        <legend className="mb-1 font-bold">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className="flex flex-wrap gap-4">
          {parts.map((part) => (
            <div key={part.key}>
              <label htmlFor={`${id}-${part.key}`} className="mb-1 block">
                {part.label}
              </label>
              <input
                id={`${id}-${part.key}`}
                name={`${name}[${part.key}]`}
                inputMode="numeric"
                maxLength={part.maxLength}
                autoComplete="off"
                defaultValue={defaultValue?.[part.key] ?? ''}
                aria-invalid={error ? true : undefined}
                className={`block ${part.width} border-2 ${error ? 'border-govuk-error' : 'border-govuk-input'} p-1.5`}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** A stored calendar date (UTC midnight) as the date input's parts. */
export function datePartsOf(date: Date | null | undefined): DateParts {
  if (!date) return { day: '', month: '', year: '' };
  return { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) };
}
