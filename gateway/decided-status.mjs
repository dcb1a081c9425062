// A status proxy.ts decided before Next rendered, applied as the response's headers leave.
//
// Under Cache Components a page's response starts with 200 before the page's own checks run, so
// a newsroom page the role may not open could only show the forbidden page, not answer 403
// (server/page-access.ts). proxy.ts decides it first and names the status in a response header;
// Next copies the proxy's headers onto the page's response, and this layer turns the header into
// the status line (and drops it). Only the statuses listed here, and only over a 200 — a page
// that fails or is missing keeps Next's own status.

export const DECIDED_STATUS_HEADER = 'x-gazette-status';

const DECIDABLE = new Set([403]);

/**
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} handle
 */
export function withDecidedStatus(handle) {
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  return function decidedStatusHandler(req, res) {
    const writeHead = res.writeHead;
    // @ts-expect-error same signature as ServerResponse#writeHead
    res.writeHead = function (status, reason, headers) {
      const given = typeof reason === 'string' ? headers : reason;
      /** @type {unknown} */
      let decided = res.getHeader(DECIDED_STATUS_HEADER);
      res.removeHeader(DECIDED_STATUS_HEADER);
      if (given && typeof given === 'object' && !Array.isArray(given)) {
        for (const name of Object.keys(given)) {
          if (name.toLowerCase() !== DECIDED_STATUS_HEADER) continue;
          decided = given[name];
          delete given[name];
        }
      }
      const args = [...arguments];
      const code = Number(decided);
      if (status === 200 && DECIDABLE.has(code)) {
        args[0] = code;
        res.statusCode = code;
      }
      return writeHead.apply(this, /** @type {any} */ (args));
    };
    return handle(req, res);
  };
}
