/**
 * Errors of the device layer. Same shape as the server's KhiuError (a stable
 * `code` plus a message for people) without importing server code: the agent
 * talks to the server only over its public API.
 */
export class HardwareError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HardwareError';
  }
}
