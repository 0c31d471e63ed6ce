package dev.backprop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.backprop.engine.train.TrainingData;
import dev.backprop.engine.train.TrainingSpec;
import dev.backprop.session.ApiException;
import dev.backprop.session.Caller;
import dev.backprop.session.PageQuery;
import dev.backprop.training.Job;
import dev.backprop.training.JobSummary;
import dev.backprop.training.JobService;
import dev.backprop.training.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Tenants at the service layer, where callers are made by hand until authentication makes them from requests. */
@ServiceTest
class TenantJobsTest {
    private static final TrainingSpec TINY = spec(1);
    private static final TrainingSpec ENDLESS = new TrainingSpec(null, synthetic(), null, 1_000_000, 2.0, 100_000);

    @Autowired
    JobService jobs;

    private static TrainingData synthetic() {
        return new TrainingData(new TrainingData.Synthetic(2, 1.7, 1.0, 2), null);
    }

    private static TrainingSpec spec(int maxIterations) {
        return new TrainingSpec(null, synthetic(), null, maxIterations, null, null);
    }

    private static Caller tenant(String name, boolean admin) {
        return new Caller(name + "-" + UUID.randomUUID(), admin);
    }

    @Test
    void aTenantSeesItsOwnJobsAndAnAdminEveryTenants() {
        Instant before = Instant.now();
        Caller alice = tenant("alice", false), bob = tenant("bob", false), admin = tenant("ops", true);
        Job a = jobs.submit(alice, TINY);
        Job b = jobs.submit(bob, TINY);
        PageQuery since = new PageQuery(1000, null, before, null);

        assertThat(jobs.list(alice, since, null).items()).extracting(JobSummary::id).containsExactly(a.id());
        assertThat(jobs.list(bob, since, null).items()).extracting(JobSummary::id).containsExactly(b.id());
        assertThat(jobs.list(admin, since, null).items()).extracting(JobSummary::id).containsExactly(b.id(), a.id());

        assertThat(jobs.visible(admin, a.id())).isSameAs(a);
        assertThat(jobs.visible(alice, a.id())).isSameAs(a);
        assertThatThrownBy(() -> jobs.visible(bob, a.id())).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("job-not-found");
        });
        assertThatThrownBy(() -> jobs.get(admin, a.id())).as("events, plot, points and predict stay the owner's")
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void anAdminCancelsAnyTenantsJobAndOthersCannot() {
        Caller alice = tenant("alice", false), bob = tenant("bob", false), admin = tenant("ops", true);
        Job running = jobs.submit(alice, ENDLESS);
        assertThatThrownBy(() -> jobs.cancel(bob, running.id())).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("job-not-found"));
        assertThat(running.status()).isIn(JobStatus.QUEUED, JobStatus.RUNNING);
        jobs.cancel(admin, running.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> running.status() == JobStatus.CANCELLED);
    }
}
