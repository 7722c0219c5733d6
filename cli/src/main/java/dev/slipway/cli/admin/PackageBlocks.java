package dev.slipway.cli.admin;

import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.Verb;
import dev.slipway.common.api.Admin;
import dev.slipway.common.hub.HubClient;
import java.io.PrintWriter;
import java.util.List;

/** Blocks or unblocks packages in a tag's list (Koji's block-pkg/unblock-pkg): a blocked package cannot build. */
final class PackageBlocks {
    private PackageBlocks() {
    }

    static int set(HubOptions hub, PrintWriter out, PrintWriter err, String tag, List<String> packages,
            boolean blocked) {
        return Verb.run(err, () -> {
            HubClient api = hub.api();
            for (String p : packages) {
                api.setPackage(tag, p, new Admin.TagPackage(null, null, null, blocked, null));
                out.println((blocked ? "Blocked " : "Unblocked ") + p + " in " + tag);
            }
            return 0;
        });
    }
}
