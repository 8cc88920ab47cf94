import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, callApi } from '@/lib/api/client';
import { createSilenceOp } from '@/lib/incidents/silence-api';
import { silenceErrorText } from './silence-error';

/** What the silences screens say when Vigil refuses: the error as callApi makes it, then its wording. */

/** The ApiError of `POST /api/v1/silences` when Vigil answers `status` with `body`. */
async function refusal(status: number, body: unknown): Promise<ApiError> {
  vi.stubGlobal(
    'fetch',
    async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }),
  );
  const error = await callApi(createSilenceOp, {
    body: { matchers: 'alertname="X"', duration: '1h', comment: 'x' },
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

afterEach(() => vi.unstubAllGlobals());

describe('silenceErrorText', () => {
  it("keeps Alertmanager's words and hint verbatim and says what to do", async () => {
    const error = await refusal(502, {
      error: {
        code: 'upstream',
        message: 'Alertmanager 10.0.0.5:9093 refused the connection',
        hint: 'check ALERTMANAGER_URLS',
        source: 'alertmanager',
      },
    });
    expect(error.status).toBe(502);
    expect(silenceErrorText(error)).toBe(
      'Alertmanager 10.0.0.5:9093 refused the connection. check ALERTMANAGER_URLS. Nothing was changed; fix what this names, or try again once Alertmanager answers.',
    );
  });

  it('keeps the field errors for the form and names them in the message', async () => {
    const error = await refusal(422, {
      error: {
        code: 'validation',
        message: 'The silence times are not valid.',
        fields: { endsAt: 'the end time is in the past' },
      },
    });
    expect(error.fields).toEqual({ endsAt: 'the end time is in the past' });
    expect(silenceErrorText(error)).toBe(
      'The silence times are not valid. endsAt: the end time is in the past.',
    );
  });

  it('passes a 503 message through, it already says what was done', async () => {
    const message =
      'PostgreSQL did not save the silence (connection refused), so nothing was changed. Try again once GET /api/health shows the database up.';
    expect(silenceErrorText(await refusal(503, { error: { code: 'unavailable', message } }))).toBe(message);
  });

  it('explains a 403 and survives a body that is not ours', async () => {
    expect(
      silenceErrorText(
        await refusal(403, { error: { code: 'forbidden', message: 'Needs the responder role.' } }),
      ),
    ).toBe('Needs the responder role. Changing silences needs the responder role; ask an admin.');
    expect(silenceErrorText(await refusal(500, null))).toBe('POST /api/v1/silences: Vigil answered 500.');
    expect((await refusal(500, '<html>')).fields).toEqual({});
  });

  it('words any other error by its own message', () => {
    expect(silenceErrorText(new Error('Reading the group failed.'))).toBe('Reading the group failed.');
  });
});
