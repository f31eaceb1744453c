import { mountStation } from '../lib/mount-station.ts';
import TicketStatus from '../stations/ticket/TicketStatus.svelte';

mountStation(TicketStatus);
