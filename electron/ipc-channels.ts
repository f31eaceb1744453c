/** A station window's preload asks for the staff exit prompt. */
export const STAFF_EXIT_CHANNEL = 'khiu:staff-exit';
/** The exit prompt sends the user name and password to check; answers with an ExitAnswer. */
export const EXIT_SUBMIT_CHANNEL = 'khiu:exit-submit';
/** The exit prompt is closed without leaving kiosk mode. */
export const EXIT_CANCEL_CHANNEL = 'khiu:exit-cancel';
