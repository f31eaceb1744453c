import { mountStation } from '../lib/mount-station.ts';
import Transparency from '../stations/transparency/Transparency.svelte';

mountStation(Transparency);
