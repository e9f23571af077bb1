import { describe, expect, it } from 'vitest';
import { parseConfigText } from './load';

describe('a bad schedule is a config error naming the field', () => {
  const errorOf = (walls: unknown): string => {
    const r = parseConfigText(JSON.stringify({ walls }), 'config.json');
    if (r.ok) throw new Error('accepted');
    return r.error;
  };

  it('names the entry and field of a malformed time', () => {
    expect(errorOf({ lobby: { schedule: [{ from: '08:00', to: '18:00', pages: ['overview'] }, { from: '18:00', to: '25:00', pages: ['overview'] }] } })).toBe(
      'config.json: walls.lobby.schedule[1].to: expected a time HH:MM between 00:00 and 24:00',
    );
  });

  it('names an unknown page, an unknown weekday and an empty playlist', () => {
    expect(errorOf({ lobby: { schedule: [{ from: '08:00', to: '18:00', pages: ['lobbyy'] }] } })).toMatch(/^config\.json: walls\.lobby\.schedule\[0\]\.pages\[0\]: expected one of "overview"/);
    expect(errorOf({ lobby: { schedule: [{ days: ['monday'], from: '08:00', to: '18:00', pages: ['risk'] }] } })).toMatch(/walls\.lobby\.schedule\[0\]\.days\[0\]: expected one of "mon"/);
    expect(errorOf({ lobby: { schedule: [{ from: '08:00', to: '18:00', pages: [] }] } })).toBe('config.json: walls.lobby.schedule[0].pages: expected at least 1 item');
  });

  it('refuses a bad profile id and warns about an unknown field inside a profile', () => {
    expect(errorOf({ Lobby: {} })).toMatch(/walls\.Lobby: not a valid name: lower-case letters, digits and dashes/);
    const r = parseConfigText(JSON.stringify({ walls: { lobby: { shedule: [] } } }), 'config.json');
    expect(r.ok && r.warnings).toEqual(['config.json: walls.lobby.shedule: unknown field, ignored']);
  });
});
