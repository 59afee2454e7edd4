/**
 * The embed entry (embed.html): reads what to show from the address and mounts the compact view. It must stay
 * small (README "Embedding": under 100 KB of gzipped JavaScript before the first score) and must not read the
 * app's storage: no preferences, workspaces or keys are loaded here, and no service worker is registered.
 */
import { mount } from 'svelte';
import './grading.ts'; // first: the sandbox starts while the rest loads
import EmbedApp from './EmbedApp.svelte';
import { embedParams } from './params.ts';
import './embed.css';

const params = embedParams(location.search, location.hash);
if (params.theme !== 'auto') document.documentElement.dataset.theme = params.theme;
mount(EmbedApp, { target: document.getElementById('embed')!, props: { params } });
