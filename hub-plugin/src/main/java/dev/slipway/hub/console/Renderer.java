package dev.slipway.hub.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/** Renders the console's templates, compiled to classes at build time (the hub carries no template compiler). */
final class Renderer {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** {@code console/<name>.jte} with its parameters, as HTML. */
    String render(String name, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render("console/" + name + ".jte", params, out);
        return out.toString();
    }
}
