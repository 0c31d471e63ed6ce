package dev.backprop.web;

import dev.backprop.engine.train.TrainingMetrics;
import dev.backprop.session.ApiException;
import dev.backprop.session.Caller;
import dev.backprop.training.Job;
import dev.backprop.training.JobService;
import dev.backprop.training.TrainingPlot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's figure of a job: the two classes and the decision boundary at a logged iteration. SVG unless
 * {@code format=png} or an {@code Accept} that prefers PNG asks otherwise; {@code format}, when given, decides.
 */
@RestController
@RequestMapping("/api/v1/jobs/{id}/plot")
class JobPlotController {
    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    private static final List<MediaType> PICTURES = List.of(SVG, MediaType.IMAGE_PNG);
    private final JobService jobs;

    JobPlotController(JobService jobs) {
        this.jobs = jobs;
    }

    @GetMapping
    ResponseEntity<byte[]> plot(Caller caller, @PathVariable String id, @RequestParam(required = false) Integer iteration,
                                @RequestParam(required = false) String format,
                                @RequestHeader(value = "Accept", required = false) String accept) throws HttpMediaTypeNotAcceptableException {
        MediaType type = format != null ? byFormat(format) : byAccept(accept);
        Job job = jobs.get(caller, id);
        TrainingMetrics metrics = metrics(job, iteration);
        byte[] picture = type.equals(SVG)
                ? TrainingPlot.svg(job.rows(), job.labels(), metrics).getBytes(StandardCharsets.UTF_8)
                : TrainingPlot.png(job.rows(), job.labels(), metrics);
        return ResponseEntity.ok().contentType(type).body(picture);
    }

    private static MediaType byFormat(String format) {
        return switch (format) {
            case "svg" -> SVG;
            case "png" -> MediaType.IMAGE_PNG;
            default -> throw ApiException.badRequest("'format' must be svg or png, not '" + format + "'");
        };
    }

    /** The picture the Accept header prefers: SVG for a wildcard or none, as the picture's first format. */
    private static MediaType byAccept(String accept) throws HttpMediaTypeNotAcceptableException {
        if (accept == null || accept.isBlank()) return SVG;
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("Could not parse 'Accept' header [" + accept + "]: " + e.getMessage());
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType wanted : accepted) {
            if (wanted.getQualityValue() == 0) continue;
            for (MediaType picture : PICTURES) {
                if (wanted.includes(picture)) return picture;
            }
        }
        throw new HttpMediaTypeNotAcceptableException(PICTURES);
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
