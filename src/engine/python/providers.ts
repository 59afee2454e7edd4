/**
 * The Python packages the playground provides itself, installed into an interpreter on first import. A
 * provider for ast_grep_py joins this list when it exists.
 */
import type { PythonModuleProvider } from './packages.ts';
import { rapidfuzzProvider } from './rapidfuzz.ts';

export const BUILTIN_PROVIDERS: readonly PythonModuleProvider[] = [rapidfuzzProvider];
