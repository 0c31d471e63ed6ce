package dev.backprop.web;

import dev.backprop.store.ReplicaRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The other replicas' pages of the caller's sessions, for a listing of every replica's: the same query and credentials
 * are sent to each live replica (marked as forwarded, so that it answers with its own sessions only). A replica that
 * does not answer in time is left out of the page.
 */
@Component
class PeerSessionLists {
    private static final Logger log = LoggerFactory.getLogger(PeerSessionLists.class);
    private static final List<String> CREDENTIALS = List.of("Authorization", "X-API-Key");

    /** The peers' views, and whether any of them has more after its page. */
    record Pages(List<SessionView> sessions, boolean more) {}

    private final Optional<ReplicaRegistry> registry;
    private final ClusterProperties cluster;
    private final JsonMapper json;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    PeerSessionLists(ObjectProvider<ReplicaRegistry> registry, ClusterProperties cluster, JsonMapper json) {
        this.registry = Optional.ofNullable(registry.getIfAvailable());
        this.cluster = cluster;
        this.json = json;
    }

    /** Whether this listing is to include other replicas' sessions: there are replicas, and it was not forwarded. */
    boolean applies(HttpServletRequest request) {
        return registry.isPresent() && request.getHeader(SessionForwardingFilter.FORWARDED) == null;
    }

    Pages of(HttpServletRequest request) {
        ReplicaRegistry replicas = registry.orElseThrow();
        List<SessionView> sessions = new ArrayList<>();
        boolean more = false;
        String query = request.getQueryString();
        for (URI peer : replicas.others()) {
            HttpRequest.Builder ask = HttpRequest.newBuilder(peer.resolve(SessionController.PATH + (query == null ? "" : "?" + query)))
                    .timeout(cluster.forwardTimeout()).header(SessionForwardingFilter.FORWARDED, replicas.replica())
                    .header("Accept", "application/json");
            for (String name : CREDENTIALS) {
                String value = request.getHeader(name);
                if (value != null) ask.header(name, value);
            }
            try {
                HttpResponse<String> answer = client.send(ask.GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    log.warn("replica {} answered {} for its sessions; they are left out of this page", peer, answer.statusCode());
                    continue;
                }
                sessions.addAll(json.readValue(answer.body(), new TypeReference<List<SessionView>>() { }));
                more |= answer.headers().firstValue(Listing.NEXT_PAGE_TOKEN).isPresent();
            } catch (IOException e) {
                log.warn("replica {} did not answer for its sessions; they are left out of this page: {}", peer, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Pages(sessions, more);
    }
}
