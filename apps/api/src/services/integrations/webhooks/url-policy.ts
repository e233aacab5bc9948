import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { Refusal } from '../../../lib/problem.js';

/** R-HOOK-7: where webhooks may go. In production: https only, and never to a loopback/private/link-local address. */
export type UrlPolicy = { allowPrivate: boolean };

export function urlPolicy(config: {
  NODE_ENV: string;
  WEBHOOK_ALLOW_PRIVATE_NETWORKS?: 'on' | 'off' | undefined;
}): UrlPolicy {
  const setting = config.WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? (config.NODE_ENV === 'production' ? 'off' : 'on');
  return { allowPrivate: setting === 'on' };
}

/** A public unicast address (IPv4-mapped IPv6 judged as the IPv4 it carries); anything else is internal. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** R-HOOK-7: checks an endpoint as the client gives it; null when it may be used. */
export function checkEndpoint(raw: string, policy: UrlPolicy): Refusal | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { rule: 'R-HOOK-7', detail: 'The endpoint is not a valid URL.' };
  }
  if (url.protocol !== 'https:' && !(policy.allowPrivate && url.protocol === 'http:'))
    return { rule: 'R-HOOK-7', detail: 'The endpoint must be an https:// URL.' };
  if (url.username || url.password)
    return { rule: 'R-HOOK-7', detail: 'The endpoint must not carry a user name or password.' };
  const host = hostOf(url);
  if (
    !policy.allowPrivate &&
    (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) && !isPublicAddress(host)))
  )
    return { rule: 'R-HOOK-7', detail: 'The endpoint must be a public address, not a private or local one.' };
  return null;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * R-HOOK-7: a DNS lookup for the HTTP client that refuses a name resolving to an internal address. The connection
 * uses the address checked here, so a name cannot resolve to a public address for the check and a private one for
 * the request (DNS rebinding).
 */
export function guardedLookup(policy: UrlPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const refused = !policy.allowPrivate && addresses.some((a) => !isPublicAddress(a.address));
      if (refused || addresses.length === 0) {
        const error: NodeJS.ErrnoException = new Error(
          'the endpoint resolves to an address that is not allowed',
        );
        error.code = 'EWEBHOOKADDRESS';
        return callback(error, []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** R-HOOK-7: an address literal in a URL is never looked up, so it is checked on its own. */
export function literalRefused(url: URL, policy: UrlPolicy): boolean {
  const host = hostOf(url);
  return !policy.allowPrivate && isIP(host) !== 0 && !isPublicAddress(host);
}
