import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ForbiddenNotice } from './forbidden-notice';

describe('ForbiddenNotice', () => {
  it('says which role the page needs, what the user has, and whom to ask', () => {
    const html = renderToStaticMarkup(<ForbiddenNotice needed="admin" current="viewer" />);
    expect(html).toContain('<strong>Admins only:</strong> that page needs the admin role');
    expect(html.replace(/<!-- -->/g, '')).toContain('you are signed in as a viewer.');
    expect(html).toContain('ask an admin to change your role');
  });

  it('says nothing for a value that is not a role (the parameter is user input)', () => {
    expect(renderToStaticMarkup(<ForbiddenNotice needed="<b>x</b>" current="viewer" />)).toBe('');
    expect(renderToStaticMarkup(<ForbiddenNotice needed={undefined} current="viewer" />)).toBe('');
  });
});
