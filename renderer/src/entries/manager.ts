import { mountStation } from '../lib/mount-station.ts';
import Manager from '../stations/manager/Manager.svelte';
import PrintReport from '../stations/manager/print/PrintReport.svelte';

// /manager/print is the same page laid out for A4: the server's PDF printer opens it.
const printing = /^\/manager\/print\/?$/.test(location.pathname);

mountStation(printing ? PrintReport : Manager);
