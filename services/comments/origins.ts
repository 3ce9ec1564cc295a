import type { IncomingMessage } from 'node:http';

/**
 * The site origins allowed to post. A request without an `Origin` header is let through:
 * browsers send one with every POST, so only programs omit it, and a program could as easily
 * forge an allowed one; the check protects readers' browsers, not the service.
 */
export function createOriginPolicy(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return {
    /** Whether the request comes from a site the service must refuse. */
    forbidden(req: IncomingMessage): boolean {
      const origin = req.headers.origin;
      return origin !== undefined && !allowed.has(origin);
    },

    /**
     * What lets the page's script read the answer, and send the subscriber's cookie with its
     * request (from a subdomain of the site): only for an allowed origin.
     */
    corsHeaders(req: IncomingMessage): Record<string, string> {
      const origin = req.headers.origin;
      return origin !== undefined && allowed.has(origin)
        ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' }
        : {};
    },

    /**
     * Where the answer page links back to: the allowed site the form was posted from, known by
     * its `Origin` or, failing that, its `Referer`; nothing (a relative link) otherwise.
     */
    siteOrigin(req: IncomingMessage): string {
      const origin = req.headers.origin ?? refererOrigin(req.headers.referer);
      return origin !== undefined && allowed.has(origin) ? origin : '';
    },
  };
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (referer === undefined || !URL.canParse(referer)) return undefined;
  return new URL(referer).origin;
}
