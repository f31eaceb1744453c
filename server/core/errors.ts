/** The one error family: the api turns it into {"error":{"code","message"}} with `status`. */
export class KhiuError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status:
      400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 421 | 429 | 500 | 503 | 507 = 400,
  ) {
    super(message);
    this.name = 'KhiuError';
  }
}

export const notFound = (what: string, id: string | number): KhiuError =>
  new KhiuError('not_found', `${what} ${id} does not exist`, 404);

export const conflict = (code: string, message: string): KhiuError =>
  new KhiuError(code, message, 409);

export const invalid = (code: string, message: string): KhiuError =>
  new KhiuError(code, message, 400);
