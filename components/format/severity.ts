/** Colour classes per severity; unknown severities are neutral. */
const SEVERITY_CLASS: Record<string, string> = {
  critical: 'bg-danger text-white',
  warning: 'bg-warn text-black',
  info: 'bg-accent text-white',
};

export const severityClass = (severity: string) => SEVERITY_CLASS[severity] ?? 'bg-border text-fg';
