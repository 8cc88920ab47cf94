import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ValidationError } from '@/lib/errors';
import { sampleDocument } from './fixtures';
import { parseDocumentText, renderDocument } from './yaml-text';

describe('renderDocument / parseDocumentText', () => {
  it('round-trips: parsing the rendered text gives the same document, and rendering it again the same text', () => {
    const doc = sampleDocument();
    const text = renderDocument(doc);
    const back = parseDocumentText(text);
    expect(back).toEqual(doc);
    expect(renderDocument(back)).toBe(text);
  });

  it('writes keys in a fixed order, one spelling per instant, and leaves out what equals its default', () => {
    const text = renderDocument(sampleDocument());
    expect(text).toContain('startsAt: "2030-01-01T08:00:00.000Z"');
    expect(text).not.toContain('default: false');
    expect(text).not.toContain('rotationLength');
    expect(text.indexOf('teams:')).toBeLessThan(text.indexOf('schedules:'));
    expect(text.indexOf('schedules:')).toBeLessThan(text.indexOf('policies:'));
    expect(text.indexOf('policies:')).toBeLessThan(text.indexOf('routes:'));
    expect(text).toMatch(/- name: default\n {4}default: true\n {4}policy: default/);
  });

  it('quotes what a YAML 1.1 reader (PyYAML) would retype, so 1.1 and 1.2 read the same strings', () => {
    const doc = sampleDocument();
    const [team] = doc.teams;
    const [schedule] = doc.schedules;
    const [override] = schedule?.overrides ?? [];
    if (!team || !schedule || !override) throw new Error('the sample has a team, schedule and override');
    // Strings 1.1 reads as a boolean, an octal integer and a sexagesimal integer.
    team.description = 'no';
    team.name = '0755';
    override.reason = '1:30';
    const text = renderDocument(doc);
    expect(text).toContain('handoffTime: "09:00"');
    expect(text).toContain('startDate: "2026-11-30"');
    expect(text).toMatch(/to: "17:00"/);

    const yaml11 = parse(text, { version: '1.1' });
    expect(yaml11).toEqual(parse(text, { version: '1.2' }));
    expect(yaml11.schedules[0].layers[0]).toMatchObject({
      handoffTime: '09:00',
      startDate: '2026-11-30',
      restrictions: [{ from: '09:00', to: '17:00' }],
    });
    expect(yaml11.schedules[0].overrides[0]).toMatchObject({
      startsAt: '2030-01-01T08:00:00.000Z',
      reason: '1:30',
    });
    expect(yaml11.teams[0]).toMatchObject({ name: '0755', description: 'no' });
    // …and what a 1.1 tool writes back from that is still what the import accepts.
    expect(parseDocumentText(text)).toEqual(doc);
  });

  it('names the place of a schema problem by its path', () => {
    const text = renderDocument(sampleDocument()).replace('handoffTime: "09:00"', 'handoffTime: "9 am"');
    try {
      parseDocumentText(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields).toHaveProperty('schedules[0].layers[0].handoffTime');
    }
  });

  it('refuses YAML that does not parse, and the same slug twice', () => {
    expect(() => parseDocumentText('teams: [')).toThrow(/does not parse/);
    const twice = 'teams:\n  - {slug: sre, name: A}\n  - {slug: sre, name: B}\n';
    expect(() => parseDocumentText(twice)).toThrow(/team "sre" appears twice/);
  });

  it('refuses a route without matchers unless it is the default, and an unknown key', () => {
    expect(() => parseDocumentText('routes:\n  - {name: r, policy: p}\n')).toThrow(/routes\[0\]\.matchers/);
    expect(() => parseDocumentText('teams:\n  - {slug: sre, name: SRE, colour: red}\n')).toThrow(
      /teams\[0\]/,
    );
  });

  it('reads an empty file as an empty configuration', () => {
    expect(parseDocumentText('')).toEqual({ version: 1, teams: [], schedules: [], policies: [], routes: [] });
  });
});
