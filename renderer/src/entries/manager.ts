import { mountStation } from '../lib/mount-station.ts';
import Manager from '../stations/manager/Manager.svelte';
import PrintReport from '../stations/manager/print/PrintReport.svelte';
import PrintPublication from '../stations/manager/print/PrintPublication.svelte';

// /manager/print is the same page laid out for A4: the server's PDF printer opens it.
const printing = /^\/manager\/print\/?$/.test(location.pathname);
// /manager/print/publication: an ITA document (service manual, statistics, satisfaction) on A4.
const publishing = /^\/manager\/print\/publication\/?$/.test(location.pathname);

mountStation(publishing ? PrintPublication : printing ? PrintReport : Manager);
