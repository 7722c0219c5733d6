package dev.slipway.e2e;

import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A network namespace standing in for a separate build host: one veth pair to the test machine, addresses from
 * 198.18.0.0/15 (RFC 2544's benchmarking range) chosen by the test, a default route over the link and nothing
 * else. Names carry the test JVM's pid, so leftovers of a killed run are recognisable; {@link #close()} removes the
 * namespace and the link and never throws.
 */
final class NetNs implements AutoCloseable {
    private final String name;
    private final String hostSide;
    private final String address;
    private final String gateway;

    private NetNs(String name, String hostSide, String address, String gateway) {
        this.name = name;
        this.hostSide = hostSide;
        this.address = address;
        this.gateway = gateway;
    }

    /**
     * Namespace number {@code index} (1-250): the test machine's side of its link is 198.18.{index}.1/30, the
     * namespace's 198.18.{index}.2/30.
     */
    static NetNs create(int index) {
        long pid = ProcessHandle.current().pid();
        String ns = "slwf" + pid + "-" + index;
        NetNs n = new NetNs(ns, "sf" + pid + "h" + index, "198.18." + index + ".2", "198.18." + index + ".1");
        String peer = "sf" + pid + "n" + index;
        try {
            ip("netns", "add", ns);
            ip("link", "add", n.hostSide, "type", "veth", "peer", "name", peer);
            ip("link", "set", peer, "netns", ns);
            ip("addr", "add", n.gateway + "/30", "dev", n.hostSide);
            ip("link", "set", n.hostSide, "up");
            n.inside("ip", "addr", "add", n.address + "/30", "dev", peer);
            n.inside("ip", "link", "set", peer, "up");
            n.inside("ip", "link", "set", "lo", "up");
            n.inside("ip", "route", "add", "default", "via", n.gateway);
            return n;
        } catch (RuntimeException e) {
            n.close();
            throw e;
        }
    }

    String name() {
        return name;
    }

    /** The test machine's address on this namespace's link: where the namespace reaches the farm's services. */
    String gateway() {
        return gateway;
    }

    /** The command prefix that runs a program inside the namespace. */
    List<String> exec() {
        return List.of("ip", "netns", "exec", name);
    }

    /** Pulls the cable: the host is cut off from the load balancer and the registry. */
    void cut() {
        ip("link", "set", hostSide, "down");
    }

    /** Plugs it back in. */
    void restore() {
        ip("link", "set", hostSide, "up");
    }

    private void inside(String... command) {
        List<String> all = new ArrayList<>(exec());
        all.addAll(List.of(command));
        check(all);
    }

    @Override
    public void close() {
        // Deleting the namespace destroys its end of the veth pair and with it the pair; delete the host side
        // explicitly too in case the peer never moved into the namespace.
        Command.of("ip", "netns", "delete", name).timeout(Duration.ofSeconds(30)).run();
        Command.of("ip", "link", "delete", hostSide).timeout(Duration.ofSeconds(30)).run();
    }

    /** True when no namespace or link this test JVM made is left. */
    static boolean noneLeft() {
        String prefix = "slwf" + ProcessHandle.current().pid() + "-";
        String links = "sf" + ProcessHandle.current().pid();
        return !Command.of("ip", "netns", "list").timeout(Duration.ofSeconds(30)).output().contains(prefix)
                && !Command.of("ip", "-br", "link").timeout(Duration.ofSeconds(30)).output().contains(links);
    }

    private static void ip(String... args) {
        List<String> all = new ArrayList<>(List.of("ip"));
        all.addAll(List.of(args));
        check(all);
    }

    private static void check(List<String> command) {
        CommandResult r = Command.of(command).timeout(Duration.ofSeconds(30)).run();
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + r.stderr() + r.stdout());
        }
    }
}
