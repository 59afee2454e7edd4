/**
 * The package table must stay true to the pinned Pyodide's lock file, and the import plan must load exactly
 * what a source needs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PACKAGE_BASE_URL,
  OPENAI_IMAGE_PACKAGES,
  PYODIDE_VERSION,
  lockImportMap,
  planImports,
  unavailableMessage,
  withProviderNeeds,
  type PythonModuleProvider,
} from './packages.ts';
import { rapidfuzzProvider } from './rapidfuzz.ts';

const dir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
const lock = JSON.parse(readFileSync(join(dir, 'pyodide-lock.json'), 'utf8')) as {
  packages: Record<string, { name: string; version: string; imports: string[] }>;
};
const pkgJson = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };

describe('the package table', () => {
  it('names the installed Pyodide version and its CDN index', () => {
    expect(PYODIDE_VERSION).toBe(pkgJson.version);
    expect(DEFAULT_PACKAGE_BASE_URL).toBe(`https://cdn.jsdelivr.net/pyodide/v${pkgJson.version}/full/`);
  });

  it('has the 16 packages of OpenAI’s image', () => {
    expect(OPENAI_IMAGE_PACKAGES.map((p) => `${p.name}==${p.version}`).join(' ')).toBe(
      'numpy==2.2.4 scipy==1.15.2 sympy==1.13.3 pandas==2.2.3 rapidfuzz==3.10.1 scikit-learn==1.6.1 rouge-score==0.1.2 ' +
        'deepdiff==8.4.2 jsonschema==4.23.0 pydantic==2.10.6 pyyaml==6.0.2 nltk==3.9.1 sqlparse==0.5.3 rdkit==2024.9.6 ' +
        'scikit-bio==0.6.3 ast-grep-py==0.36.2',
    );
  });

  it.each(OPENAI_IMAGE_PACKAGES.map((p) => [p.name, p] as const))('%s: status and version agree with pyodide-lock.json', (_, p) => {
    const entry = lock.packages[p.name];
    // A provided package with a pyodideVersion shadows Pyodide's build of it (nltk): that build must exist.
    if (p.status === 'pyodide' || (p.status === 'provided' && p.pyodideVersion !== undefined)) {
      expect(entry?.version).toBe(p.pyodideVersion);
      expect(entry?.imports).toEqual(expect.arrayContaining(p.imports));
    } else {
      expect(entry).toBeUndefined();
      for (const i of p.imports) expect(lockImportMap(lock).has(i)).toBe(false);
    }
  });
});

describe('unavailableMessage', () => {
  it('explains a package nobody provides: what, why, what to do', () => {
    const m = unavailableMessage('skbio', false)!;
    expect(m).toContain('`import skbio` failed: scikit-bio==0.6.3 is in OpenAI\'s grader image');
    expect(m).toContain('no build of scikit-bio exists for Pyodide');
    expect(m).toContain('remove the import or guard it');
  });

  it('says when the playground’s own module is missing from this build, and nothing once it is there', () => {
    expect(unavailableMessage('rapidfuzz', false)).toContain("the playground's own rapidfuzz module is not available");
    expect(unavailableMessage('rapidfuzz', true)).toBeUndefined();
    expect(unavailableMessage('numpy', false)).toBeUndefined();
    expect(unavailableMessage('requests', false)).toBeUndefined();
  });
});

describe('planImports', () => {
  const lockImports = lockImportMap(lock);
  const fuzz: PythonModuleProvider = { imports: ['rapidfuzz'], install: () => undefined };
  const env = { lockImports, loaded: new Set<string>(), providers: new Map([['rapidfuzz', fuzz]]), installed: new Set<PythonModuleProvider>() };

  it('loads Pyodide packages by their lock name and leaves the standard library alone', () => {
    const plan = planImports(['collections', 'json', 'numpy', 'sklearn', 'yaml', 're'], env);
    expect(plan.load).toEqual(['numpy', 'scikit-learn', 'pyyaml']);
    expect(plan.reasons.get('scikit-learn')).toBe('sklearn');
    expect(plan.provide).toEqual([]);
  });

  it('prefers the playground’s providers and installs each once', () => {
    expect(planImports(['rapidfuzz'], env).provide).toEqual([fuzz]);
    expect(planImports(['rapidfuzz'], { ...env, installed: new Set([fuzz]) }).provide).toEqual([]);
  });

  it('skips what is already loaded and unknown modules', () => {
    expect(planImports(['numpy', 'sqlparse', 'no_such_thing'], { ...env, loaded: new Set(['numpy']) }).load).toEqual([]);
  });
});

describe('what providers need besides their own imports', () => {
  const providers = new Map<string, PythonModuleProvider>([['rapidfuzz', rapidfuzzProvider]]);
  it('rapidfuzz asks for numpy exactly when the source calls process.cdist or cpdist', () => {
    const needs = (src: string) => withProviderNeeds(['rapidfuzz', 'json'], src, providers);
    expect(needs('from rapidfuzz import process\nm = process.cdist(a, b)')).toEqual(['rapidfuzz', 'json', 'numpy']);
    expect(needs('from rapidfuzz.process import cpdist, extract')).toEqual(['rapidfuzz', 'json', 'numpy']);
    expect(needs('from rapidfuzz import process\nprocess.extractOne(q, c)')).toEqual(['rapidfuzz', 'json']);
    expect(needs('def cdist(a, b):\n    return 0')).toEqual(['rapidfuzz', 'json']);
    expect(withProviderNeeds(['json'], 'process.cdist(a, b)', providers)).toEqual(['json']);
    expect(withProviderNeeds(['rapidfuzz', 'numpy'], 'process.cdist(a, b)', providers)).toEqual(['rapidfuzz', 'numpy']);
  });
});
