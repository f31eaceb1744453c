import { mountStation } from '../lib/mount-station.ts';
import Standards from '../stations/standards/Standards.svelte';

mountStation(Standards);
