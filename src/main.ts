import { mount } from 'svelte';
import App from './app/App.svelte';
import './app/global.css';
import { registerServiceWorker } from './offline/register.ts';

mount(App, { target: document.getElementById('app')! });
registerServiceWorker();
