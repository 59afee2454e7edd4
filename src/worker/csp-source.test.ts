import { describe, expect, it } from 'vitest';
import { packageIndexSource } from './csp-source.ts';

describe('packageIndexSource: the sandbox CSP names the package index by its path', () => {
  it('keeps the folder, not only the origin', () => {
    expect(packageIndexSource('https://cdn.jsdelivr.net/pyodide/v314.0.7/full/')).toEqual(['https://cdn.jsdelivr.net/pyodide/v314.0.7/full/']);
    expect(packageIndexSource('http://127.0.0.1:8000/mirror/index.html')).toEqual(['http://127.0.0.1:8000/mirror/']);
    expect(packageIndexSource('https://example.com')).toEqual(['https://example.com/']);
  });

  it('refuses what could change the policy or is not http(s)', () => {
    for (const bad of ['', 'data:x', 'javascript:1', "https://a.example/x'; script-src *", 'https://a.example/x;y', 'https://a.example/a,b', 'https://u:p@a.example/', 'https://a.example/ x'])
      expect(packageIndexSource(bad), bad).toEqual([]);
  });
});
