/** A short form's outcome in words: its error (an alert) and, once it is done, its confirmation (a status). */
export function FormMessage({ error, done }: { error?: string | undefined; done?: string | undefined }) {
  return (
    <>
      {error ? (
        <p role="alert" className="mb-3 font-bold text-govuk-error">
          {error}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="mb-3 font-bold text-govuk-success">
          {done}
        </p>
      ) : null}
    </>
  );
}
