package dev.slipway.cli.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.cli.hub.Listing.Column;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The listing verbs' shared paging options and table. */
class ListingTest {
    private static final List<Column> COLUMNS = List.of(new Column("ID", 4, n -> n.path("id").asText()),
            new Column("HOST", 0, n -> n.path("host").asText("-")));

    @Test
    void print_aPageOfOne_printsTheTableAndTheCountInTheSingular() throws Exception {
        String out = print(new Listing(), "{\"items\": [{\"id\": 7, \"host\": null}], \"total\": 1}");
        assertEquals("ID   HOST\n7    -\n1 of 1 task\n", out);
    }

    @Test
    void print_aPartOfMany_countsInThePlural() throws Exception {
        String out = print(new Listing(), "{\"items\": [{\"id\": 7, \"host\": \"b1\"}], \"total\": 30}");
        assertEquals("ID   HOST\n7    b1\n1 of 30 tasks\n", out);
    }

    @Test
    void query_addsTheOffsetAndLimitGivenAfterTheFilters() {
        Listing listing = parsed("--offset", "50", "--limit", "10");
        assertEquals("state=a+b&offset=50&limit=10", listing.query(new Query().add("state", "a b").add("x", null)));
        assertEquals("offset=0&limit=50", parsed().query(new Query()));
    }

    @Test
    void print_json_printsTheHubsPageAsItCame() throws Exception {
        String out = print(parsed("--json"), "{\"items\": [], \"total\": 0}");
        assertEquals(0, new ObjectMapper().readTree(out).path("total").asInt(), out);
    }

    private static Listing parsed(String... args) {
        Listing listing = new Listing();
        new CommandLine(new Holder(listing)).parseArgs(args);
        return listing;
    }

    private static String print(Listing listing, String page) throws Exception {
        StringWriter text = new StringWriter();
        JsonNode node = new ObjectMapper().readTree(page);
        listing.print(new PrintWriter(text, true), node, COLUMNS, "task", "tasks");
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    /** A command holding the mixin, as a listing verb does. */
    @CommandLine.Command(name = "holder")
    static final class Holder {
        @CommandLine.Mixin
        final Listing listing;

        Holder(Listing listing) {
            this.listing = listing;
        }
    }
}
