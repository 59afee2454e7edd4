import { describe, expect, it } from 'vitest';
import { parseCurl } from './curl.ts';

function req(text: string) {
  const r = parseCurl(text);
  if (!r.ok) throw new Error(r.message);
  return r.request;
}

describe('parseCurl', () => {
  it('reads URL, method, headers and body', () => {
    const r = req(`curl -X post 'https://api.openai.com/v1/x' -H 'Content-Type: application/json' -H "X-A:b" -d '{"a": 1}'`);
    expect(r).toEqual({
      url: 'https://api.openai.com/v1/x',
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-A', 'b'],
      ],
      body: '{"a": 1}',
      notes: [],
    });
  });

  it('defaults the method to POST with a body and GET without', () => {
    expect(req('curl https://x -d 1').method).toBe('POST');
    expect(req('curl https://x').method).toBe('GET');
  });

  it('reads grouped short options, attached values and --opt=value', () => {
    expect(req(`curl -sSL -XPOST https://x -d'{"a":1}'`)).toMatchObject({ method: 'POST', url: 'https://x', body: '{"a":1}' });
    expect(req(`curl -sd '{"b":2}' https://x`)).toMatchObject({ url: 'https://x', body: '{"b":2}' });
    expect(req(`curl --data='{"c":3}' --url=https://y`)).toMatchObject({ url: 'https://y', body: '{"c":3}' });
  });

  it('does not take an option value for the URL', () => {
    expect(req('curl -o out.json -m 30 -w "%{http_code}" -A agent https://x -d 1').url).toBe('https://x');
  });

  it('joins several -d with & as curl does', () => {
    expect(req('curl https://x -d a=1 -d b=2').body).toBe('a=1&b=2');
  });

  it('keeps @ literally for --data-raw only', () => {
    expect(req("curl https://x --data-raw '@handle'").body).toBe('@handle');
    const r = parseCurl("curl https://x --data-binary '@payload.json'");
    expect(!r.ok && r.message).toMatch(/file payload\.json/);
  });

  it('drops and reports a literal key in -H, -u or --oauth2-bearer, but keeps $OPENAI_API_KEY quietly', () => {
    for (const c of [
      "curl https://x -H 'Authorization: Bearer sk-abcdefghijklmnopqrstuvwx'",
      "curl https://x -u ':sk-abcdefghijklmnop'",
      "curl https://x --oauth2-bearer 'sk-abcdefghijklmnopqrstuvwx'",
    ]) {
      const r = req(c);
      expect(JSON.stringify(r), c).not.toContain('sk-abcdefghijklmnop');
      expect(r.notes.join(' '), c).toMatch(/API key/);
    }
    const env = req('curl https://x -H "Authorization: Bearer $OPENAI_API_KEY"');
    expect(env.headers).toEqual([['Authorization', 'Bearer $OPENAI_API_KEY']]);
    expect(env.notes).toEqual([]);
  });

  it('notes what followed the command', () => {
    expect(req('curl https://x -d 1 | jq .').notes).toEqual(['Ignored what follows the curl command: "| jq .".']);
  });

  it('refuses what is not curl', () => {
    const r = parseCurl('wget https://x');
    expect(!r.ok && r.message).toMatch(/should start with "curl"/);
  });
});
