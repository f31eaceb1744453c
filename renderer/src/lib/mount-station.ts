import { mount, type Component } from 'svelte';
import '../styles/base.css';
import { lang } from './i18n/lang.svelte.ts';

/** Starts one station page: the shared styles, the document language, the root component. */
export function mountStation(component: Component): void {
  document.documentElement.lang = lang.current;
  const target = document.getElementById('app');
  if (!target) throw new Error('the station page has no #app element');
  mount(component, { target });
}
