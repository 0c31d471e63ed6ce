package dev.backprop.web;

import dev.backprop.engine.Tensor;
import dev.backprop.engine.optim.OptimizerSpec;
import dev.backprop.engine.train.TrainingData;
import dev.backprop.engine.train.TrainingSpec;
import dev.backprop.session.ApiException;
import dev.backprop.session.Caller;
import dev.backprop.session.Names;
import dev.backprop.session.SessionService;
import dev.backprop.training.Job;
import dev.backprop.training.JobService;
import dev.backprop.training.JobStatus;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(JobController.PATH)
class JobController {
    static final String PATH = "/api/v1/jobs";

    private final JobService jobs;
    private final SessionService sessions;
    private final PageLimits pages;
    private final IdempotencyKeys idempotency;
    private final Audit audit;

    JobController(JobService jobs, SessionService sessions, PageLimits pages, IdempotencyKeys idempotency, Audit audit) {
        this.jobs = jobs;
        this.sessions = sessions;
        this.pages = pages;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    @PostMapping
    ResponseEntity<?> create(Caller caller, @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                             @RequestBody JobRequests.Create body) {
        return idempotency.answer(caller, idempotencyKey, "POST " + PATH, body, () -> start(caller, body));
    }

    private ResponseEntity<JobView> start(Caller caller, JobRequests.Create body) {
        if (body == null) throw ApiException.badRequest("a body is required");
        TrainingSpec spec = spec(body);
        JobRequests.SessionData session = body.data() == null ? null : body.data().session();
        Job job = session == null ? jobs.submit(caller, spec) : fromSession(caller, session, spec);
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + job.id())).body(JobView.of(job));
    }

    /** The jobs the caller may see (every tenant's for an admin), newest first, a page at a time. */
    @GetMapping
    ResponseEntity<List<JobView>> list(Caller caller, @RequestParam(required = false) String pageSize,
                                       @RequestParam(required = false) String pageToken, @RequestParam(required = false) String createdAfter,
                                       @RequestParam(required = false) String createdBefore, @RequestParam(required = false) String status) {
        JobStatus wanted = status == null ? null : status(status);
        Listing listing = new Listing(PATH, pages, pageSize, pageToken, createdAfter, createdBefore,
                wanted == null ? Map.of() : Map.of("status", wanted.name()));
        return listing.answer(jobs.list(caller, listing.query(), wanted), JobView::of);
    }

    @GetMapping("/{id}")
    JobView get(Caller caller, @PathVariable String id) {
        return JobView.of(jobs.visible(caller, id));
    }

    @PostMapping("/{id}/cancel")
    JobView cancel(Caller caller, @PathVariable String id) {
        JobView view = JobView.of(jobs.cancel(caller, id));
        audit.jobCancelled(caller, id);
        return view;
    }

    @PostMapping("/{id}/predict")
    Map<String, Object> predict(Caller caller, @PathVariable String id, @RequestBody JobRequests.Predict body) {
        if (body == null || body.x() == null) throw ApiException.badRequest("'x' is required: rows of features");
        float[] p = jobs.predict(caller, id, rows(body.x(), "x"));
        int[] classes = new int[p.length];
        for (int i = 0; i < p.length; i++) classes[i] = p[i] >= 0.5f ? 1 : 0;
        return Map.of("probabilities", p, "classes", classes);
    }

    @GetMapping("/{id}/points")
    Map<String, Object> points(Caller caller, @PathVariable String id) {
        Job job = jobs.get(caller, id);
        return Map.of("x", job.rows(), "y", job.labels());
    }

    private static JobStatus status(String value) {
        for (JobStatus s : JobStatus.values()) {
            if (s.name().equals(value)) return s;
        }
        throw Listing.invalid("status", "one of " + Arrays.stream(JobStatus.values()).map(Enum::name).collect(Collectors.joining(", ")), value);
    }

    /** The job the body describes, without its data when that comes from a session. */
    private TrainingSpec spec(JobRequests.Create body) {
        Finite.check(body.targetAccuracy(), "targetAccuracy");
        TrainingData data = null;
        JobRequests.Data d = body.data();
        if (d != null) {
            int given = (d.synthetic() != null ? 1 : 0) + (d.inline() != null ? 1 : 0) + (d.session() != null ? 1 : 0);
            if (given != 1) throw ApiException.badRequest("'data' needs exactly one of synthetic, inline or session");
            if (d.synthetic() != null) {
                var s = d.synthetic();
                Finite.check(s.meanValue(), "data.synthetic.meanValue");
                Finite.check(s.bias(), "data.synthetic.bias");
                data = new TrainingData(new TrainingData.Synthetic(s.samplesPerClass(), s.meanValue(), s.bias(), s.features()), null);
            } else if (d.inline() != null) {
                if (d.inline().x() == null || d.inline().y() == null) {
                    throw ApiException.badRequest("'data.inline' needs 'x' (rows of features) and 'y' (one 0/1 label per row)");
                }
                List<List<Double>> x = d.inline().x();
                data = TrainingData.inline(flat(x, "data.inline.x"), width(x), labels(d.inline().y()));
            } else if (d.session().id() == null || d.session().x() == null || d.session().y() == null) {
                throw ApiException.badRequest("'data.session' needs id, x and y");
            }
        }
        OptimizerSpec optimizer = body.optimizer() == null ? null : body.optimizer().fields("optimizer.").spec();
        return new TrainingSpec(body.seed(), data, optimizer, body.maxIterations(), body.targetAccuracy(), body.logEvery());
    }

    /** Submits a job on a copy of a session's tensors, made once the job's memory is reserved. */
    private Job fromSession(Caller caller, JobRequests.SessionData ref, TrainingSpec spec) {
        return sessions.withSession(caller, ref.id(), s -> {
            Tensor x = Names.resolve(s, ref.x()), y = Names.resolve(s, ref.y());
            if (x.dim() != 2 || y.dim() != 1 || y.size(0) != x.size(0)) {
                throw ApiException.badRequest("session data needs x of shape (n, features) and y of shape (n); got "
                        + java.util.Arrays.toString(x.shape()) + " and " + java.util.Arrays.toString(y.shape()));
            }
            return jobs.submit(caller, spec, x.size(0), x.size(1),
                    () -> TrainingData.inline(x.toFloatArray(), x.size(1), checkLabels(y.toFloatArray())));
        });
    }

    /** Rows of features, as the model takes them. */
    private static float[][] rows(List<List<Double>> x, String field) {
        float[] values = flat(x, field);
        int width = width(x);
        float[][] out = new float[x.size()][];
        for (int i = 0; i < out.length; i++) out[i] = java.util.Arrays.copyOfRange(values, i * width, (i + 1) * width);
        return out;
    }

    /** Rows of equal length as one row-major array; 400 for a null or ragged row or a null value. */
    private static float[] flat(List<List<Double>> x, String field) {
        int width = width(x);
        float[] out = new float[Math.multiplyExact(x.size(), width)];
        for (int i = 0; i < x.size(); i++) {
            List<Double> row = x.get(i);
            if (row == null) throw ApiException.badRequest("'" + field + "[" + i + "]' is null");
            if (row.size() != width) {
                throw ApiException.badRequest("'" + field + "' is ragged: row " + i + " has " + row.size() + " values, row 0 has " + width);
            }
            for (int j = 0; j < width; j++) {
                if (row.get(j) == null) throw ApiException.badRequest("'" + field + "[" + i + "][" + j + "]' is null");
                out[i * width + j] = row.get(j).floatValue();
            }
        }
        return out;
    }

    private static int width(List<List<Double>> x) {
        return x.isEmpty() || x.get(0) == null ? 0 : x.get(0).size();
    }

    private static float[] labels(List<Double> y) {
        if (y == null) throw ApiException.badRequest("'data.inline.y' is required");
        float[] out = new float[y.size()];
        for (int i = 0; i < out.length; i++) {
            if (y.get(i) == null) throw ApiException.badRequest("'data.inline.y[" + i + "]' is null");
            out[i] = y.get(i).floatValue();
        }
        return checkLabels(out);
    }

    private static float[] checkLabels(float[] y) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw ApiException.badRequest("labels must be 0 or 1; label " + i + " is " + y[i]);
            }
        }
        return y;
    }
}
