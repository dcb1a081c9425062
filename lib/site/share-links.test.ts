import { describe, expect, it } from 'vitest';
import { buildShareLinks } from './share-links';

describe('buildShareLinks', () => {
  it('encodes the address and title into each network share URL', () => {
    const links = buildShareLinks('https://news.example/city/a-b?x=1', 'Bridge & "port"');
    const byNetwork = Object.fromEntries(links.map((l) => [l.network, l.href]));
    expect(Object.keys(byNetwork)).toEqual(['email', 'x', 'facebook', 'linkedin', 'whatsapp']);
    expect(byNetwork.x).toBe(
      'https://twitter.com/intent/tweet?url=https%3A%2F%2Fnews.example%2Fcity%2Fa-b%3Fx%3D1&text=Bridge%20%26%20%22port%22',
    );
    expect(byNetwork.facebook).toContain('u=https%3A%2F%2Fnews.example%2Fcity%2Fa-b%3Fx%3D1');
    expect(byNetwork.email!.startsWith('mailto:?subject=Bridge%20%26%20%22port%22&body=')).toBe(true);
    for (const href of Object.values(byNetwork)) expect(href).not.toMatch(/[\s"<>]/);
  });
});
