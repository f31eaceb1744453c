import { mountStation } from '../lib/mount-station.ts';
import Rate from '../stations/rate/Rate.svelte';

mountStation(Rate);
