/** Whether the shell's windows are in kiosk mode; the lockdown and the screen keeper read it. */
export interface KioskState {
  readonly locked: boolean;
}

/** The one switch the staff exit flips. */
export interface MutableKioskState extends KioskState {
  locked: boolean;
}
