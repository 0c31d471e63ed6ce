package dev.backprop.memory;

import org.springframework.stereotype.Component;

/** The three pools of the {@link MemoryBudget}, one instance each for the whole service. */
@Component
public final class Pools {
    private final MemoryPool sessions;
    private final MemoryPool jobs;
    private final MemoryPool requests;
    private final double readinessLimit;

    public Pools(MemoryBudget budget) {
        this.sessions = new MemoryPool("sessions", budget.sessionsBytes());
        this.jobs = new MemoryPool("jobs", budget.jobsBytes());
        this.requests = new MemoryPool("requests", budget.requestsBytes());
        this.readinessLimit = budget.readinessLimit();
    }

    public MemoryPool sessions() {
        return sessions;
    }

    public MemoryPool jobs() {
        return jobs;
    }

    public MemoryPool requests() {
        return requests;
    }

    /** Whether any pool is so full that new work should go to another instance. */
    public boolean saturated() {
        return sessions.usage() > readinessLimit || jobs.usage() > readinessLimit || requests.usage() > readinessLimit;
    }
}
