package dev.slipway.hub.console;

import dev.slipway.common.api.Admin;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.admin.Accounts;
import java.util.List;
import java.util.function.Function;

/**
 * Users with their roles and groups (for everyone, like the API), and for admins the tokens: create (the secret is
 * shown once, on the answer to the form, and never again) and revoke. {@code Accounts} re-checks every call.
 */
public final class AccountPages {
    private final Accounts accounts;
    private final Templates templates;

    AccountPages(Accounts accounts, Templates templates) {
        this.accounts = accounts;
        this.templates = templates;
    }

    Rendered users(Visitor v) {
        return page(v, null);
    }

    /** Creates a token for a user; the page that answers shows its secret once. */
    Rendered createToken(Visitor v, Function<String, String> form) {
        String user = Templates.text(form, "user");
        if (user == null) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "Name the user the token is for");
        }
        Admin.TokenCreated created = accounts.createToken(v.principal(),
                new Admin.TokenRequest(user, null, Templates.text(form, "description")));
        Rendered p = page(v, created);
        return new Rendered(201, p.html(), null, null);
    }

    Rendered revoke(Visitor v, long id) {
        accounts.revoke(v.principal(), id);
        return Rendered.redirect("/console/users#tokens");
    }

    private Rendered page(Visitor v, Admin.TokenCreated created) {
        List<Admin.Token> tokens = v.principal().isAdmin() ? accounts.tokens(v.principal()) : List.of();
        return templates.render("users", v, "Users", "users", "users", accounts.users(), "groups", accounts.groups(),
                "tokens", tokens, "admin", v.principal().isAdmin(), "created", created);
    }
}
