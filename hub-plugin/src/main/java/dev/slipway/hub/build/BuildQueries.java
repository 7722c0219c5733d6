package dev.slipway.hub.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.BuildInfo;
import dev.slipway.common.api.BuildState;
import dev.slipway.common.api.ImageMatch;
import dev.slipway.common.api.Page;
import dev.slipway.common.api.RpmComponent;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.Nvr;
import dev.slipway.hub.persistence.BuildEntity;
import dev.slipway.hub.persistence.ComponentEntity;
import dev.slipway.hub.persistence.Database;
import dev.slipway.hub.persistence.ImageEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/** Read-only questions about builds: by id or NVR, listings, an image's RPMs, which images contain a package. */
public final class BuildQueries {
    /** Above this many distinct matching EVRs, the version filter runs here rather than in the query. */
    private static final int MAX_EVR_TERMS = 200;
    private final Database db;
    private final BuildView view;

    public BuildQueries(Database db, ObjectMapper json) {
        this.db = db;
        this.view = new BuildView(json);
    }

    /** A build by numeric id or by {@code name-version-release}, with its images and archives. */
    public BuildInfo get(String idOrNvr) {
        return db.read(s -> view.of(s, find(s, idOrNvr), true));
    }

    public Page<BuildInfo> list(BuildFilter f) {
        return db.read(s -> new Page<>(rows(s, f), matching(s, f, "select count(*) from BuildEntity b", "",
                Long.class).getSingleResult(), f.offset(), f.limit()));
    }

    /** The first builds matching the filter, newest first, without counting them all (a page that shows no total). */
    public List<BuildInfo> latest(BuildFilter f) {
        return db.read(s -> rows(s, f));
    }

    private List<BuildInfo> rows(Session s, BuildFilter f) {
        return matching(s, f, "from BuildEntity b", " order by b.id desc", BuildEntity.class)
                .setFirstResult(f.offset()).setMaxResults(f.limit()).getResultList().stream()
                .map(b -> view.of(s, b, false)).toList();
    }

    /** {@code select} over the builds the filter matches, then {@code tail}, with the filter's values bound. */
    private static <T> SelectionQuery<T> matching(Session s, BuildFilter f, String select, String tail,
            Class<T> type) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.packageName() != null) {
            where.append(" and b.name = :p");
            params.put("p", f.packageName());
        }
        if (f.state() != null) {
            where.append(" and b.state = :st");
            params.put("st", f.state());
        }
        if (f.owner() != null) {
            where.append(" and b.ownerId = (select u.id from UserEntity u where u.name = :o)");
            params.put("o", f.owner());
        }
        if (f.target() != null) {
            where.append(" and b.targetId = (select t.id from TargetEntity t where t.name = :t)");
            params.put("t", f.target());
        }
        if (f.nvrPrefix() != null) {
            // LIKE's own wildcards and escape are dropped: '_' still matches itself, among others.
            String prefix = f.nvrPrefix().replace("\\", "").replace("%", "");
            where.append(" and concat(b.name, '-', b.version, '-', b.release) like :nvr");
            params.put("nvr", prefix + "%");
        }
        SelectionQuery<T> q = s.createSelectionQuery(select + where + tail, type);
        params.forEach(q::setParameter);
        return q;
    }

    /** The components of one image (Koji's listRPMs(imageID=...)), by name. */
    public List<RpmComponent> rpms(long imageId) {
        return db.read(s -> {
            if (s.get(ImageEntity.class, imageId) == null) {
                throw new SlipwayException(ErrorCode.NOT_FOUND, "Image " + imageId + " does not exist");
            }
            return s.createSelectionQuery("from ComponentEntity where imageId = :i order by name, id",
                    ComponentEntity.class).setParameter("i", imageId).getResultList().stream()
                    .map(BuildView::component).toList();
        });
    }

    /**
     * Images that contain package {@code name}, optionally only where its EVR is below {@code olderThan}
     * (rpm version comparison), in builds of the given state (COMPLETE by default).
     */
    public List<ImageMatch> imagesContaining(String name, Evr olderThan, BuildState state, int limit) {
        return db.read(s -> {
            // Thousands of images may hold the package, but few distinct EVRs: compare each distinct EVR once with
            // rpmvercmp, then ask for the first `limit` matches, newest build first, with only the columns a match
            // shows (no entity, no JSON column but the pull specs). A package with very many distinct EVRs below
            // the version is filtered here instead of in the query.
            List<Object[]> below = new ArrayList<>();
            boolean all = true;
            if (olderThan != null) {
                for (Object[] e : s.createSelectionQuery("select distinct c.epoch, c.version, c.release"
                        + " from ComponentEntity c where c.name = :n", Object[].class)
                        .setParameter("n", name).getResultList()) {
                    if (olderThan.isAbove((Integer) e[0], (String) e[1], (String) e[2])) {
                        below.add(e);
                    } else {
                        all = false;
                    }
                }
                if (below.isEmpty()) {
                    return List.<ImageMatch>of();
                }
            }
            boolean inQuery = all || below.size() <= MAX_EVR_TERMS;
            StringBuilder hql = new StringBuilder("select b.id, b.name, b.version, b.release, b.state, i.arch,"
                    + " i.digest, i.pullSpecs, c.type, c.name, c.epoch, c.version, c.release, c.arch, c.sigmd5,"
                    + " c.signature, c.size, c.buildtime, c.license, c.vendor, c.sourcerpm, c.module"
                    + " from ComponentEntity c, ImageEntity i, BuildEntity b where c.name = :n"
                    + " and i.id = c.imageId and b.id = i.buildId and b.state = :st");
            if (!all && inQuery) {
                hql.append(" and (");
                for (int k = 0; k < below.size(); k++) {
                    hql.append(k == 0 ? "" : " or ").append("(c.version = :v").append(k).append(" and c.release = :r")
                            .append(k).append(below.get(k)[0] == null ? " and c.epoch is null)"
                                    : " and c.epoch = :e" + k + ")");
                }
                hql.append(")");
            }
            SelectionQuery<Object[]> q = s.createSelectionQuery(hql.append(" order by b.id desc, i.arch, c.id")
                    .toString(), Object[].class).setParameter("n", name).setParameter("st", state);
            if (!all && inQuery) {
                for (int k = 0; k < below.size(); k++) {
                    q.setParameter("v" + k, below.get(k)[1]).setParameter("r" + k, below.get(k)[2]);
                    if (below.get(k)[0] != null) {
                        q.setParameter("e" + k, below.get(k)[0]);
                    }
                }
            }
            if (inQuery) {
                q.setMaxResults(limit);
            }
            List<ImageMatch> found = new ArrayList<>();
            try (var rows = q.getResultStream()) {
                for (Object[] r : (Iterable<Object[]>) rows::iterator) {
                    if (found.size() >= limit) {
                        break;
                    }
                    RpmComponent c = new RpmComponent((String) r[8], (String) r[9], (Integer) r[10], (String) r[11],
                            (String) r[12], (String) r[13], (String) r[14], (String) r[15], (Long) r[16],
                            (Long) r[17], (String) r[18], (String) r[19], (String) r[20], (String) r[21]);
                    if (inQuery || olderThan.isAbove(c.epoch(), c.version(), c.release())) {
                        found.add(new ImageMatch((Long) r[0], r[1] + "-" + r[2] + "-" + r[3], (BuildState) r[4],
                                (String) r[5], (String) r[6], view.pullSpecs((String) r[7]), c));
                    }
                }
            }
            return found;
        });
    }

    /**
     * The build holding {@code digest} as an image's manifest or config digest or as one of its layers; empty when
     * no build does.
     */
    public Optional<Long> byDigest(String digest) {
        Digest d;
        try {
            d = Digest.parse(digest);
        } catch (RuntimeException e) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "A digest is sha256:<64 hex>, not '" + digest + "'");
        }
        return db.tx(s -> {
            List<Long> ids = s.createSelectionQuery("select i.buildId from ImageEntity i where i.digest = :d"
                    + " or i.imageId = :d order by i.buildId desc", Long.class).setParameter("d", d.toString())
                    .setMaxResults(1).getResultList();
            if (ids.isEmpty()) {
                ids = s.createSelectionQuery("select i.buildId from ImageEntity i where i.layerSizes like :d"
                        + " order by i.buildId desc", Long.class).setParameter("d", "%" + d + "%")
                        .setMaxResults(1).getResultList();
            }
            return ids.stream().findFirst();
        });
    }

    /** The task id whose log is the build's log. */
    public long taskOf(String idOrNvr) {
        return db.tx(s -> {
            BuildEntity b = find(s, idOrNvr);
            if (b.taskId == null) {
                throw new SlipwayException(ErrorCode.NOT_FOUND, "Build " + b.nvr() + " has no task and no log");
            }
            return b.taskId;
        });
    }

    private static BuildEntity find(Session s, String idOrNvr) {
        if (idOrNvr.chars().allMatch(Character::isDigit) && idOrNvr.length() < 19) {
            BuildEntity b = s.get(BuildEntity.class, Long.parseLong(idOrNvr));
            if (b != null) {
                return b;
            }
            throw new SlipwayException(ErrorCode.BUILD_NOT_FOUND, "Build " + idOrNvr + " does not exist");
        }
        Nvr nvr = Nvr.parse(idOrNvr);
        return s.createSelectionQuery("from BuildEntity where name = :n and version = :v and release = :r",
                BuildEntity.class).setParameter("n", nvr.name()).setParameter("v", nvr.version())
                .setParameter("r", nvr.release()).getResultList().stream().findFirst()
                .orElseThrow(() -> new SlipwayException(ErrorCode.BUILD_NOT_FOUND, "Build " + nvr + " does not exist"));
    }
}
