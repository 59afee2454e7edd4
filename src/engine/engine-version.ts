/**
 * The engine of this build, alone in its module so that a share link can record it without loading the
 * changelog's rules and their Unicode tables (the embed's first score waits for every module it imports).
 * Bump it with a row in changelog.ts. Versions 1-3 were given afterwards to the engines of the dates there.
 */
export const ENGINE_VERSION = 4;
