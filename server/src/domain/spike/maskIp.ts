// How the host sees a source address: enough to tell networks apart, not enough to name a phone.

/**
 * Why: the console shows the busiest sources of a join spike; an address is personal data, so the host
 * sees IPv4 to its /24 (203.0.113.*) and IPv6 to its /48 (2001:db8:1:*), and acts on an opaque key.
 */
export function maskIp(ip: string): string {
  const text = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  const v4 = mapped ? mapped[1]! : text;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(v4)) return `${v4.split('.').slice(0, 3).join('.')}.*`;
  if (text.includes(':')) {
    const [head = '', tail] = text.split('::');
    const groups = head.split(':').filter((g) => g.length > 0);
    // "2001:db8::1" has only two groups before the "::": the rest of the /48 are zeros.
    while (groups.length < 3 && tail !== undefined) groups.push('0');
    return `${groups.slice(0, 3).join(':')}:*`;
  }
  return '*';
}
