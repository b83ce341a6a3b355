import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Captures reference bytes from the real ip and nft: for each entry of the lists given, makes a
 * fresh network namespace, runs the setup, runs the command under strace, keeps the datagram that
 * carries the change (ip: the last one sent; nft: the batch), zeroes nlmsg_seq and nlmsg_pid of
 * every message in it, and writes MODULE/src/test/resources/refbytes/NAME.txt.
 *
 * A list entry (entries are separated by blank lines; '#' starts a comment line):
 *   name: route-replace-encap-ip-key
 *   module: netlink-core
 *   setup: ip link add tun type veth peer name tunp; ip link set tun up
 *   command: ip route replace 2.2.2.11 via 1.1.1.11 dev tun encap ip id 1000 dst 172.168.0.1 key
 *
 * Usage (as root): java scripts/CaptureRefBytes.java PROJECT_ROOT LIST... [--only NAME[,NAME...]]
 */
public class CaptureRefBytes {
    record Entry(String name, String module, String setup, String command) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String only = null;
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--only")) {
                only = args[++i];
            } else {
                entries.addAll(parse(Files.readAllLines(Path.of(args[i]))));
            }
        }
        String kernel = run(List.of("uname", "-r")).out.trim();
        String ipVersion = run(List.of("ip", "-V")).out.replaceAll("(?s).*(iproute2-[^,\\s]+).*", "$1").trim();
        String nftVersion = run(List.of("nft", "-v")).out.trim();
        int done = 0;
        for (Entry e : entries) {
            if (only != null && !java.util.Arrays.asList(only.split(",")).contains(e.name)) {
                continue;
            }
            capture(root, e, kernel, e.command.startsWith("nft") ? nftVersion : ipVersion);
            done++;
        }
        System.out.println("captured " + done + " fixtures");
    }

    static List<Entry> parse(List<String> lines) {
        List<Entry> out = new ArrayList<>();
        Map<String, String> cur = new LinkedHashMap<>();
        for (String raw : lines) {
            String l = raw.strip();
            if (l.startsWith("#")) {
                continue;
            }
            if (l.isEmpty()) {
                flush(cur, out);
                continue;
            }
            int c = l.indexOf(':');
            cur.put(l.substring(0, c).strip(), l.substring(c + 1).strip());
        }
        flush(cur, out);
        return out;
    }

    static void flush(Map<String, String> cur, List<Entry> out) {
        if (!cur.isEmpty()) {
            out.add(new Entry(cur.get("name"), cur.get("module"), cur.getOrDefault("setup", ""), cur.get("command")));
            cur.clear();
        }
    }

    record Res(int rc, String out, String err) {
    }

    static Res run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        return new Res(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    static void capture(Path root, Entry e, String kernel, String tool) throws Exception {
        String ns = "refbytes-" + ProcessHandle.current().pid();
        run(List.of("ip", "netns", "del", ns));
        if (run(List.of("ip", "netns", "add", ns)).rc != 0) {
            throw new IllegalStateException("cannot create netns " + ns);
        }
        try {
            if (!e.setup.isEmpty()) {
                Res s = run(List.of("ip", "netns", "exec", ns, "sh", "-c", e.setup));
                if (s.rc != 0) {
                    throw new IllegalStateException(e.name + ": setup failed: " + s.err);
                }
            }
            Path trace = Files.createTempFile("strace", ".txt");
            Res r = run(List.of("strace", "-f", "-e", "trace=sendmsg,sendto", "-e", "write=all", "-o", trace.toString(),
                    "ip", "netns", "exec", ns, "sh", "-c", e.command));
            List<byte[]> datagrams = datagrams(Files.readAllLines(trace));
            Files.delete(trace);
            byte[] kept = choose(datagrams, e.command.startsWith("nft"));
            if (kept == null) {
                throw new IllegalStateException(e.name + ": no datagram captured; " + r.err);
            }
            Map<String, Integer> ifindex = new LinkedHashMap<>();
            for (String line : run(List.of("ip", "-n", ns, "-o", "link", "show")).out.split("\n")) {
                Matcher m = Pattern.compile("^(\\d+): ([^:@]+)").matcher(line);
                if (m.find()) {
                    ifindex.put(m.group(2), Integer.parseInt(m.group(1)));
                }
            }
            StringBuilder sb = new StringBuilder();
            sb.append("# command: ").append(e.command).append('\n');
            sb.append("# tool: ").append(tool).append('\n');
            sb.append("# kernel: ").append(kernel).append(" (").append(r.rc == 0 ? "accepted"
                    : "refused: " + r.err.strip().replace('\n', ' ')).append(")\n");
            sb.append("# setup: ").append(e.setup).append('\n');
            sb.append("# ifindex:");
            ifindex.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            sb.append('\n');
            ByteBuffer b = ByteBuffer.wrap(kept).order(ByteOrder.LITTLE_ENDIAN);
            int pos = 0;
            int n = 1;
            while (pos + 16 <= kept.length) {
                int len = b.getInt(pos);
                if (len < 16 || pos + len > kept.length) {
                    break; // ip sends its whole request buffer for dumps: zeros follow the message
                }
                int type = b.getShort(pos + 4) & 0xffff;
                int flags = b.getShort(pos + 6) & 0xffff;
                b.putInt(pos + 8, 0);
                b.putInt(pos + 12, 0);
                sb.append(String.format("# message %d: %s len=%d flags=0x%04x%n", n++, typeName(type), len, flags));
                for (int i = pos; i < pos + len; i += 4) {
                    for (int j = i; j < Math.min(i + 4, pos + len); j++) {
                        sb.append(String.format("%02x", kept[j]));
                    }
                    sb.append('\n');
                }
                pos += (len + 3) & ~3;
            }
            Path out = root.resolve(e.module).resolve("src/test/resources/refbytes/" + e.name + ".txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, sb.toString());
            System.out.println(e.name + ": " + (r.rc == 0 ? "accepted" : "refused") + " -> " + root.relativize(out));
        } finally {
            run(List.of("ip", "netns", "del", ns));
        }
    }

    /** Each sendmsg/sendto's data, its buffers concatenated. */
    static List<byte[]> datagrams(List<String> lines) {
        List<byte[]> out = new ArrayList<>();
        java.io.ByteArrayOutputStream cur = null;
        Pattern call = Pattern.compile("^\\d+\\s+(sendmsg|sendto)\\(");
        Pattern hex = Pattern.compile("^ \\| [0-9a-f]{5}  ((?:[0-9a-f]{2} {1,2}){1,16})");
        for (String l : lines) {
            if (call.matcher(l).find()) {
                if (cur != null) {
                    out.add(cur.toByteArray());
                }
                cur = new java.io.ByteArrayOutputStream();
                continue;
            }
            Matcher m = hex.matcher(l);
            if (cur != null && m.find()) {
                for (String h : m.group(1).trim().split("\\s+")) {
                    cur.write(Integer.parseInt(h, 16));
                }
            }
        }
        if (cur != null) {
            out.add(cur.toByteArray());
        }
        return out;
    }

    static byte[] choose(List<byte[]> datagrams, boolean nft) {
        if (datagrams.isEmpty()) {
            return null;
        }
        if (nft) {
            for (byte[] d : datagrams) {
                if (d.length >= 16 && (((d[4] & 0xff) | (d[5] & 0xff) << 8) == 0x10)) {
                    return d; // NFNL_MSG_BATCH_BEGIN
                }
            }
            return null;
        }
        // ip: the last datagram that is not a name lookup (RTM_GETLINK without NLM_F_DUMP, which ip
        // sends to resolve device names before and after the request) unless it is all there is.
        for (int i = datagrams.size() - 1; i >= 0; i--) {
            byte[] d = datagrams.get(i);
            int type = (d[4] & 0xff) | (d[5] & 0xff) << 8;
            int flags = (d[6] & 0xff) | (d[7] & 0xff) << 8;
            if (!(type == 18 && (flags & 0x300) == 0)) {
                return d;
            }
        }
        return datagrams.get(datagrams.size() - 1);
    }

    static final Map<Integer, String> RTM = Map.ofEntries(
            Map.entry(16, "RTM_NEWLINK"), Map.entry(17, "RTM_DELLINK"), Map.entry(18, "RTM_GETLINK"),
            Map.entry(19, "RTM_SETLINK"), Map.entry(20, "RTM_NEWADDR"), Map.entry(21, "RTM_DELADDR"),
            Map.entry(22, "RTM_GETADDR"), Map.entry(24, "RTM_NEWROUTE"), Map.entry(25, "RTM_DELROUTE"),
            Map.entry(26, "RTM_GETROUTE"), Map.entry(28, "RTM_NEWNEIGH"), Map.entry(29, "RTM_DELNEIGH"),
            Map.entry(30, "RTM_GETNEIGH"), Map.entry(32, "RTM_NEWRULE"), Map.entry(33, "RTM_DELRULE"),
            Map.entry(34, "RTM_GETRULE"), Map.entry(104, "RTM_NEWNEXTHOP"), Map.entry(105, "RTM_DELNEXTHOP"),
            Map.entry(106, "RTM_GETNEXTHOP"));
    static final String[] NFT = {"NFT_MSG_NEWTABLE", "NFT_MSG_GETTABLE", "NFT_MSG_DELTABLE", "NFT_MSG_NEWCHAIN",
            "NFT_MSG_GETCHAIN", "NFT_MSG_DELCHAIN", "NFT_MSG_NEWRULE", "NFT_MSG_GETRULE", "NFT_MSG_DELRULE",
            "NFT_MSG_NEWSET", "NFT_MSG_GETSET", "NFT_MSG_DELSET", "NFT_MSG_NEWSETELEM", "NFT_MSG_GETSETELEM",
            "NFT_MSG_DELSETELEM", "NFT_MSG_NEWGEN", "NFT_MSG_GETGEN", "NFT_MSG_TRACE", "NFT_MSG_NEWOBJ",
            "NFT_MSG_GETOBJ", "NFT_MSG_DELOBJ", "NFT_MSG_GETOBJ_RESET", "NFT_MSG_NEWFLOWTABLE",
            "NFT_MSG_GETFLOWTABLE", "NFT_MSG_DELFLOWTABLE"};

    static String typeName(int type) {
        if (type == 0x10) {
            return "NFNL_MSG_BATCH_BEGIN (or RTM_NEWLINK)";
        }
        if (type == 0x11) {
            return "NFNL_MSG_BATCH_END (or RTM_DELLINK)";
        }
        if ((type >> 8) == 10 && (type & 0xff) < NFT.length) {
            return NFT[type & 0xff];
        }
        return RTM.getOrDefault(type, "type " + type);
    }
}
