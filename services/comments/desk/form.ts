import type { IncomingMessage } from 'node:http';
import { bodyKind, parseFields, readBody } from '../request.ts';

/** A desk form is a few short fields: anything bigger is not one. */
const MAX_BYTES = 16 * 1024;

/** The fields of a posted form, or `undefined` when the body is not a form the desk sent. */
export async function readForm(req: IncomingMessage): Promise<ReadonlyMap<string, string> | undefined> {
  if (bodyKind(req) !== 'form') {
    req.resume();
    return undefined;
  }
  const body = await readBody(req, MAX_BYTES);
  return typeof body === 'string' ? undefined : parseFields(body, 'form');
}
