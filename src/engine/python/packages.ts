/**
 * Which Python packages a grader can import here, compared with OpenAI's grader image, and which ones a given
 * source needs loaded before it runs. Pure data and decisions: loading itself happens in runtime.ts, and the
 * imports are found by Python's own `ast` module (harness.ts), not by a regex here.
 */

/** The Pyodide release the project pins (package.json); its package index is versioned with it. */
export const PYODIDE_VERSION = '314.0.7';

/** Where Pyodide's own packages (numpy, pandas, ...) are fetched from unless the host configures a mirror. */
export const DEFAULT_PACKAGE_BASE_URL = `https://cdn.jsdelivr.net/pyodide/v${PYODIDE_VERSION}/full/`;

/** The image tag OpenAI documents the package list for. */
export const OPENAI_IMAGE_TAG = '2025-05-08';

export type PackageStatus =
  /** The playground provides the module itself (one implementation shared with the TypeScript metrics). */
  | 'provided'
  /** In Pyodide's package index: loaded on first import. */
  | 'pyodide'
  /** Nobody provides a build for Pyodide: importing it fails here. */
  | 'unavailable';

export interface ImagePackage {
  /** The distribution name in OpenAI's list. */
  name: string;
  /** The version OpenAI's image pins. */
  version: string;
  /** Top-level modules it makes importable. */
  imports: string[];
  status: PackageStatus;
  /** The version Pyodide's index has (status 'pyodide'), which may differ from OpenAI's. */
  pyodideVersion?: string;
  /** Anything a user should know about this package here. */
  note?: string;
}

/** OpenAI's grader image, package for package (GUIDE "Python graders", image tag 2025-05-08). */
export const OPENAI_IMAGE_PACKAGES: readonly ImagePackage[] = [
  { name: 'numpy', version: '2.2.4', imports: ['numpy'], status: 'pyodide', pyodideVersion: '2.4.6' },
  { name: 'scipy', version: '1.15.2', imports: ['scipy'], status: 'pyodide', pyodideVersion: '1.18.0' },
  { name: 'sympy', version: '1.13.3', imports: ['sympy'], status: 'pyodide', pyodideVersion: '1.14.0' },
  {
    name: 'pandas',
    version: '2.2.3',
    imports: ['pandas'],
    status: 'pyodide',
    pyodideVersion: '3.0.2',
    note: 'Pyodide has pandas 3, a major version ahead of OpenAI’s 2.2.3: a few deprecated APIs behave differently.',
  },
  {
    name: 'rapidfuzz',
    version: '3.10.1',
    imports: ['rapidfuzz'],
    status: 'provided',
    note: 'Provided by the playground on top of its own TypeScript fuzzy metrics (the same code as fuzzy_match).',
  },
  { name: 'scikit-learn', version: '1.6.1', imports: ['sklearn'], status: 'pyodide', pyodideVersion: '1.8.0' },
  {
    name: 'rouge-score',
    version: '0.1.2',
    imports: ['rouge_score'],
    status: 'provided',
    note: 'Provided by the playground: rouge_scorer.RougeScorer (rouge1-9, rougeL, use_stemmer) on the same code as the rouge_* metrics.',
  },
  { name: 'deepdiff', version: '8.4.2', imports: ['deepdiff'], status: 'unavailable' },
  { name: 'jsonschema', version: '4.23.0', imports: ['jsonschema'], status: 'pyodide', pyodideVersion: '4.26.0' },
  { name: 'pydantic', version: '2.10.6', imports: ['pydantic'], status: 'pyodide', pyodideVersion: '2.12.5' },
  { name: 'pyyaml', version: '6.0.2', imports: ['yaml'], status: 'pyodide', pyodideVersion: '6.0.3' },
  {
    name: 'nltk',
    version: '3.9.1',
    imports: ['nltk'],
    status: 'provided',
    pyodideVersion: '3.9.4',
    note: 'Provided by the playground (in place of Pyodide’s nltk 3.9.4, which needs a download): nltk.translate’s bleu_score, gleu_score and meteor_score (with WordNet 3.0) on the same code as the bleu, gleu and meteor metrics, offline. Other NLTK modules and the data OpenAI’s image ships (punkt, stopwords, omw-1.4, names) are not here.',
  },
  { name: 'sqlparse', version: '0.5.3', imports: ['sqlparse'], status: 'unavailable' },
  { name: 'rdkit', version: '2024.9.6', imports: ['rdkit'], status: 'unavailable' },
  { name: 'scikit-bio', version: '0.6.3', imports: ['skbio'], status: 'unavailable' },
  {
    name: 'ast-grep-py',
    version: '0.36.2',
    imports: ['ast_grep_py'],
    status: 'provided',
    note: 'Provided by the playground on top of @ast-grep/wasm.',
  },
];

/** The OpenAI image package a top-level module belongs to, if any. */
export function imagePackageOf(module: string): ImagePackage | undefined {
  return OPENAI_IMAGE_PACKAGES.find((p) => p.imports.includes(module));
}

/**
 * What to say when `import <module>` fails here although OpenAI's image has it: which package, why it is
 * missing, and what to do. Used by the Python harness to replace a bare ModuleNotFoundError.
 */
export function unavailableMessage(module: string, providedReady: boolean): string | undefined {
  const p = imagePackageOf(module);
  if (!p || p.status === 'pyodide' || (p.status === 'provided' && providedReady)) return undefined;
  const head = `\`import ${module}\` failed: ${p.name}==${p.version} is in OpenAI's grader image (tag ${OPENAI_IMAGE_TAG}), so this import would work on OpenAI, but`;
  const why =
    p.status === 'provided'
      ? `the playground's own ${module} module is not available in this build.`
      : `no build of ${p.name} exists for Pyodide (Python in WebAssembly), so the playground cannot run it.`;
  const todo =
    'To grade here, remove the import or guard it (try: import ... except ImportError: ...); to check the real behaviour, run this grader with OpenAI\'s /fine_tuning/alpha/graders/run.';
  return `${head} ${why}${p.note ? ` ${p.note}` : ''} ${todo}`;
}

/** Where the harness and provided packages live in the interpreter's file system (on sys.path). */
export const PROVIDED_DIR = '/lib/gp';

/** A Python module the playground installs itself (rapidfuzz, ast_grep_py), on the first run that imports it. */
export interface PythonModuleProvider {
  /** Top-level module names it provides. */
  imports: readonly string[];
  /** Said when a submodule it does not implement is imported. */
  partialNote?: string;
  /** Make the modules importable in this interpreter (write files to the FS, registerJsModule...). */
  install(pyodide: unknown): Promise<void> | void;
  /**
   * Called before every run whose source imports one of `imports`, once installed: e.g. ast_grep_py loads the
   * grammars this source and sample need (Python calls JS synchronously and cannot wait). Must not throw.
   */
  prepareRun?(pyodide: unknown, request: { source: string; sampleJson: string; itemJson: string }): Promise<void> | void;
  /**
   * Further top-level modules a source that imports this provider needs loaded (e.g. rapidfuzz's cdist returns
   * numpy arrays, so a source calling it needs numpy although it may never import numpy itself).
   */
  needs?(source: string): string[];
}

/** The imports a source makes plus what the providers it imports need (`PythonModuleProvider.needs`). */
export function withProviderNeeds(imports: readonly string[], source: string, providers: ReadonlyMap<string, PythonModuleProvider>): string[] {
  const all = [...imports];
  for (const p of new Set(imports.map((name) => providers.get(name)))) {
    for (const extra of p?.needs?.(source) ?? []) if (!all.includes(extra)) all.push(extra);
  }
  return all;
}

export interface ImportEnvironment {
  /** Import name -> Pyodide lock-file package name, from the interpreter's lock file. */
  lockImports: ReadonlyMap<string, string>;
  /** Lock-file package names already loaded in this interpreter. */
  loaded: ReadonlySet<string>;
  /** Providers by import name. */
  providers: ReadonlyMap<string, PythonModuleProvider>;
  /** Providers already installed in this interpreter. */
  installed: ReadonlySet<PythonModuleProvider>;
}

export interface ImportPlan {
  /** Lock-file packages to load (pyodide.loadPackage resolves their dependencies). */
  load: string[];
  /** Our providers to install. */
  provide: PythonModuleProvider[];
  /** Which import asked for each package or provider, for error messages. */
  reasons: Map<string, string>;
}

/**
 * Decide what a source's imports need. Our providers win over Pyodide's index, so a python grader and the
 * built-in metrics share one implementation; anything else (standard library, unknown modules) is left to
 * Python's import, which fails with a ModuleNotFoundError the harness explains.
 */
export function planImports(imports: readonly string[], env: ImportEnvironment): ImportPlan {
  const load: string[] = [];
  const provide: PythonModuleProvider[] = [];
  const reasons = new Map<string, string>();
  for (const name of imports) {
    const provider = env.providers.get(name);
    if (provider) {
      if (!env.installed.has(provider) && !provide.includes(provider)) provide.push(provider);
      continue;
    }
    const pkg = env.lockImports.get(name);
    if (pkg !== undefined && !env.loaded.has(pkg) && !load.includes(pkg)) {
      load.push(pkg);
      reasons.set(pkg, name);
    }
  }
  return { load, provide, reasons };
}

/** Import name -> package name from a Pyodide lock file's `packages` table. */
export function lockImportMap(lock: { packages: Record<string, { name: string; imports: string[] }> }): Map<string, string> {
  const map = new Map<string, string>();
  for (const p of Object.values(lock.packages)) for (const i of p.imports) map.set(i, p.name);
  return map;
}
