import { mountStation } from '../lib/mount-station.ts';
import Kiosk from '../stations/kiosk/Kiosk.svelte';

mountStation(Kiosk);
