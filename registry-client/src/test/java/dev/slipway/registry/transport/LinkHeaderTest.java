package dev.slipway.registry.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    @Test
    void next_distributionStyle_returnsTheTarget() {
        assertEquals(Optional.of("/v2/app/tags/list?n=2&last=b"),
                LinkHeader.next(List.of("</v2/app/tags/list?n=2&last=b>; rel=\"next\"")));
    }

    @Test
    void next_amongSeveralLinksAndRelTypes_findsNext() {
        assertEquals(Optional.of("https://r.example/v2/x/tags/list?last=c"), LinkHeader.next(List.of(
                "<https://r.example/v2/x/tags/list?n=1>; rel=\"prev\", "
                        + "<https://r.example/v2/x/tags/list?last=c>; title=\"more\"; rel=\"last next\"")));
    }

    @Test
    void next_unquotedRelInASecondHeader_isFound() {
        assertEquals(Optional.of("/p2"), LinkHeader.next(List.of("</p0>; rel=first", "</p2>;rel=next")));
    }

    @Test
    void next_withoutNext_isEmpty() {
        assertEquals(Optional.empty(), LinkHeader.next(List.of("</p0>; rel=\"prev\"")));
        assertEquals(Optional.empty(), LinkHeader.next(List.of()));
    }
}
