/** The outcome of a form post: a success announced politely, a failure as an alert with its details. */
export function FormResult({
  result,
  details,
}: {
  result: { ok: true; message: string } | { ok: false; formError: string } | null | undefined;
  details?: string[];
}) {
  if (!result) return null;
  if (result.ok) {
    return (
      <p className="alert alert-success" role="status">
        {result.message}
      </p>
    );
  }
  return (
    <div className="alert alert-error" role="alert">
      <p>{result.formError}</p>
      {details?.length ? (
        <ul>
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
