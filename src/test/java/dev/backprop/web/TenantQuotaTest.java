package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Each tenant is held to its own quotas of sessions, bytes and active jobs; another tenant is not affected. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "backprop.tenants.max-sessions=2", "backprop.tenants.max-bytes=1024", "backprop.tenants.max-active-jobs=1"})
class TenantQuotaTest extends KeyedApiTest {
    private static final String ENDLESS = """
            {"maxIterations": 1000000, "targetAccuracy": 2.0,
             "data": {"synthetic": {"samplesPerClass": 10, "meanValue": 1.7, "bias": 1.0, "features": 2}}}""";

    @Test
    void aTenantHoldsAtMostItsSessions() {
        Api alice = new Api(port, Keys.ALICE);
        Api bob = new Api(port, Keys.BOB);
        Api.Session first = alice.session();
        alice.session();
        assertThat(alice.post("/sessions").problem(429, "tenant-session-quota").get("detail").stringValue())
                .isEqualTo("tenant 'alice' holds 2 sessions, its limit: delete one, or let an idle one expire (after 30 minutes)");
        bob.session();
        first.close();
        alice.session();
    }

    @Test
    void aTenantsSessionsHoldAtMostItsBytesTogether() {
        Api ops = new Api(port, Keys.ROOT);
        Api.Session a = ops.session();
        Api.Session b = ops.session();
        a.tensor("""
                {"name": "x", "data": [%s]}""".formatted("1.0, ".repeat(199) + "1.0")).expect(201);
        assertThat(b.tensor("""
                {"name": "y", "data": [%s]}""".formatted("1.0, ".repeat(99) + "1.0")).problem(429, "tenant-bytes-quota")
                .get("detail").stringValue()).isEqualTo("tenant 'ops' would hold 1200 bytes in its sessions, over its limit of 1024");
        b.list().expect(200);
        assertThat(b.list().json()).isEmpty();
        a.deleteTensor("x").expect(204);
        b.tensor("""
                {"name": "y", "data": [%s]}""".formatted("1.0, ".repeat(99) + "1.0")).expect(201);
    }

    @Test
    void aTenantRunsAtMostItsActiveJobs() {
        Api alice = new Api(port, Keys.ALICE);
        Api bob = new Api(port, Keys.BOB);
        String running = alice.post("/jobs", ENDLESS).expect(202).json().get("id").stringValue();
        assertThat(alice.post("/jobs", ENDLESS).problem(429, "tenant-job-quota").get("detail").stringValue())
                .isEqualTo("tenant 'alice' has 1 jobs queued or running, its limit: wait for one to finish, or cancel one");
        String bobs = bob.post("/jobs", ENDLESS).expect(202).json().get("id").stringValue();
        alice.post("/jobs/" + running + "/cancel").expect(200);
        bob.post("/jobs/" + bobs + "/cancel").expect(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> alice.get("/jobs/" + running).json().get("status").stringValue().equals("CANCELLED"));
        String next = alice.post("/jobs", ENDLESS).expect(202).json().get("id").stringValue();
        alice.post("/jobs/" + next + "/cancel").expect(200);
    }
}
