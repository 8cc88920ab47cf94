import { describe, expect, it } from 'vitest';
import { apiErrorFrom } from './silence-api';

describe('apiErrorFrom', () => {
  it("keeps Alertmanager's words and hint verbatim and says what to do", () => {
    const error = apiErrorFrom(502, {
      error: {
        code: 'upstream',
        message: 'Alertmanager 10.0.0.5:9093 refused the connection',
        hint: 'check ALERTMANAGER_URLS',
        source: 'alertmanager',
      },
    });
    expect(error.status).toBe(502);
    expect(error.message).toBe(
      'Alertmanager 10.0.0.5:9093 refused the connection. check ALERTMANAGER_URLS. Nothing was changed; fix what this names, or try again once Alertmanager answers.',
    );
  });

  it('keeps the field errors for the form and names them in the message', () => {
    const error = apiErrorFrom(422, {
      error: {
        code: 'validation',
        message: 'The silence times are not valid.',
        fields: { endsAt: 'the end time is in the past' },
      },
    });
    expect(error.fields).toEqual({ endsAt: 'the end time is in the past' });
    expect(error.message).toBe('The silence times are not valid. endsAt: the end time is in the past.');
  });

  it('passes a 503 message through, it already says what was done', () => {
    const message =
      'PostgreSQL did not save the silence (connection refused), so nothing was changed. Try again once GET /api/health shows the database up.';
    expect(apiErrorFrom(503, { error: { code: 'unavailable', message } }).message).toBe(message);
  });

  it('explains a 403 and survives a body that is not ours', () => {
    expect(apiErrorFrom(403, { error: { message: 'Needs the responder role.' } }).message).toBe(
      'Needs the responder role. Changing silences needs the responder role; ask an admin.',
    );
    expect(apiErrorFrom(500, null).message).toBe('Vigil answered 500.');
    expect(apiErrorFrom(500, '<html>').fields).toEqual({});
  });
});
