'use client';

/** A list the panel writes (strengths, areas for improvement, recommendations), one item a line. */
export function ItemsField({
  id,
  label,
  items,
  onChange,
}: {
  id: string;
  label: string;
  items: string[];
  onChange: (items: string[]) => void;
}) {
  return (
    <div className="mb-4">
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      <p id={`${id}-hint`} className="mb-1 text-govuk-secondary">
        One a line.
      </p>
      <textarea
        id={id}
        rows={Math.max(3, items.length + 1)}
        aria-describedby={`${id}-hint`}
        className="block w-full border-2 border-govuk-input p-1.5"
        value={items.join('\n')}
        onChange={(e) => onChange(e.currentTarget.value.split('\n'))}
      />
    </div>
  );
}
