package dev.slipway.registry.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

    @Test
    void parse_dockerHubBearer_readsRealmServiceAndScopes() {
        List<AuthChallenge> challenges = AuthChallenge.parse(List.of("Bearer realm=\"https://auth.docker.io/token\","
                + "service=\"registry.docker.io\",scope=\"repository:samalba/my-app:pull,push\""));

        assertEquals(1, challenges.size());
        AuthChallenge bearer = challenges.get(0);
        assertTrue(bearer.isBearer());
        assertEquals(Optional.of("https://auth.docker.io/token"), bearer.param("realm"));
        assertEquals(Optional.of("registry.docker.io"), bearer.param("SERVICE"));
        assertEquals(List.of("repository:samalba/my-app:pull,push"), bearer.scopes());
    }

    @Test
    void parse_severalScopesInOneParameter_splitsOnSpaces() {
        AuthChallenge bearer = AuthChallenge.parse(List.of("Bearer realm=\"http://127.0.0.1:1/token\",service=\"s\","
                + "scope=\"repository:prod2/hello:pull,push repository:staging/hello:pull\"")).get(0);

        assertEquals(List.of("repository:prod2/hello:pull,push", "repository:staging/hello:pull"), bearer.scopes());
    }

    @Test
    void parse_registryWithPortInScope_keepsTheColons() {
        AuthChallenge bearer = AuthChallenge.parse(List.of(
                "Bearer realm=\"r\",scope=\"repository:localhost:5000/app:pull\"")).get(0);

        assertEquals(List.of("repository:localhost:5000/app:pull"), bearer.scopes());
    }

    @Test
    void parse_severalChallengesUnquotedAndEscapedValues() {
        List<AuthChallenge> challenges = AuthChallenge.parse(List.of(
                "Basic realm=\"Registry \\\"Realm\\\"\", Bearer realm=\"https://t/token\",error=insufficient_scope",
                "Newauth"));

        assertEquals(3, challenges.size());
        assertEquals(new AuthChallenge("basic", Map.of("realm", "Registry \"Realm\"")), challenges.get(0));
        assertEquals(Optional.of("insufficient_scope"), challenges.get(1).param("error"));
        assertEquals("newauth", challenges.get(2).scheme());
        assertEquals(List.of(), challenges.get(1).scopes());
    }

    @Test
    void parse_nothingUsable_isEmpty() {
        assertEquals(List.of(), AuthChallenge.parse(List.of("", " , ")));
    }
}
