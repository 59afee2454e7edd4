import { mount } from 'svelte';
import App from './app/App.svelte';
import './app/global.css';
import { registerServiceWorker } from './offline/register.ts';

performance.mark('gp:main');
mount(App, { target: document.getElementById('app')! });
performance.mark('gp:mounted');
registerServiceWorker();
