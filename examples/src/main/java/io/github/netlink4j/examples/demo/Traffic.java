package io.github.netlink4j.examples.demo;

import io.github.netlink4j.core.NetNs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo's test traffic, with plain Java sockets created inside the namespaces (a socket stays in
 * the namespace it was created in, whatever thread uses it later).
 */
final class Traffic {
    private static final Logger LOG = LoggerFactory.getLogger(Traffic.class);

    private Traffic() {
    }

    /**
     * A TCP server inside a VM's namespace that answers every line with {@code "NAME LINE"}: the
     * answer proves which VM a connection reached.
     */
    static final class VmServer implements AutoCloseable {
        private final String name;
        private final ServerSocket server;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        private VmServer(String name, ServerSocket server) {
            this.name = name;
            this.server = server;
            this.acceptor = new Thread(this::acceptLoop, "demo-server-" + name);
            acceptor.setDaemon(true);
            acceptor.start();
        }

        static VmServer start(NetNs ns, String name, String address, int port) {
            ServerSocket s = ns.call(() -> {
                ServerSocket ss = new ServerSocket();
                ss.setReuseAddress(true);
                ss.bind(new InetSocketAddress(address, port));
                return ss;
            });
            return new VmServer(name, s);
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.add(s);
                    Thread t = new Thread(() -> answer(s), "demo-conn-" + name);
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        LOG.warn("{}: accept failed: {}", name, e.toString());
                    }
                    return;
                }
            }
        }

        private void answer(Socket s) {
            try (s) {
                s.setTcpNoDelay(true);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                String line;
                while ((line = in.readLine()) != null) {
                    out.write((name + " " + line + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                LOG.debug("{}: connection ended: {}", name, e.toString());
            }
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException e) {
                // closing
            }
            for (Socket s : accepted) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing
                }
            }
        }
    }

    /** A TCP connection from the client's namespace to an elastic IP, kept open to talk several times. */
    static final class TcpFlow implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        private TcpFlow(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            this.out = socket.getOutputStream();
        }

        /**
         * Connects from {@code ns} to {@code address:port}. The socket binds its own ephemeral port
         * first: two connections to two tenants' elastic IPs must not share a source port, since both
         * tenants' replies come from the same private address and port and conntrack could not tell
         * them apart (connect() alone may reuse a port towards another destination).
         */
        static TcpFlow connect(NetNs ns, String address, int port, int timeoutMillis) throws IOException {
            Socket s = ns.call(() -> {
                Socket so = new Socket();
                so.setTcpNoDelay(true);
                so.setSoTimeout(timeoutMillis);
                so.bind(new InetSocketAddress(0));
                return so;
            });
            try {
                s.connect(new InetSocketAddress(address, port), timeoutMillis);
                return new TcpFlow(s);
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
        }

        int localPort() {
            return socket.getLocalPort();
        }

        /** Sends {@code line} and returns the answer line. */
        String exchange(String line) throws IOException {
            out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = in.readLine();
            if (answer == null) {
                throw new SocketException("the connection was closed by the other end");
            }
            return answer;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing
            }
        }
    }

    /**
     * An ICMP echo from {@code ns} to {@code address} ({@link InetAddress#isReachable}, which as root
     * sends a real ICMP echo request and waits for the reply); true when a reply came.
     */
    static boolean ping(NetNs ns, String address, int timeoutMillis) {
        return ns.call(() -> {
            try {
                return InetAddress.getByName(address).isReachable(timeoutMillis);
            } catch (IOException e) {
                throw new UncheckedIOException("ping " + address, e);
            }
        });
    }

    /** The Icmp InEchos counter of {@code ns} (/proc/thread-self/net/snmp read from inside it). */
    static long icmpInEchos(NetNs ns) {
        return snmp(Topology.procNet(ns, "net/snmp"), "Icmp", "InEchos");
    }

    /** A counter from /proc/net/snmp's "Proto: names" / "Proto: values" line pairs. */
    static long snmp(String text, String proto, String counter) {
        String[] header = null;
        for (String line : text.split("\n")) {
            if (!line.startsWith(proto + ":")) {
                continue;
            }
            String[] f = line.substring(proto.length() + 1).trim().split("\\s+");
            if (header == null) {
                header = f;
                continue;
            }
            for (int i = 0; i < header.length && i < f.length; i++) {
                if (header[i].equals(counter)) {
                    return Long.parseLong(f[i]);
                }
            }
            break;
        }
        throw new IllegalStateException("no counter " + proto + " " + counter + " in /proc/net/snmp");
    }
}
