package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** 250 jobs and more are kept at once: the finished ones, the queue and the jobs' memory are raised to hold them. */
@ServiceTest
@TestPropertySource(properties = {"backprop.jobs.keep-finished=2000", "backprop.jobs.queue-length=2000", "backprop.jobs.max-log-bytes=64KB"})
class PagingTest extends ApiTest {
    private static final String TINY_JOB = """
            {"data": {"synthetic": {"samplesPerClass": 2, "meanValue": 1.7, "bias": 1.0, "features": 2}}, "maxIterations": 1}""";
    private static final String ENDLESS_JOB = """
            {"data": {"synthetic": {"samplesPerClass": 2, "meanValue": 1.7, "bias": 1.0, "features": 2}}, "maxIterations": 1000000,
             "targetAccuracy": 2.0, "logEvery": 100000}""";
    private static final Comparator<JsonNode> NEWEST_FIRST = Comparator.comparing((JsonNode v) -> Instant.parse(v.get("createdAt").stringValue()))
            .thenComparing(v -> v.get("id").stringValue()).reversed();

    private JsonNode start(String spec) {
        return api.post("/jobs", spec).expect(202).json();
    }

    /** Every page of a listing from {@code first} on, following each page's Link; each page's size is checked. */
    private List<JsonNode> walk(String first, int pageSize, Runnable betweenPages) {
        List<JsonNode> seen = new ArrayList<>();
        String target = first;
        while (true) {
            Api.Response page = api.get(target).expect(200);
            JsonNode items = page.json();
            items.forEach(seen::add);
            var link = page.headers().firstValue("Link");
            var token = page.headers().firstValue("Next-Page-Token");
            assertThat(link.isPresent()).as("a Link exactly when a Next-Page-Token").isEqualTo(token.isPresent());
            if (link.isEmpty()) {
                assertThat(items.size()).isBetween(0, pageSize);
                return seen;
            }
            assertThat(items.size()).isEqualTo(pageSize);
            assertThat(link.get()).startsWith("</api/v1/").endsWith(">; rel=\"next\"").contains("pageToken=" + token.get() + "&")
                    .contains("pageSize=" + pageSize);
            target = link.get().substring("</api/v1".length(), link.get().length() - ">; rel=\"next\"".length());
            betweenPages.run();
        }
    }

    private static String at(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    private static Instant createdAt(JsonNode view) {
        return Instant.parse(view.get("createdAt").stringValue());
    }

    private static List<String> ids(List<JsonNode> views) {
        return views.stream().map(v -> v.get("id").stringValue()).toList();
    }

    @Test
    void aWalkInPagesOf100SeesEveryJobOnceNewestFirstWhileNewOnesArrive() throws Exception {
        List<JsonNode> first = new ArrayList<>();
        for (int i = 0; i < 250; i++) first.add(start(TINY_JOB));
        Instant before = createdAt(first.getFirst()).minusNanos(1);
        List<String> arriving = new CopyOnWriteArrayList<>();
        AtomicBoolean walking = new AtomicBoolean(true);
        List<JsonNode> walked;
        try (ExecutorService creator = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> creating = creator.submit(() -> {
                while (walking.get()) arriving.add(start(TINY_JOB).get("id").stringValue());
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> arriving.size() >= 3);
            walked = walk("/jobs?pageSize=100&createdAfter=" + at(before), 100, () -> {
                int now = arriving.size();
                await().atMost(Duration.ofSeconds(30)).until(() -> arriving.size() > now + 1);
            });
            walking.set(false);
            creating.get();
        }

        List<String> walkedIds = ids(walked);
        assertThat(new HashSet<>(walkedIds)).as("no job twice").hasSameSizeAs(walkedIds);
        assertThat(walked).as("newest first").isSortedAccordingTo(NEWEST_FIRST);
        List<String> firstIds = ids(first);
        assertThat(walkedIds).containsAll(firstIds);
        List<String> older = walkedIds.subList(walkedIds.size() - 250, walkedIds.size());
        assertThat(older).as("the first 250, newest first, after every job that arrived before the walk began")
                .containsExactlyElementsOf(firstIds.reversed());
        assertThat(walkedIds.subList(0, walkedIds.size() - 250)).isSubsetOf(arriving);
        assertThat(arriving).as("jobs started during the walk").hasSizeGreaterThan(walkedIds.size() - 250 + 3);
    }

    @Test
    void jobsFilteredByStatusAndByTheirCreationTime() {
        List<JsonNode> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) jobs.add(start(TINY_JOB));
        Instant since = createdAt(jobs.getFirst()).minusNanos(1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/jobs?status=SUCCEEDED&pageSize=1000&createdAfter=" + at(since)).expect(200).json().size() == 20);
        String running = start(ENDLESS_JOB).get("id").stringValue();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/jobs/" + running).json().get("status").stringValue().equals("RUNNING"));

        assertThat(Api.ids(api.get("/jobs?status=RUNNING&createdAfter=" + at(since)).expect(200).json())).containsExactly(running);
        assertThat(api.get("/jobs?status=QUEUED&createdAfter=" + at(since)).expect(200).json()).isEmpty();
        api.post("/jobs/" + running + "/cancel").expect(200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Api.ids(api.get("/jobs?status=CANCELLED&createdAfter=" + at(since)).json()).equals(List.of(running)));

        String window = "/jobs?createdAfter=" + at(createdAt(jobs.get(4))) + "&createdBefore=" + at(createdAt(jobs.get(15)));
        assertThat(Api.ids(api.get(window).expect(200).json())).as("strictly between the 5th and the 16th")
                .containsExactlyElementsOf(ids(jobs.subList(5, 15)).reversed());
        List<JsonNode> paged = walk(window + "&pageSize=3", 3, () -> {});
        assertThat(ids(paged)).containsExactlyElementsOf(ids(jobs.subList(5, 15)).reversed());

        String succeeded = "/jobs?pageSize=4&status=SUCCEEDED&createdAfter=" + at(since);
        assertThat(ids(walk(succeeded, 4, () -> {}))).containsExactlyElementsOf(ids(jobs).reversed());
    }

    @Test
    void aTokenComesWithTheFiltersItWasMadeWith() {
        Instant since = createdAt(start(TINY_JOB)).minusNanos(1);
        start(TINY_JOB);
        start(TINY_JOB);
        Api.Response first = api.get("/jobs?pageSize=1&createdAfter=" + at(since)).expect(200);
        String token = first.headers().firstValue("Next-Page-Token").orElseThrow();
        api.get("/jobs?pageSize=2&pageToken=" + token + "&createdAfter=" + at(since)).expect(200);

        JsonNode otherBound = api.get("/jobs?pageSize=1&pageToken=" + token + "&createdAfter=" + at(since.minusSeconds(1)))
                .problem(400, "invalid-page-token");
        assertThat(otherBound.get("field").stringValue()).isEqualTo("pageToken");
        assertThat(otherBound.get("detail").stringValue()).startsWith("the pageToken was made with other filters than {createdAfter=");
        api.get("/jobs?pageSize=1&pageToken=" + token).problem(400, "invalid-page-token");
        api.get("/jobs?pageSize=1&status=QUEUED&pageToken=" + token + "&createdAfter=" + at(since)).problem(400, "invalid-page-token");
        api.get("/sessions?pageSize=1&pageToken=" + token + "&createdAfter=" + at(since)).problem(400, "invalid-page-token");
        JsonNode garbled = api.get("/jobs?pageToken=not-a-token").problem(400, "invalid-page-token");
        assertThat(garbled.get("detail").stringValue()).isEqualTo("the pageToken is not one this service made");
    }

    @Test
    void badParametersAre400sNamingThem() {
        JsonNode size = api.get("/jobs?pageSize=1001").problem(400, "invalid-parameter");
        assertThat(size.get("field").stringValue()).isEqualTo("pageSize");
        assertThat(size.get("detail").stringValue()).isEqualTo("the query parameter 'pageSize' must be an integer from 1 to 1000, got '1001'");
        assertThat(api.get("/sessions?pageSize=0").problem(400, "invalid-parameter").get("field").stringValue()).isEqualTo("pageSize");
        api.get("/jobs?pageSize=%2B5").problem(400, "invalid-parameter");

        JsonNode after = api.get("/jobs?createdAfter=yesterday").problem(400, "invalid-parameter");
        assertThat(after.get("field").stringValue()).isEqualTo("createdAfter");
        assertThat(after.get("detail").stringValue())
                .isEqualTo("the query parameter 'createdAfter' must be an RFC 3339 date-time such as 2025-01-31T09:30:00Z, got 'yesterday'");
        JsonNode noOffset = api.get("/sessions?createdBefore=2025-01-31T09:30:00").problem(400, "invalid-parameter");
        assertThat(noOffset.get("field").stringValue()).isEqualTo("createdBefore");

        JsonNode status = api.get("/jobs?status=DONE").problem(400, "invalid-parameter");
        assertThat(status.get("field").stringValue()).isEqualTo("status");
        assertThat(status.get("detail").stringValue())
                .isEqualTo("the query parameter 'status' must be one of QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, got 'DONE'");
        api.get("/sessions?status=QUEUED").problem(400, "unknown-parameter");
    }

    @Test
    void sessionsArePagedNewestFirst() {
        List<String> opened = new ArrayList<>();
        List<JsonNode> views = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonNode view = api.post("/sessions").expect(201).json();
            views.add(view);
            opened.add(view.get("id").stringValue());
        }
        Instant since = createdAt(views.getFirst()).minusNanos(1);
        AtomicInteger nextPages = new AtomicInteger();
        List<JsonNode> walked = walk("/sessions?pageSize=2&createdAfter=" + at(since), 2, nextPages::incrementAndGet);
        assertThat(ids(walked)).containsExactlyElementsOf(opened.reversed());
        assertThat(nextPages).hasValue(2);
        String offset = URLEncoder.encode(createdAt(views.get(2)).atOffset(ZoneOffset.ofHours(2)).toString(), StandardCharsets.UTF_8);
        assertThat(Api.ids(api.get("/sessions?createdAfter=" + at(since) + "&createdBefore=" + offset).expect(200).json()))
                .as("a bound with another offset is the same instant").containsExactlyElementsOf(opened.subList(0, 2).reversed());
        Api.Response exactlyFull = api.get("/sessions?pageSize=5&createdAfter=" + at(since)).expect(200);
        assertThat(exactlyFull.json()).hasSize(5);
        assertThat(exactlyFull.headers().firstValue("Next-Page-Token")).as("a full last page").isEmpty();
        assertThat(exactlyFull.headers().firstValue("Link")).isEmpty();
    }
}
