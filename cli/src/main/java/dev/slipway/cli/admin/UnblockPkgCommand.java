package dev.slipway.cli.admin;

import picocli.CommandLine.Command;

/** {@code slipway unblock-pkg TAG PKG...} (releng), as Koji's unblock-pkg. */
@Command(name = "unblock-pkg", mixinStandardHelpOptions = true, description = "Unblock packages in a tag (releng).")
public final class UnblockPkgCommand extends PackageBlocks {
    public UnblockPkgCommand() {
        super(false);
    }
}
