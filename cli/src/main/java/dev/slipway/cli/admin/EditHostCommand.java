package dev.slipway.cli.admin;

import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.Verb;
import dev.slipway.common.api.Admin;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code slipway edit-host NAME --enable|--disable --capacity N} (admin), as Koji's enable-host/edit-host. */
@Command(name = "edit-host", mixinStandardHelpOptions = true,
        description = "Enable or disable a build host, or change its capacity (admin).")
public final class EditHostCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Parameters(index = "0", description = "Host name")
    String name;

    @ArgGroup(exclusive = true)
    Switch state;

    @Option(names = "--capacity", description = "Total task weight the host runs at once")
    Double capacity;

    @Option(names = "--description", description = "Free text shown with the host")
    String description;

    /** At most one of enable and disable. */
    static final class Switch {
        @Option(names = "--enable", description = "Let the host take tasks")
        boolean enable;

        @Option(names = "--disable", description = "Take no new tasks on this host (running ones finish)")
        boolean disable;
    }

    @Override
    public Integer call() {
        if (state == null && capacity == null && description == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Nothing to change: give --enable, --disable, --capacity or --description");
        }
        return Verb.run(spec.commandLine().getErr(), () -> {
            Boolean enabled = state == null ? null : state.enable;
            Admin.Host h = hub.api().send("PATCH", "/api/v1/hosts/" + name, new Admin.Host(null, null, null,
                    capacity, null, enabled, null, description, null), Admin.Host.class);
            spec.commandLine().getOut().println("Host " + h.name() + ": " + (Boolean.TRUE.equals(h.enabled())
                    ? "enabled" : "disabled") + ", capacity " + h.capacity());
            return 0;
        });
    }
}
