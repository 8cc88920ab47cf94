/** While the incident is read (a slow database must not leave the previous page up with no sign). */
export default function IncidentLoading() {
  return (
    <p className="mx-auto max-w-5xl text-sm text-muted" role="status" aria-busy="true">
      Loading the incident…
    </p>
  );
}
