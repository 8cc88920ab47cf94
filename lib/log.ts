import 'server-only';
import pino from 'pino';

/**
 * The server's JSON log: one line per event on stdout, so a flood of bad requests is a flood of short
 * lines, not of stack traces, and a log shipper reads each line as one record. Callers pass plain fields
 * (an event name, an address, an e-mail); passwords, tokens and cookies are never passed, and the redact
 * list below is the second line of defence should one ever be.
 */
export const log = pino(
  {
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [
        'password',
        'token',
        'cookie',
        'authorization',
        '*.password',
        '*.token',
        '*.cookie',
        '*.authorization',
      ],
      censor: '[redacted]',
    },
  },
  // process.stdout rather than pino's own file-descriptor writer: the lines interleave in order with
  // Next's own output.
  process.stdout,
);
