package dev.backprop.web;

import dev.backprop.engine.train.TrainingMetrics;
import dev.backprop.session.ApiException;
import dev.backprop.session.Caller;
import dev.backprop.training.Job;
import dev.backprop.training.JobService;
import dev.backprop.training.TrainingPlot;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The seed's figure of a job: the two classes and the decision boundary at a logged iteration. */
@RestController
@RequestMapping("/api/v1/jobs/{id}/plot")
@Tag(name = "jobs")
class JobPlotController {
    private final JobService jobs;

    JobPlotController(JobService jobs) {
        this.jobs = jobs;
    }

    @GetMapping(produces = "image/svg+xml")
    @Operation(operationId = "jobPlot", summary = "The seed's figure at the latest (or ?iteration=N) logged iteration, as SVG "
            + "(Accept: image/png for PNG); 422 for jobs with other than 2 features")
    String svg(@Parameter(hidden = true) Caller caller, @PathVariable String id, @RequestParam(required = false) Integer iteration) {
        Job job = jobs.get(caller, id);
        return TrainingPlot.svg(job.rows(), job.labels(), metrics(job, iteration));
    }

    @GetMapping(produces = "image/png")
    @Operation(operationId = "jobPlotPng", summary = "The seed's figure as PNG")
    byte[] png(@Parameter(hidden = true) Caller caller, @PathVariable String id, @RequestParam(required = false) Integer iteration) {
        Job job = jobs.get(caller, id);
        return TrainingPlot.png(job.rows(), job.labels(), metrics(job, iteration));
    }

    private static TrainingMetrics metrics(Job job, Integer iteration) {
        if (job.features() != 2) {
            throw new ApiException(422, "plot-needs-two-features", "the plot draws jobs of 2 features; this job has " + job.features());
        }
        TrainingMetrics latest = job.latest();
        if (latest == null) {
            throw new ApiException(409, "no-metrics-yet", "job '" + job.id() + "' has logged no iteration yet");
        }
        if (iteration == null || iteration == latest.iteration()) return latest;
        TrainingMetrics logged = job.metricsAt(iteration);
        if (logged == null) {
            throw new ApiException(422, "iteration-not-logged", "iteration " + iteration + " is not in the job's history (every "
                    + "logEvery-th iteration is logged; once the history reaches backprop.jobs.max-log-bytes, fewer are kept)");
        }
        return logged;
    }
}
