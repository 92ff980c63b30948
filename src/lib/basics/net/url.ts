// The rule for a service URL: https, or plain http to a loopback address only (an identity
// or bearer token must never cross a network in clear text); no credentials or fragment.
import { InputError } from '../errors/errors.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

/**
 * Checks a service URL and returns it without a trailing slash: https, or http to loopback
 * (127.0.0.0/8, ::1, localhost); no credentials, query or fragment. `what` names the input.
 */
export function checkServiceUrl(value: string, what: string, options: { allowQuery?: boolean } = {}): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(
      'bad-service-url',
      `${what}: expected an absolute URL, found ${JSON.stringify(value.slice(0, 200))}`,
    );
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError(
      'bad-service-url',
      `${what}: expected an https URL (plain http only to a loopback address), found ${url.protocol}//${url.host}`,
    );
  }
  if (url.username || url.password || url.hash || (url.search && !options.allowQuery)) {
    throw new InputError(
      'bad-service-url',
      `${what}: expected a URL without credentials${options.allowQuery ? '' : ', query'} or fragment, found ${JSON.stringify(value.slice(0, 200))}`,
    );
  }
  return value.replace(/\/+$/, '');
}
