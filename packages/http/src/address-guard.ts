import ipaddr from 'ipaddr.js';

type Parsed = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Whether the guarded client may connect to this address. Only globally routable unicast passes
 * by default; every IANA special-purpose range (private, loopback, link-local, CGNAT, multicast,
 * reserved, documentation, benchmarking) is refused, and IPv6 forms that embed an IPv4 address
 * (mapped, compatible, NAT64, 6to4, Teredo) are refused outright rather than unwrapped, because
 * each has been used to smuggle 127.0.0.1 past a checker.
 */
export function isPublicAddress(address: string): boolean {
  const ip = parseAddress(address);
  if (!ip) return false;
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return false;
    // ::a.b.c.d (IPv4-compatible, deprecated): ipaddr.js calls these "unicast".
    const parts = v6.parts;
    if (parts.slice(0, 6).every((p) => p === 0)) return false;
  }
  return ip.range() === 'unicast';
}

export function parseAddress(address: string): Parsed | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const withoutZone = bare.replace(/%.*$/, '');
  if (!ipaddr.isValid(withoutZone)) return null;
  try {
    return ipaddr.parse(withoutZone);
  } catch {
    return null;
  }
}

export interface AddressRule {
  allowPrivate: boolean;
  allowedCidrs: [Parsed, number][];
}

export function compileAddressRule(allowPrivate: boolean, cidrs: string[] = []): AddressRule {
  return {
    allowPrivate,
    allowedCidrs: cidrs.map((c) => {
      const parsed = ipaddr.parseCIDR(c.includes('/') ? c : `${c}/${c.includes(':') ? 128 : 32}`);
      return [parsed[0], parsed[1]];
    }),
  };
}

export function isAllowedAddress(address: string, rule: AddressRule): boolean {
  if (rule.allowPrivate) return parseAddress(address) !== null;
  if (isPublicAddress(address)) return true;
  const ip = parseAddress(address);
  if (!ip) return false;
  const plain =
    ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()
      ? (ip as ipaddr.IPv6).toIPv4Address()
      : ip;
  return rule.allowedCidrs.some(
    ([range, bits]) => range.kind() === plain.kind() && plain.match([range, bits] as never),
  );
}

/**
 * The host of a WHATWG URL as an IP literal, when it is one. WHATWG parsing already turns the
 * legacy IPv4 spellings (2130706433, 0x7f.1, 127.1, 017700000001) into dotted quads; IPv6 comes
 * bracketed.
 */
export function literalAddress(hostname: string): string | null {
  const ip = parseAddress(hostname);
  return ip ? ip.toString() : null;
}
