package dev.slipway.hub.koji;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * koji's {@code queryOpts}: {@code order} (comma-separated fields, {@code -} for descending), {@code limit},
 * {@code offset}, {@code countOnly}. Applied in memory to an already filtered listing; other keys are refused.
 */
record QueryOpts(List<String> order, Integer limit, int offset, boolean countOnly) {
    private static final Set<String> KEYS = Set.of("order", "limit", "offset", "countOnly", "group", "asList");

    static QueryOpts of(String method, Map<String, Object> q) {
        for (String k : q.keySet()) {
            if (!KEYS.contains(k) || (k.equals("group") || k.equals("asList")) && Lookups.truthy(q.get(k))) {
                throw KojiFault.parameter(method + ": queryOpts." + k + " is not supported by this hub;"
                        + " supported: order, limit, offset, countOnly");
            }
        }
        String order = (String) Lookups.typed(method, "queryOpts.order", q.get("order"), String.class);
        Object limit = q.get("limit");
        Object offset = q.get("offset");
        return new QueryOpts(order == null || order.isBlank() ? List.of() : List.of(order.split(",")),
                limit == null ? null : Math.toIntExact(Lookups.integer(method, "queryOpts.limit", limit)),
                offset == null ? 0 : Math.toIntExact(Lookups.integer(method, "queryOpts.offset", offset)),
                Lookups.truthy(q.get("countOnly")));
    }

    /** Sorts (by the given order, else by {@code defaultOrder}), then applies offset and limit. */
    List<Map<String, Object>> apply(List<Map<String, Object>> rows, String defaultOrder) {
        List<Map<String, Object>> out = new ArrayList<>(rows);
        List<String> keys = order.isEmpty() ? List.of(defaultOrder) : order;
        Comparator<Map<String, Object>> cmp = null;
        for (String raw : keys) {
            String k = raw.trim();
            boolean desc = k.startsWith("-");
            String field = desc ? k.substring(1) : k;
            if (!rows.isEmpty() && !rows.get(0).containsKey(field)) {
                throw KojiFault.parameter("queryOpts.order: no field '" + field + "' to order by");
            }
            Comparator<Map<String, Object>> c = Comparator.comparing(m -> (Comparable<Object>) comparable(
                    m.get(field)), Comparator.nullsFirst(Comparator.naturalOrder()));
            if (desc) {
                c = c.reversed();
            }
            cmp = cmp == null ? c : cmp.thenComparing(c);
        }
        out.sort(cmp);
        int from = Math.min(Math.max(offset, 0), out.size());
        int to = limit == null ? out.size() : Math.min(out.size(), from + Math.max(limit, 0));
        return out.subList(from, to);
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> comparable(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return (Comparable<Object>) (Object) n.doubleValue();
        }
        if (v instanceof Comparable<?> c) {
            return (Comparable<Object>) c;
        }
        return (Comparable<Object>) (Object) String.valueOf(v);
    }
}
