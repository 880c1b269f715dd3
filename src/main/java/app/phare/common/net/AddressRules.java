package app.phare.common.net;

import app.phare.common.net.OutboundPolicy.Rule;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which rule of the outbound policy an address falls under, and what the numeric spellings of IPv4 addresses stand for. */
public final class AddressRules {

    private static final Pattern NUMERIC = Pattern.compile("[0-9a-fA-FxX.]+");

    private AddressRules() {
    }

    /** The rule an address falls under; empty for an address on the public internet. */
    public static Optional<Rule> classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address || b.length == 4) {
            return classify4(b, 0);
        }
        int[] u = new int[16];
        for (int i = 0; i < 16; i++) {
            u[i] = b[i] & 0xff;
        }
        boolean zero10 = true;
        for (int i = 0; i < 10; i++) {
            zero10 &= u[i] == 0;
        }
        if (zero10 && u[10] == 0 && u[11] == 0) {                     // ::, ::1 and IPv4-compatible ::a.b.c.d
            if (u[12] == 0 && u[13] == 0 && u[14] == 0) {
                return Optional.of(u[15] == 0 ? Rule.UNSPECIFIED : u[15] == 1 ? Rule.LOOPBACK : Rule.RESERVED);
            }
            return classify4(b, 12);
        }
        if (zero10 && u[10] == 0xff && u[11] == 0xff) {               // IPv4-mapped ::ffff:a.b.c.d
            return classify4(b, 12);
        }
        if (u[0] == 0x00 && u[1] == 0x64 && u[2] == 0xff && u[3] == 0x9b) { // NAT64 64:ff9b::a.b.c.d
            return classify4(b, 12);
        }
        if (u[0] == 0x20 && u[1] == 0x02) {                           // 6to4 2002:aabb:ccdd::
            return classify4(b, 2);
        }
        if (address.getHostAddress().replaceAll("%.*", "").equals("fd00:ec2:0:0:0:0:0:254")) {
            return Optional.of(Rule.METADATA);
        }
        if (u[0] == 0xfe && (u[1] & 0xc0) == 0x80) {
            return Optional.of(Rule.LINK_LOCAL);
        }
        if ((u[0] & 0xfe) == 0xfc || (u[0] == 0xfe && (u[1] & 0xc0) == 0xc0)) {    // ULA, and the old site-local
            return Optional.of(Rule.UNIQUE_LOCAL);
        }
        return u[0] == 0xff ? Optional.of(Rule.MULTICAST) : Optional.empty();
    }

    private static Optional<Rule> classify4(byte[] b, int at) {
        int a = b[at] & 0xff;
        int c = b[at + 1] & 0xff;
        int d = b[at + 2] & 0xff;
        int e = b[at + 3] & 0xff;
        if (a == 0) {
            return Optional.of(Rule.UNSPECIFIED);
        }
        if (a == 127) {
            return Optional.of(Rule.LOOPBACK);
        }
        if ((a == 169 && c == 254 && d == 169 && e == 254) || (a == 100 && c == 100 && d == 100 && e == 200)) {
            return Optional.of(Rule.METADATA);
        }
        if (a == 169 && c == 254) {
            return Optional.of(Rule.LINK_LOCAL);
        }
        if (a == 10 || (a == 172 && (c & 0xf0) == 16) || (a == 192 && c == 168)) {
            return Optional.of(Rule.PRIVATE);
        }
        if (a == 100 && (c & 0xc0) == 64) {
            return Optional.of(Rule.SHARED);
        }
        if (a >= 224 && a <= 239) {
            return Optional.of(Rule.MULTICAST);
        }
        if (a >= 240 || (a == 192 && c == 0 && d == 0)) {
            return Optional.of(Rule.RESERVED);
        }
        return Optional.empty();
    }

    /**
     * Adds what a numeric IPv4 spelling stands for: the C library reads 0177.0.0.1 as octal and 0x7f000001 as hex,
     * Java reads 127.1 and 2130706433 as decimals. Both readings are checked; true when the host is such a spelling.
     */
    static boolean ipv4Readings(String host, List<InetAddress> addresses) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (!NUMERIC.matcher(h).matches() || !Character.isDigit(h.charAt(0))) {
            return false;
        }
        boolean any = false;
        for (boolean c : new boolean[]{true, false}) {
            byte[] bytes = ipv4(h, c);
            if (bytes != null && addresses.stream().noneMatch(a -> Arrays.equals(a.getAddress(), bytes))) {
                try {
                    addresses.add(InetAddress.getByAddress(host, bytes));
                    any = true;
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return any;
    }

    /** inet_aton's reading (c: 0x hex and 0 octal parts) or the decimal one; null when the text is no such address. */
    private static byte[] ipv4(String h, boolean c) {
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            try {
                if (c && p.matches("0[xX][0-9a-fA-F]*")) {
                    v[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
                } else if (c && p.matches("0[0-7]+")) {
                    v[i] = Long.parseLong(p.substring(1), 8);
                } else if (p.matches("[0-9]{1,12}")) {
                    v[i] = Long.parseLong(p);
                } else {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long address = 0;
        for (int i = 0; i < v.length - 1; i++) {
            if (v[i] > 255) {
                return null;
            }
            address |= v[i] << (24 - 8 * i);
        }
        long last = v[v.length - 1];
        if (last >= 1L << (32 - 8 * (v.length - 1))) {
            return null;
        }
        address |= last;
        return new byte[]{(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }
}
