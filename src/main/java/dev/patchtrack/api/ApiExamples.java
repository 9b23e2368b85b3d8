package dev.patchtrack.api;

/** Example answers for the OpenAPI document, taken from an instance that imported a generated corpus. */
final class ApiExamples {

    private ApiExamples() {
    }

    private static final String STATE = "{\"state\":\"accepted\",\"reason\":\"applied to netdev/net-next.git main"
            + " (commit dc64e19f9644)\",\"messageId\":\"e3fd21567745bade1e6b10f4.1707325320.git-patchwork-notify@kernel.org\","
            + "\"person\":{\"name\":\"Pavel Horák\",\"email\":\"pavel.horak@example.net\"},\"overridden\":false}";

    static final String SERIES_PAGE = "{\"total\":4,\"page\":1,\"perPage\":1,\"items\":[{\"id\":35,"
            + "\"title\":\"rust: net::phy: add PHY driver registration\","
            + "\"author\":{\"name\":\"Søren Højgaard\",\"email\":\"shojgaard@example.net\"},\"lists\":[\"rust-for-linux\"],"
            + "\"latestVersion\":2,\"revisionCount\":2,\"firstPosted\":\"2024-01-14T20:57:00Z\","
            + "\"lastPosted\":\"2024-01-27T00:20:13Z\",\"state\":" + STATE + ",\"topics\":[{\"topic\":\"rust-net\","
            + "\"reason\":\"path rust/kernel/net/phy.rs matched path \\\"rust/kernel/net/**\\\" (topics.rules:67)\"}],"
            + "\"tags\":[\"net-next\"],\"url\":\"/api/series/35\"}]}";

    private static final String REVIEWED = "{\"state\":\"reviewed\",\"reason\":\"Acked-by: Dominique Arnaud"
            + " <dominique.arnaud@example.com>\",\"messageId\":\"vevzqVRAeb1UzY4z@example.com\",\"person\":{\"name\":"
            + "\"Dominique Arnaud\",\"email\":\"dominique.arnaud@example.com\"},\"overridden\":false}";

    static final String PATCH_PAGE = "{\"total\":46,\"page\":1,\"perPage\":1,\"items\":[{\"id\":496,\"number\":1,"
            + "\"messageId\":\"20240508133001.2210077-2-francois.lefevre@example.org\","
            + "\"subject\":\"[PATCH 1/2] fs/9p: expose v9fs_session_info accessors\","
            + "\"author\":{\"name\":\"François Lefèvre\",\"email\":\"francois.lefevre@example.org\"},"
            + "\"date\":\"2024-05-08T13:30:01Z\",\"diffstat\":{\"files\":2,\"insertions\":22,\"deletions\":2},"
            + "\"hash\":\"3f1c0e5a9b7d24c6e8f0a1b2c3d4e5f60718293a\","
            + "\"state\":" + REVIEWED + ",\"trailers\":[{\"name\":\"Acked-by\",\"value\":\"Dominique Arnaud"
            + " <dominique.arnaud@example.com>\",\"person\":{\"name\":\"Dominique Arnaud\",\"email\":"
            + "\"dominique.arnaud@example.com\"},\"messageId\":\"vevzqVRAeb1UzY4z@example.com\"}],"
            + "\"trailerCounts\":{\"Acked-by\":1,\"Reviewed-by\":0,\"Tested-by\":0},\"reviewers\":{\"Acked-by\":[{\"name\":"
            + "\"Dominique Arnaud\",\"email\":\"dominique.arnaud@example.com\"}],\"Reviewed-by\":[],\"Tested-by\":[]},"
            + "\"nacks\":[],\"applied\":[],\"seriesId\":58,\"revisionId\":122,\"version\":1,\"check\":\"pending\","
            + "\"checks\":[]}]}";

    static final String LATENCY = "{\"unit\":\"hours\",\"topics\":[{\"topic\":\"rust-nvme\",\"v1ToAccepted\":{\"count\":4,"
            + "\"min\":72.5,\"q1\":160.25,\"median\":410.0,\"q3\":1022.75,\"max\":2310.0},\"firstReview\":{\"count\":9,"
            + "\"min\":0.75,\"q1\":5.5,\"median\":26.0,\"q3\":70.25,\"max\":300.0}}]}";
    static final String STATS = "{\"series\":5,\"byState\":{\"accepted\":3,\"reviewed\":1,\"under-review\":1},"
            + "\"topics\":[{\"topic\":\"rust-net\",\"series\":5,\"byState\":{\"accepted\":3,\"reviewed\":1,\"under-review\":1}}],"
            + "\"weeks\":[{\"week\":\"2024-W04\",\"start\":\"2024-01-22\",\"posted\":2,\"accepted\":1},"
            + "{\"week\":\"2024-W05\",\"start\":\"2024-01-29\",\"posted\":0,\"accepted\":1}]}";

    static final String EVENTS = "[{\"id\":101,\"kind\":\"revision-posted\",\"at\":\"2026-11-24T14:47:11.185876Z\","
            + "\"seriesId\":31,\"revisionId\":70,\"patchId\":null,\"messageId\":\"20240113094100.3307128-1-rdominguez@example.net\","
            + "\"summary\":\"v1 of rust: str: add a `KVec` allocation API posted, 5 of 5 patches\"}]";

    static final String EVENT_STREAM = ":patchtrack events after 100\nretry:5000\n\n"
            + "id:101\ndata:{\"id\":101,\"kind\":\"revision-posted\",\"at\":\"2026-11-24T14:47:11.185876Z\",\"seriesId\":31,"
            + "\"revisionId\":70,\"patchId\":null,\"messageId\":\"20240113094100.3307128-1-rdominguez@example.net\","
            + "\"summary\":\"v1 of rust: str: add a `KVec` allocation API posted, 5 of 5 patches\"}\n\n:keep-alive\n\n";

    static final String MESSAGE = "{\"messageId\":\"20240508133001.2210077-2-francois.lefevre@example.org\",\"kind\":\"patch\","
            + "\"subject\":\"[PATCH 1/2] fs/9p: expose v9fs_session_info accessors\",\"from\":{\"name\":\"François Lefèvre\","
            + "\"email\":\"francois.lefevre@example.org\"},\"date\":\"2024-05-08T13:30:01Z\",\"lists\":[\"rust-for-linux\"],"
            + "\"inReplyTo\":\"20240508133000.2210077-1-francois.lefevre@example.org\",\"syntheticId\":false,\"readable\":true,"
            + "\"deleted\":false,\"problems\":[],\"problemDetails\":[],\"seriesId\":58,\"revisionId\":122,\"version\":1,\"patchNumber\":1,"
            + "\"patchId\":496,\"state\":" + REVIEWED + ",\"links\":{\"self\":\"/api/messages/20240508133001.2210077-2-francois.lefevre@example.org\","
            + "\"raw\":\"/api/messages/20240508133001.2210077-2-francois.lefevre@example.org/raw\","
            + "\"series\":\"/api/series/58\",\"patch\":\"/api/patches/496\"}}";

    static final String TOPICS = "[{\"topic\":\"rust-9p\",\"series\":7,\"byState\":{\"accepted\":3,\"rejected\":3,"
            + "\"under-review\":1}}]";

    static final String BAD_PARAMETER = "{\"type\":\"about:blank\",\"title\":\"Bad parameter\",\"status\":400,"
            + "\"detail\":\"unknown state 'merged'; states are new, under-review, reviewed, changes-requested, accepted,"
            + " superseded, rejected\",\"parameter\":\"state\",\"instance\":\"/api/series\"}";
}
