import { describe, expect, it } from 'vitest';
import { modelUrl, urlUnderBase } from './model-url.ts';
import type { ModelOperation } from '../../worker/protocol.ts';

describe('model call URLs', () => {
  it('builds each operation under the base path, whatever its trailing slashes', () => {
    expect(modelUrl('https://api.openai.com/v1', 'chat.completions').href).toBe('https://api.openai.com/v1/chat/completions');
    expect(modelUrl('https://api.openai.com/v1//', 'responses').href).toBe('https://api.openai.com/v1/responses');
    expect(modelUrl('http://localhost', 'embeddings').href).toBe('http://localhost/embeddings');
    expect(modelUrl(' https://llm.example.com/proxy/openai/v1/ ', 'chat.completions').href).toBe('https://llm.example.com/proxy/openai/v1/chat/completions');
  });

  it('refuses an operation outside the fixed set, even one that looks like a path', () => {
    for (const op of ['/chat/completions', 'chat.completions/../../admin', '__proto__', 'constructor', 'toString', ':4390/x']) {
      expect(() => modelUrl('https://api.openai.com/v1', op as ModelOperation)).toThrow(/unknown operation/);
    }
  });

  // The attacks of issue 12: a path that joins into another host, port or path of the endpoint's host.
  const attacks: [string, string][] = [
    ['http://localhost', ':4390/x'],
    ['https://llm.example.com', '.evil.example/x'],
    ['https://llm.example.com', '@evil.example/x'],
    ['https://api.openai.com/v1', '/../../admin/x?y'],
    ['https://api.openai.com/v1', '/%2e%2e/%2e%2e/admin'],
    ['https://api.openai.com/v1', '/chat/completions#frag'],
    ['https://api.openai.com/v1', '/chat/completions?key=x'],
    ['https://api.openai.com/v1', 'evil/x'],
  ];
  it.each(attacks)('refuses %s + %s', (base, path) => {
    expect(() => urlUnderBase(base, path)).toThrow(/refused|not a URL/);
  });

  it('keeps a backslash path on the endpoint host, and a base URL query', () => {
    expect(urlUnderBase('https://api.openai.com/v1', '\\\\evil.example/x').host).toBe('api.openai.com');
    expect(modelUrl('https://x.example/v1?api-version=2', 'responses').href).toBe('https://x.example/v1/responses?api-version=2');
  });

  it('refuses base URLs that are not http(s) or carry credentials', () => {
    expect(() => modelUrl('javascript:alert(1)', 'chat.completions')).toThrow(/https/);
    expect(() => modelUrl('https://user:pw@api.example.com/v1', 'chat.completions')).toThrow(/password/);
    expect(() => modelUrl('not a url', 'chat.completions')).toThrow(/not a URL/);
  });
});
