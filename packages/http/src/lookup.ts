import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { type AddressRule, isAllowedAddress } from './address-guard.ts';
import { ConnectorError } from './errors.ts';
import type { ResolvedAddress } from './types.ts';

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      if (error) reject(error);
      else resolve(addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })));
    });
  });

/**
 * A `lookup` for net/tls.connect that refuses the connection when ANY resolved address is not
 * allowed. It runs inside the socket's own connect path, so the address checked is the address
 * dialled (no DNS-rebinding window) and every redirect hop goes through it again. Refusing on any
 * bad answer, not just the first, closes the mixed A-record bypass.
 */
export function guardedLookup(rule: AddressRule, resolver: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (addresses) => {
        if (addresses.length === 0) {
          callback(dnsError(hostname), '', 4);
          return;
        }
        if (addresses.some((a) => !isAllowedAddress(a.address, rule))) {
          callback(new ConnectorError('private-address') as NodeJS.ErrnoException, '', 4);
          return;
        }
        const family = typeof options === 'object' ? options.family : undefined;
        const usable =
          family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
        if (usable.length === 0) {
          callback(dnsError(hostname), '', 4);
          return;
        }
        if (typeof options === 'object' && options.all) {
          (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, usable);
        } else {
          callback(null, usable[0]!.address, usable[0]!.family);
        }
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, '', 4),
    );
  };
}

function dnsError(hostname: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`no address for ${hostname}`);
  error.code = 'ENOTFOUND';
  return error;
}
