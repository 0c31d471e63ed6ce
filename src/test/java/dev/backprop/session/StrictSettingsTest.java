package dev.backprop.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.memory.MemoryBudget;
import dev.backprop.training.JobLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A setting under backprop.limits, backprop.jobs or backprop.memory that the service does not know stops it at start-up. */
class StrictSettingsTest {
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({Limits.class, JobLimits.class, MemoryBudget.class})
    static class Settings {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theSettingsThatExistAreTaken() {
        runner.withPropertyValues("backprop.limits.time-budget=2s", "backprop.jobs.max-streams=5", "backprop.memory.sessions=20%")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Limits.class).timeBudget()).hasSeconds(2);
                    assertThat(context.getBean(JobLimits.class).maxStreams()).isEqualTo(5);
                });
    }

    @Test
    void aSettingThatNoLongerExistsIsRefused() {
        runner.withPropertyValues("backprop.limits.max-total-bytes=1GB").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("max-total-bytes");
        });
    }

    @Test
    void aMisspelledSettingIsRefused() {
        runner.withPropertyValues("backprop.jobs.max-stream=5").run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("backprop.memory.session=20%").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void sharesThatLeaveTooLittleForTheServiceAreRefused() {
        runner.withPropertyValues("backprop.memory.sessions=60%").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(
                    "the shares of sessions, jobs, requests and connections add up to 105% of the heap");
        });
    }
}
