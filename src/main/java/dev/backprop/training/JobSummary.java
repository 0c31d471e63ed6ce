package dev.backprop.training;

import dev.backprop.engine.train.TrainingMetrics;
import dev.backprop.engine.train.TrainingResult;
import dev.backprop.session.Cursor;
import java.time.Instant;

/** What a listing shows of a job: where it stands, its latest logged metrics and, once it has ended, its result. */
public record JobSummary(String id, JobStatus status, Instant createdAt, Instant startedAt, Instant finishedAt, TrainingMetrics latest,
                         TrainingResult result, String error) {

    /** Where the job stands in a newest-first listing. */
    public Cursor position() {
        return new Cursor(createdAt, id);
    }
}
