package dev.backprop.web;

import dev.backprop.engine.optim.CosineAnnealingLR;
import dev.backprop.engine.optim.ExponentialLR;
import dev.backprop.engine.optim.LRScheduler;
import dev.backprop.engine.optim.LinearLR;
import dev.backprop.engine.optim.SchedulerFields;
import dev.backprop.engine.optim.StepLR;
import dev.backprop.session.ApiException;
import dev.backprop.session.Caller;
import dev.backprop.session.SchedulerService;
import dev.backprop.session.SessionService;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code torch.optim.lr_scheduler} over a session's optimizers. */
@RestController
@RequestMapping("/api/v1/sessions/{sid}/optimizers/{name}/schedulers")
class SchedulerController {
    private final SessionService sessions;
    private final SchedulerService schedulers;
    private final Audit audit;

    SchedulerController(SessionService sessions, SchedulerService schedulers, Audit audit) {
        this.sessions = sessions;
        this.schedulers = schedulers;
        this.audit = audit;
    }

    @PostMapping
    ResponseEntity<Responses.Scheduler> create(Caller caller, @PathVariable String sid, @PathVariable("name") String optimizer,
                                               @RequestBody Requests.CreateScheduler body) {
        if (body == null) throw ApiException.badRequest("a body is required");
        SchedulerFields fields = new SchedulerFields(body.type(), body.stepSize(), Finite.check(body.gamma(), "gamma"), body.tMax(),
                Finite.check(body.etaMin(), "etaMin"), Finite.check(body.startFactor(), "startFactor"),
                Finite.check(body.endFactor(), "endFactor"), body.totalIters());
        Responses.Scheduler view = sessions.withSession(caller, sid,
                s -> view(body.name(), optimizer, schedulers.create(s, optimizer, body.name(), fields)));
        return ResponseEntity.created(URI.create("/api/v1/sessions/" + sid + "/optimizers/" + optimizer + "/schedulers/" + view.name()))
                .body(view);
    }

    @GetMapping("/{scheduler}")
    Responses.Scheduler get(Caller caller, @PathVariable String sid, @PathVariable("name") String optimizer,
                            @PathVariable("scheduler") String name) {
        return sessions.withSession(caller, sid, s -> view(name, optimizer, schedulers.scheduler(s, optimizer, name)));
    }

    @DeleteMapping("/{scheduler}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String sid, @PathVariable("name") String optimizer,
                                @PathVariable("scheduler") String name) {
        sessions.inSession(caller, sid, s -> schedulers.delete(s, optimizer, name));
        audit.deleted(caller, "scheduler", sid + "/" + optimizer + "/" + name);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{scheduler}/step")
    Responses.Scheduler step(Caller caller, @PathVariable String sid, @PathVariable("name") String optimizer,
                             @PathVariable("scheduler") String name) {
        return sessions.withSession(caller, sid, s -> view(name, optimizer, schedulers.step(s, optimizer, name)));
    }

    private static Responses.Scheduler view(String name, String optimizer, LRScheduler scheduler) {
        Integer stepSize = null, tMax = null, totalIters = null;
        Double gamma = null, etaMin = null, startFactor = null, endFactor = null;
        switch (scheduler) {
            case StepLR s -> {
                stepSize = s.stepSize();
                gamma = s.gamma();
            }
            case ExponentialLR s -> gamma = s.gamma();
            case CosineAnnealingLR s -> {
                tMax = s.tMax();
                etaMin = s.etaMin();
            }
            case LinearLR s -> {
                startFactor = s.startFactor();
                endFactor = s.endFactor();
                totalIters = s.totalIters();
            }
        }
        return new Responses.Scheduler(name, scheduler.type(), optimizer, stepSize, gamma, tMax, etaMin, startFactor, endFactor,
                totalIters, scheduler.lastEpoch(), scheduler.lastLr());
    }
}
