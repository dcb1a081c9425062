// A form's outcome. e2e journeys find it by its test id: form-error or form-message unless
// the caller names another.
export function FormMessage({ error, message, testId }: { error?: string; message?: string; testId?: string }) {
  if (error) {
    return (
      <p role="status" data-testid={testId ?? 'form-error'} className="rounded-md border border-accent/40 bg-accent/5 px-3 py-2 text-sm font-medium text-accent">
        {error}
      </p>
    );
  }
  if (message) {
    return (
      <p role="status" data-testid={testId ?? 'form-message'} className="rounded-md border border-rule bg-panel px-3 py-2 text-sm">
        {message}
      </p>
    );
  }
  return null;
}
