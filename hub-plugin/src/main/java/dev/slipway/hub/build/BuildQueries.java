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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/** Read-only questions about builds: by id or NVR, listings, an image's RPMs, which images contain a package. */
public final class BuildQueries {
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
            // Thousands of images may hold the package: read only the EVRs (each distinct one compared once with
            // rpmvercmp), keep the first `limit` matches newest first, then load just those rows in one query.
            List<Object[]> evrs = s.createSelectionQuery("select c.id, c.epoch, c.version, c.release"
                    + " from ComponentEntity c, ImageEntity i, BuildEntity b where c.name = :n and i.id = c.imageId"
                    + " and b.id = i.buildId and b.state = :st order by b.id desc, i.arch, c.id", Object[].class)
                    .setParameter("n", name).setParameter("st", state).getResultList();
            Map<String, Boolean> below = new HashMap<>();
            List<Long> ids = new ArrayList<>();
            for (Object[] r : evrs) {
                if (ids.size() >= limit) {
                    break;
                }
                boolean match = olderThan == null || below.computeIfAbsent(r[1] + ":" + r[2] + "-" + r[3],
                        k -> olderThan.isAbove((Integer) r[1], (String) r[2], (String) r[3]));
                if (match) {
                    ids.add((Long) r[0]);
                }
            }
            if (ids.isEmpty()) {
                return List.<ImageMatch>of();
            }
            Map<Long, ImageMatch> found = new HashMap<>();
            for (Object[] r : s.createSelectionQuery("select c, i, b from ComponentEntity c, ImageEntity i,"
                    + " BuildEntity b where c.id in (:ids) and i.id = c.imageId and b.id = i.buildId", Object[].class)
                    .setParameterList("ids", ids).getResultList()) {
                ComponentEntity c = (ComponentEntity) r[0];
                ImageEntity i = (ImageEntity) r[1];
                BuildEntity b = (BuildEntity) r[2];
                found.put(c.id, new ImageMatch(b.id, b.nvr(), b.state, i.arch, i.digest, view.pullSpecs(i),
                        BuildView.component(c)));
            }
            return ids.stream().map(found::get).toList();
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
