package dev.slipway.hub.koji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureTest {
    private final Signature taskInfo = Signature.of("getTaskInfo", "task_id", "request=False", "strict=False");

    @Test
    void bind_positionalThenStarstarKeywords_likePython() {
        Args a = taskInfo.bind(List.of(42, KojiClient.kw("request", true)));
        assertEquals(42L, a.requiredNumber("task_id"));
        assertTrue(a.flag("request"));
        assertEquals(false, a.raw("strict"));
    }

    @Test
    void bind_unexpectedKeyword_isAParameterError_theClientFallsBackOnIt() {
        KojiFault f = assertThrows(KojiFault.class, () -> Signature.of("listTaskOutput", "taskID", "stat=False")
                .bind(List.of(1, KojiClient.kw("all_volumes", true))));
        assertEquals(KojiError.PARAMETER, f.kojiError());
        assertTrue(f.getMessage().contains("unexpected keyword argument 'all_volumes'"), f.getMessage());
    }

    @Test
    void bind_refusesDuplicatesMissingAndTooMany() {
        assertThrows(KojiFault.class, () -> taskInfo.bind(List.of(1, KojiClient.kw("task_id", 2))));
        assertThrows(KojiFault.class, () -> taskInfo.bind(List.of()));
        assertThrows(KojiFault.class, () -> taskInfo.bind(List.of(1, true, false, 4)));
    }

    @Test
    void bind_aTrailingStructWithoutStarstar_isAPositionalArgument() {
        Args a = Signature.of("listTasks", "opts=", "queryOpts=").bind(List.of(Map.of("decode", true)));
        assertEquals(Map.of("decode", true), a.struct("opts"));
        assertTrue(a.struct("queryOpts").isEmpty());
    }

    @Test
    void bind_nilKeywordValues_areNone() {
        List<Object> params = new ArrayList<>(Arrays.asList("alice", "tok"));
        params.add(KojiClient.kw("opts", null));
        Args a = Signature.of("login", "username", "password", "opts=").bind(params);
        assertNull(a.raw("opts"));
    }

    @Test
    void introspection_describesArgumentsLikeKojisListapi() {
        assertEquals("(task_id, request=False, strict=False)", taskInfo.argdesc());
        assertEquals(List.of("task_id", List.of("request", false), List.of("strict", false)), taskInfo.args());
        assertEquals(Arrays.asList(List.of("task_id", "request", "strict"), null, null, List.of(false, false)),
                taskInfo.argspec());
        assertEquals("(taskID, fileName, offset=0, size=-1, volume=None)", Signature.of("downloadTaskOutput",
                "taskID", "fileName", "offset=0", "size=-1", "volume=").argdesc());
    }

    @Test
    void args_wrongTypes_areParameterErrors() {
        Args a = taskInfo.bind(List.of("one"));
        KojiFault f = assertThrows(KojiFault.class, () -> a.requiredNumber("task_id"));
        assertTrue(f.getMessage().contains("must be an integer, not string"), f.getMessage());
    }

    @Test
    void queryOpts_ordersPagesAndRefusesUnknownKeys() {
        List<Map<String, Object>> rows = List.of(Map.of("id", 1, "priority", 25), Map.of("id", 2, "priority", 20),
                Map.of("id", 3, "priority", 20));
        QueryOpts q = QueryOpts.of("listTasks", Map.of("order", "priority,-id", "limit", 2));
        assertEquals(List.of(3, 2), q.apply(rows, "id").stream().map(m -> m.get("id")).toList());
        assertEquals(List.of(2, 3), QueryOpts.of("x", Map.of("offset", 1)).apply(rows, "id").stream()
                .map(m -> m.get("id")).toList());
        assertThrows(KojiFault.class, () -> QueryOpts.of("x", Map.of("group", "owner")));
        assertThrows(KojiFault.class, () -> QueryOpts.of("x", Map.of("order", "nosuch")).apply(rows, "id"));
    }
}
