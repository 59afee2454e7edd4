/**
 * Providers for the parts of the platform Pyodide lacks: `platformProvider` patches signal, threading and
 * concurrent.futures (platform-py.ts) when a source imports them; `tzdataProvider` installs the IANA time-zone
 * database (the `tzdata` wheel the app serves from `data/`, so it works offline) when a source imports zoneinfo or
 * tzdata. The host hands in how to read that wheel (`setTzdataSource`), as it does the AST engine for ast_grep_py.
 */
import type { PyodideAPI } from 'pyodide';
import { PROVIDED_DIR, type PythonModuleProvider } from './packages.ts';
import { PLATFORM_MODULE, PLATFORM_PY } from './platform-py.ts';

/** The tzdata wheel under public/data/ (from PyPI; Pyodide's own index has tzdata 2025.3, fetched online only). */
export const TZDATA_WHEEL = 'tzdata-2026.4-py2.py3-none-any.whl';

export const platformProvider: PythonModuleProvider = {
  imports: ['signal', 'threading', 'concurrent'],
  install(pyodide: unknown) {
    const py = pyodide as PyodideAPI;
    py.FS.writeFile(`${PROVIDED_DIR}/${PLATFORM_MODULE}.py`, PLATFORM_PY);
    py.runPython(`import importlib\nimportlib.invalidate_caches()\nimport ${PLATFORM_MODULE}\n${PLATFORM_MODULE}.install()`);
  },
};

let tzdataSource: (() => Promise<ArrayBuffer | Uint8Array>) | undefined;

/** How this host reads the tzdata wheel (browser: the app's data/ URL; Node: public/data/ on disk). */
export function setTzdataSource(load: () => Promise<ArrayBuffer | Uint8Array>): void {
  tzdataSource = load;
}

export const tzdataProvider: PythonModuleProvider = {
  imports: ['zoneinfo', 'tzdata'],
  async install(pyodide: unknown) {
    const py = pyodide as PyodideAPI;
    if (!tzdataSource) throw new Error(`this host gave the Python runtime no time-zone data (${TZDATA_WHEEL})`);
    const bytes = await tzdataSource();
    // A plain Uint8Array view: Pyodide refuses Node's Buffer subclass.
    const view = bytes instanceof Uint8Array ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
    py.unpackArchive(view, 'wheel', { extractDir: PROVIDED_DIR });
    py.runPython('import importlib\nimportlib.invalidate_caches()');
  },
};
