package dev.backprop.web;

import dev.backprop.session.ApiException;
import dev.backprop.session.Caller;
import dev.backprop.session.Session;
import dev.backprop.session.SessionService;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sessions")
class SessionController {
    private final SessionService sessions;
    private final Audit audit;

    SessionController(SessionService sessions, Audit audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    @PostMapping
    ResponseEntity<SessionView> create(Caller caller, @RequestBody(required = false) Requests.CreateSession body) {
        Session s = sessions.create(caller, body == null ? null : body.seed());
        SessionView view = sessions.withSession(caller, s.id(), this::view);
        return ResponseEntity.created(URI.create("/api/v1/sessions/" + s.id())).body(view);
    }

    @GetMapping
    List<SessionView> list(Caller caller) {
        return sessions.list(caller).stream().map(this::view).toList();
    }

    @GetMapping("/{sid}")
    SessionView get(Caller caller, @PathVariable String sid) {
        return sessions.withSession(caller, sid, this::view);
    }

    @DeleteMapping("/{sid}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String sid) {
        sessions.delete(caller, sid);
        audit.deleted(caller, "session", sid);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{sid}/seed")
    SessionView seed(Caller caller, @PathVariable String sid, @RequestBody Requests.Seed body) {
        if (body == null || body.seed() == null) {
            throw ApiException.badRequest("'seed' is required");
        }
        return sessions.withSession(caller, sid, s -> {
            s.generator().manualSeed(body.seed());
            return view(s);
        });
    }

    private SessionView view(Session s) {
        return new SessionView(s.id(), s.createdAt(), sessions.expiresAt(s), s.tensors().size(), s.bytes());
    }
}
