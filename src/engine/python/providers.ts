/**
 * The Python packages the playground provides itself, installed into an interpreter on first import.
 * ast_grep_py needs its host to hand it the AST engine first (`setPythonAstEngine` in ast-grep.ts), zoneinfo
 * the tzdata wheel (`setTzdataSource` in platform.ts), nltk's METEOR the data files (`setMetricsData` in nltk.ts).
 */
import { astGrepPyProvider } from './ast-grep.ts';
import type { PythonModuleProvider } from './packages.ts';
import { platformProvider, tzdataProvider } from './platform.ts';
import { nltkProvider } from './nltk.ts';
import { rapidfuzzProvider } from './rapidfuzz.ts';

export const BUILTIN_PROVIDERS: readonly PythonModuleProvider[] = [rapidfuzzProvider, nltkProvider, astGrepPyProvider, platformProvider, tzdataProvider];
