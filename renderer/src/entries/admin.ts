import { mountStation } from '../lib/mount-station.ts';
import Admin from '../stations/admin/Admin.svelte';

mountStation(Admin);
