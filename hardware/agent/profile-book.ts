import type { DeviceProfiles, DisplayProfileData } from '../../server/contract/contract.ts';
import {
  listPrinterProfiles,
  loadPrinterProfile,
  validatePrinterProfile,
  type PrinterProfile,
} from '../printer/printer-profile.ts';
import type { DisplayProtocolConfig } from '../display/display-protocols.ts';
import { HardwareError } from '../hardware-error.ts';

/**
 * The device profiles this station can use: the ones shipped in
 * hardware/printer/profiles, and the office's own from /admin (GET
 * /api/device-profiles), which win on a shared name. The office's are replaced
 * whenever the server announces new ones, so the next ticket and call use them.
 */
export class ProfileBook {
  private printers = new Map<string, PrinterProfile>();
  private displays = new Map<string, DisplayProfileData>();
  private known = false;

  /** Takes the office's profiles; one the printer layout refuses is left out and named in the log. */
  replace(profiles: DeviceProfiles, log: (line: string) => void): void {
    const printers = new Map<string, PrinterProfile>();
    for (const data of profiles.printers) {
      try {
        printers.set(
          data.name,
          validatePrinterProfile(data, `office printer profile ${data.name}`),
        );
      } catch (err) {
        log((err as Error).message);
      }
    }
    this.printers = printers;
    this.displays = new Map(profiles.displays.map((d) => [d.name, d]));
    this.known = true;
  }

  /** True once the office's profiles have been read at least once. */
  get loaded(): boolean {
    return this.known;
  }

  printer(name: string): PrinterProfile {
    const office = this.printers.get(name);
    if (office) return office;
    if (listPrinterProfiles().includes(name)) return loadPrinterProfile(name);
    throw new HardwareError(
      'unknown_printer_profile',
      `no printer profile "${name}": neither shipped nor set up by the office under /admin`,
    );
  }

  display(name: string): DisplayProtocolConfig {
    const profile = this.displays.get(name);
    if (!profile) {
      throw new HardwareError(
        'unknown_display_profile',
        this.known
          ? `no display profile "${name}" under /admin`
          : `waiting for the office's display profile "${name}" from the server`,
      );
    }
    return {
      protocol: profile.protocol,
      ...(profile.address === null ? {} : { address: profile.address }),
      ...(profile.digits === null ? {} : { digits: profile.digits }),
      ...(profile.template === null ? {} : { template: profile.template }),
    };
  }
}
