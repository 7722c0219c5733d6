package dev.slipway.cli.admin;

import dev.slipway.common.hub.HubClient;
import dev.slipway.cli.hub.HubOptions;
import dev.slipway.cli.hub.Verb;
import dev.slipway.common.api.Admin;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slipway add-host NAME ARCH...} (admin), as Koji's add-host; with {@code --token-out FILE} it also
 * creates the host's token and writes it there (mode 600) for {@code slipway-worker run --token-file}.
 */
@Command(name = "add-host", mixinStandardHelpOptions = true, description = "Add a build host (admin).")
public final class AddHostCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    HubOptions hub;

    @Parameters(index = "0", description = "Host name")
    String name;

    @Parameters(index = "1..*", arity = "1..*", description = "Arches, e.g. x86_64")
    List<String> arches;

    @Option(names = "--capacity", defaultValue = "4.0", description = "Total task weight at once (default: 4.0)")
    double capacity;

    @Option(names = "--channel", defaultValue = "container", description = "Channels (repeatable; default: container)")
    List<String> channels;

    @Option(names = "--token-out", description = "Create the host's token and write it to this file")
    Path tokenOut;

    @Override
    public Integer call() {
        return Verb.run(spec.commandLine().getErr(), () -> {
            HubClient api = hub.api();
            api.createHost(new Admin.Host(name, arches, channels, capacity, null, true, null, null, null));
            spec.commandLine().getOut().println("Added host " + name + " " + arches + " channels " + channels);
            if (tokenOut != null) {
                String token = api.createToken(new Admin.TokenRequest(null, name, "host " + name)).token();
                TokenFiles.write(tokenOut, token);
                spec.commandLine().getOut().println("Host token written to " + tokenOut);
            }
            return 0;
        });
    }
}
