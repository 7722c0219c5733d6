package dev.slipway.cli.admin;

import picocli.CommandLine.Command;

/** {@code slipway block-pkg TAG PKG...} (releng), as Koji's block-pkg. */
@Command(name = "block-pkg", mixinStandardHelpOptions = true, description = "Block packages in a tag: they can no longer build there (releng).")
public final class BlockPkgCommand extends PackageBlocks {
    public BlockPkgCommand() {
        super(true);
    }
}
