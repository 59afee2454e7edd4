/**
 * The embed's grading: one sandbox (GraderHost, the app's own) and one live runner for the page, started as soon
 * as the page loads, while the link is still being decoded, so the first score comes sooner. An embed page holds
 * one workspace from elsewhere and nothing of the user's, so its single worker realm is not shared with anything:
 * the isolation the app gets from a foreign realm, the embed gets from being its own page and its own sandbox.
 * The package index is the default one: the embed never reads the app's stored preferences.
 */
import { DEFAULT_PACKAGE_BASE_URL } from '../engine/python/packages.ts';
import { GraderHost } from '../worker/host.ts';
import { LiveRunner } from '../worker/live-runner.ts';

export const host = new GraderHost({ sandboxUrl: './sandbox.html', packageBaseUrl: DEFAULT_PACKAGE_BASE_URL });
export const runner = new LiveRunner(host);
void runner.warm();
