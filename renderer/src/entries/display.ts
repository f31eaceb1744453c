import { mountStation } from '../lib/mount-station.ts';
import Display from '../stations/display/Display.svelte';

mountStation(Display);
