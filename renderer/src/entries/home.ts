import { mountStation } from '../lib/mount-station.ts';
import Home from '../stations/home/Home.svelte';

mountStation(Home);
