package dev.slipway.hub.console;

import dev.slipway.common.api.Admin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kojiweb's cluster health report: per channel and arch, how many hosts there are, how many are enabled and
 * ready, and their summed load against capacity (of the enabled, ready ones: what the scheduler can use).
 */
public record ClusterHealth(String channel, String arch, int hosts, int ready, double load, double capacity) {
    /** The rows for {@code hosts}, by channel then arch. */
    public static List<ClusterHealth> of(List<Admin.Host> hosts) {
        Map<String, Map<String, List<Admin.Host>>> byChannel = new TreeMap<>();
        for (Admin.Host h : hosts) {
            for (String c : h.channels() == null ? List.<String>of() : h.channels()) {
                for (String a : h.arches() == null ? List.<String>of() : h.arches()) {
                    byChannel.computeIfAbsent(c, k -> new TreeMap<>()).computeIfAbsent(a, k -> new ArrayList<>())
                            .add(h);
                }
            }
        }
        List<ClusterHealth> out = new ArrayList<>();
        byChannel.forEach((channel, arches) -> arches.forEach((arch, list) -> {
            List<Admin.Host> usable = list.stream().filter(h -> Boolean.TRUE.equals(h.enabled())
                    && Boolean.TRUE.equals(h.ready())).toList();
            out.add(new ClusterHealth(channel, arch, list.size(), usable.size(),
                    usable.stream().mapToDouble(h -> h.load() == null ? 0 : h.load()).sum(),
                    usable.stream().mapToDouble(h -> h.capacity() == null ? 0 : h.capacity()).sum()));
        }));
        return out;
    }

    /** Load as a share of capacity, 0..100 (100 when there is no capacity at all). */
    public int percent() {
        return capacity <= 0 ? 100 : (int) Math.min(100, Math.round(100 * load / capacity));
    }
}
