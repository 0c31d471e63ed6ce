package dev.backprop.web;

import dev.backprop.session.ApiException;
import dev.backprop.session.Cursor;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code pageToken} of a listing: its cursor, bound to the listing and the filters it was made with, as
 * base64url JSON. It is opaque to clients; one that does not decode, or that comes with another listing or other
 * filters, is a 400 {@code invalid-page-token}. It carries nothing the client could not already see.
 */
final class PageToken {
    static final String PARAMETER = "pageToken";
    private static final String CODE = "invalid-page-token";
    /** Far above any token this service writes (an id, an instant and the filters): longer ones are not decoded. */
    private static final int MAX_LENGTH = 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Body(String list, Map<String, String> filters, Instant createdAt, String id) {}

    private PageToken() {}

    static String of(String list, Map<String, String> filters, Cursor next) {
        byte[] json = JSON.writeValueAsBytes(new Body(list, filters, next.createdAt(), next.id()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    /** The cursor of {@code token}, which must have been made by {@link #of} for this listing and these filters. */
    static Cursor read(String token, String list, Map<String, String> filters) {
        Body body = decode(token);
        if (!list.equals(body.list()) || !filters.equals(body.filters())) {
            throw invalid("the pageToken was made with other filters than " + (filters.isEmpty() ? "none" : filters)
                    + ": send the filters it was made with, or start again without a pageToken");
        }
        return new Cursor(body.createdAt(), body.id());
    }

    private static Body decode(String token) {
        if (token.isEmpty() || token.length() > MAX_LENGTH) throw invalid("the pageToken is not one this service made");
        try {
            Body body = JSON.readValue(Base64.getUrlDecoder().decode(token), Body.class);
            if (body == null || body.list() == null || body.filters() == null || body.createdAt() == null || body.id() == null) {
                throw invalid("the pageToken is not one this service made");
            }
            return body;
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalid("the pageToken is not one this service made");
        }
    }

    private static ApiException invalid(String detail) {
        return ApiException.badParameter(CODE, PARAMETER, detail);
    }
}
