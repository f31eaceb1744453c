import { mountStation } from '../lib/mount-station.ts';
import Counter from '../stations/counter/Counter.svelte';

mountStation(Counter);
