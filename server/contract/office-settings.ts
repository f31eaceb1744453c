/**
 * The office's settings that screens and agents show: the ticket QR's address, office hours,
 * what the kiosk issues, and the hall voice's ending. Re-exported by contract.ts; every one
 * reaches open screens through the snapshot after `office:updated`.
 */
import type { IsoTime } from './contract.ts';

/** GET and PUT /api/settings/public-address: the address in the ticket QR, and why it is what it is. */
export interface PublicAddressSettings {
  /** What the office set; null: the default applies. */
  publicBaseUrl: string | null;
  /** What tickets print now (the snapshot's `publicBaseUrl`). */
  effective: string | null;
  /** `setting`, `lan` (the machine's first LAN IPv4 and the server's port) or `listener` (the address it listens on). */
  source: 'setting' | 'lan' | 'listener' | null;
  /** True when `effective` is loopback (127.0.0.0/8, ::1, localhost): no phone can open the QR. */
  loopback: boolean;
  /** The machine's first LAN IPv4 address, for the admin's reference; null when it has none. */
  lanAddress: string | null;
}

/** One weekday's hours in the office's time zone, "HH:MM"; `close` is after `open` ("24:00" = midnight). */
export interface OfficeDayHours {
  open: string;
  close: string;
}

/**
 * When the office issues tickets (PUT /api/settings/office-hours). No hours set (null) means the
 * kiosk issues at any time, as a new office does until an administrator sets them.
 */
export interface OfficeHours {
  /** Monday first: 0 = Monday ... 6 = Sunday; null closes that weekday. */
  weekdays: (OfficeDayHours | null)[];
  /** The last ticket of the day for every service, "HH:MM"; null: until closing. */
  lastTicket: string | null;
  /** Services whose last ticket is earlier (one that takes an hour to serve), "HH:MM". */
  serviceLastTicket: { serviceId: number; lastTicket: string }[];
  /** Days closed whatever the weekday (public holidays), YYYY-MM-DD in the office's time zone. */
  holidays: string[];
}

/** Why the kiosk does not issue a service's tickets now (POST /api/tickets refuses with the same). */
export const UNAVAILABLE_REASONS = [
  'office_closed',
  'service_closed_for_today',
  'counters_closed',
  'counters_paused',
] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

/** Whether the kiosk issues one active service's tickets now. */
export interface ServiceAvailability {
  serviceId: number;
  /** null: it issues now. */
  unavailable: UnavailableReason | null;
  /** counters_paused: the reason its paused counter gave. */
  pauseReason: string | null;
  /** office_closed, service_closed_for_today: when its tickets are issued next (null: no open day ahead). */
  opensAt: IsoTime | null;
}

/** What the kiosk needs to show which services it issues now, and for how long that holds. */
export interface IssuingState {
  officeHours: OfficeHours | null;
  /** office_closed: when the office opens next (null: open now, or no open day ahead). */
  officeOpensAt: IsoTime | null;
  services: ServiceAvailability[];
  /**
   * How long after this snapshot was made the hours change an answer (an opening, a last
   * ticket, a closing, midnight): the kiosk asks for a fresh snapshot then. null without hours.
   */
  changesInMs: number | null;
}

export const ANNOUNCEMENT_ENDINGS = ['kha', 'khrap', 'none'] as const;
/** The polite particle the hall voice ends a call with: ค่ะ, ครับ, or none. */
export type AnnouncementEnding = (typeof ANNOUNCEMENT_ENDINGS)[number];

/** How the hall display announces a call (PUT /api/settings/announcement). */
export interface AnnouncementSettings {
  ending: AnnouncementEnding;
}
