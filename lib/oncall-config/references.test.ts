import { describe, expect, it } from 'vitest';
import { at, sampleDocument } from './fixtures';
import { checkReferences } from './references';

const known = {
  emails: new Set(['ana@example.com', 'ben@example.com', 'vic@example.com']),
  pageable: new Set(['ana@example.com', 'ben@example.com']),
  teams: new Set<string>(),
  schedules: new Set<string>(),
  policies: new Set(['default']),
  channels: new Set(['sre-mail']),
};
const noProblem = () => null;

describe('checkReferences', () => {
  it('accepts a document whose names exist in the database or in the file itself', () => {
    expect(checkReferences(sampleDocument(), known, noProblem)).toEqual({});
  });

  it('names each unknown e-mail, slug, policy and channel by its path, e-mails in any case', () => {
    const doc = sampleDocument();
    at(at(doc.schedules, 0).layers, 0).participants.push('ANA@example.com', 'nobody@example.com');
    at(at(doc.policies, 0).levels, 0).schedules.push('ghost');
    at(at(doc.policies, 0).levels, 1).channels.push('pager');
    at(doc.routes, 0).policy = 'nope';
    at(doc.routes, 0).team = 'db';
    expect(checkReferences(doc, known, noProblem)).toEqual({
      'schedules[0].layers[0].participants[3]': 'no active user "nobody@example.com"',
      'policies[0].levels[0].schedules[1]': 'no schedule "ghost" here or in the database',
      'policies[0].levels[1].channels[1]': 'no channel "pager" in VIGIL_CONFIG\'s channels',
      'routes[0].policy': 'no policy "nope" here or in the database',
      'routes[0].team': 'no team "db" here or in the database',
    });
  });

  it('refuses a viewer on call or named by a level, and keeps one as a team member', () => {
    const doc = sampleDocument();
    at(at(doc.schedules, 0).layers, 0).participants.push('vic@example.com');
    at(at(doc.policies, 0).levels, 1).users.push('VIC@example.com');
    at(doc.teams, 0).members.push({ email: 'vic@example.com', admin: false });
    const viewer = (email: string) =>
      `"${email}" is a viewer, who cannot acknowledge a page: choose a responder or an admin`;
    expect(checkReferences(doc, known, noProblem)).toEqual({
      'schedules[0].layers[0].participants[2]': viewer('vic@example.com'),
      'policies[0].levels[1].users[1]': viewer('VIC@example.com'),
    });
  });

  it('reports a matcher the check refuses', () => {
    const fields = checkReferences(sampleDocument(), known, (m) =>
      m.includes('sre') ? 'bad matcher' : null,
    );
    expect(fields).toEqual({ 'routes[0].matchers[0]': 'bad matcher' });
  });
});
