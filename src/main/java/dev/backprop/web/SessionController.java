package dev.backprop.web;

import dev.backprop.session.ApiException;
import dev.backprop.session.Caller;
import dev.backprop.session.Cursor;
import dev.backprop.session.Page;
import dev.backprop.session.Session;
import dev.backprop.session.SessionService;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(SessionController.PATH)
class SessionController {
    static final String PATH = "/api/v1/sessions";

    private final SessionService sessions;
    private final PageLimits pages;
    private final IdempotencyKeys idempotency;
    private final Audit audit;

    private final PeerSessionLists peers;

    SessionController(SessionService sessions, PageLimits pages, IdempotencyKeys idempotency, Audit audit, PeerSessionLists peers) {
        this.sessions = sessions;
        this.peers = peers;
        this.pages = pages;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    @PostMapping
    ResponseEntity<?> create(Caller caller, @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                             @RequestBody(required = false) Requests.CreateSession body) {
        Requests.CreateSession request = body == null ? new Requests.CreateSession(null) : body;
        return idempotency.answer(caller, idempotencyKey, "POST " + PATH, request, () -> open(caller, request));
    }

    private ResponseEntity<SessionView> open(Caller caller, Requests.CreateSession body) {
        Session s = sessions.create(caller, body.seed());
        SessionView view = sessions.withSession(caller, s.id(), this::view);
        return ResponseEntity.created(URI.create(PATH + "/" + s.id())).body(view);
    }

    /** The caller's sessions, newest first, a page at a time: with several replicas, every replica's. */
    @GetMapping
    ResponseEntity<List<SessionView>> list(Caller caller, HttpServletRequest request, @RequestParam(required = false) String pageSize,
                                           @RequestParam(required = false) String pageToken,
                                           @RequestParam(required = false) String createdAfter,
                                           @RequestParam(required = false) String createdBefore) {
        Listing listing = new Listing(PATH, pages, pageSize, pageToken, createdAfter, createdBefore, Map.of());
        Page<Session> here = sessions.list(caller, listing.query());
        if (!peers.applies(request)) return listing.answer(here, this::view);
        PeerSessionLists.Pages there = peers.of(request);
        List<SessionView> all = new ArrayList<>(there.sessions());
        here.items().forEach(s -> all.add(view(s)));
        Page<SessionView> merged = Page.of(all, SessionController::position, listing.query());
        // every source gave its first page: past a full merged page, any source with more means a next page
        if (merged.next() == null && merged.items().size() == listing.query().size() && (here.next() != null || there.more())) {
            merged = new Page<>(merged.items(), position(merged.items().getLast()));
        }
        return listing.answer(merged, view -> view);
    }

    private static Cursor position(SessionView view) {
        return new Cursor(view.createdAt(), view.id());
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
