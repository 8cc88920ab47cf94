import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Field, FieldError, Input } from './field';

describe('Field', () => {
  it('labels its control and shows no error when there is none', () => {
    const html = renderToStaticMarkup(
      <Field id="name" label="Name">
        {(control) => <Input {...control} />}
      </Field>,
    );
    expect(html).toContain('<label for="name" class="text-sm font-medium">Name</label>');
    expect(html).toMatch(/<input[^>]*id="name"[^>]*aria-invalid="false"/);
    expect(html).not.toContain('aria-describedby');
    expect(html).not.toContain('name-error');
  });

  it('ties the error to the control: invalid, and described by the message', () => {
    const html = renderToStaticMarkup(
      <Field id="name" label="Name" error="Give the token a name.">
        {(control) => <Input {...control} />}
      </Field>,
    );
    expect(html).toMatch(/<input[^>]*id="name"[^>]*aria-invalid="true"[^>]*aria-describedby="name-error"/);
    expect(html).toContain('<p id="name-error" class="text-sm text-danger">Give the token a name.</p>');
  });

  it('still takes a plain control as children', () => {
    const html = renderToStaticMarkup(
      <Field id="who" label="Who" error="Unknown user.">
        <Input id="who" />
      </Field>,
    );
    expect(html).toContain('<input class="');
    expect(html).toContain('<p id="who-error" class="text-sm text-danger">Unknown user.</p>');
  });
});

describe('FieldError', () => {
  it('renders the message under the id controls point at, or nothing', () => {
    expect(renderToStaticMarkup(<FieldError id="t" error="Too long." />)).toBe(
      '<p id="t-error" class="text-sm text-danger">Too long.</p>',
    );
    expect(renderToStaticMarkup(<FieldError id="t" />)).toBe('');
  });
});
