package dev.slipway.hub.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.hub.admin.Accounts;
import dev.slipway.hub.auth.SessionRefused.Reason;
import dev.slipway.hub.auth.Tokens;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.persistence.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Login sessions (koji's login) over a real (H2) database with a clock the test moves: expiry, revocation, call numbers. */
class SessionsIT {
    private static Database db;
    private static Instant now = Instant.parse("2026-12-02T00:00:00Z");
    private static final Clock CLOCK = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private static Accounts accounts;
    private static Sessions sessions;

    @BeforeAll
    static void open() throws Exception {
        Path dir = Files.createTempDirectory("koji-sessions-");
        db = Database.open(new HubConfig.Database(null, null, null, 4), dir);
        Authenticator auth = new Authenticator(db);
        accounts = new Accounts(db, CLOCK, new Tokens(), auth);
        sessions = new Sessions(db, auth, CLOCK);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void session_expiresAfterADayWithoutACall_butEachCallRenewsIt() {
        String token = accounts.initAdmin("rosa").token();
        Sessions.Opened s = sessions.login("rosa", token);
        now = now.plus(Duration.ofHours(23));
        assertEquals("rosa", sessions.check(s.id(), s.key(), 0L).principal().name());
        now = now.plus(Duration.ofHours(23));
        assertEquals("rosa", sessions.check(s.id(), s.key(), null).principal().name());
        now = now.plus(Duration.ofHours(25));
        SessionRefused f = assertThrows(SessionRefused.class, () -> sessions.check(s.id(), s.key(), 1L));
        assertEquals(Reason.EXPIRED, f.reason());
    }

    @Test
    void revokingTheToken_endsItsSessions_andLogoutEndsOne() {
        var created = accounts.initAdmin("root");
        Sessions.Opened s = sessions.login("root", created.token());
        Sessions.Opened other = sessions.login("root", accounts.initAdmin("root").token());
        accounts.revoke(s.principal(), created.id());
        assertEquals(Reason.INVALID, assertThrows(SessionRefused.class, () -> sessions.check(s.id(), s.key(), null))
                .reason());
        assertEquals("root", sessions.check(other.id(), other.key(), 3L).principal().name());
        sessions.logout(other.id());
        assertEquals(Reason.INVALID, assertThrows(SessionRefused.class, () -> sessions.check(other.id(), other.key(),
                4L)).reason());
    }

    @Test
    void callNumbers_mustGrow_aReplayIsRetryError_anOlderOneSequenceError() {
        Sessions.Opened s = sessions.login("cal", accounts.initAdmin("cal").token());
        sessions.check(s.id(), s.key(), 0L);
        sessions.check(s.id(), s.key(), 2L);
        assertEquals(Reason.REPLAYED, assertThrows(SessionRefused.class, () -> sessions.check(s.id(), s.key(), 2L))
                .reason());
        assertEquals(Reason.OUT_OF_ORDER, assertThrows(SessionRefused.class, () -> sessions.check(s.id(), s.key(), 1L))
                .reason());
        sessions.check(s.id(), s.key(), 3L);
        assertEquals(Reason.INVALID, assertThrows(SessionRefused.class, () -> sessions.check(s.id(), "wrong", 4L))
                .reason());
    }
}
