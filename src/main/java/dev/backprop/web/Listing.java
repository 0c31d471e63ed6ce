package dev.backprop.web;

import dev.backprop.session.ApiException;
import dev.backprop.session.Cursor;
import dev.backprop.session.Page;
import dev.backprop.session.PageQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * One request for a page of a newest-first listing ({@code GET /jobs}, {@code GET /sessions}): its query parameters,
 * checked, and its answer. The body stays a JSON array of views; the next page, when there is one, is announced
 * by a {@code Next-Page-Token} header and an RFC 8288 {@code Link} with {@code rel="next"} that repeats the filters.
 */
final class Listing {
    static final String NEXT_PAGE_TOKEN = "Next-Page-Token";
    static final String CREATED_AFTER = "createdAfter";
    static final String CREATED_BEFORE = "createdBefore";
    private static final Pattern POSITIVE = Pattern.compile("[1-9][0-9]{0,8}");

    private final String path;
    private final String list;
    private final int size;
    private final Map<String, String> filters;
    private final PageQuery query;

    /**
     * @param path    the listing's path, such as {@code /api/v1/jobs}; its last segment names it in page tokens
     * @param filters the listing's own filters besides the creation bounds, by parameter name, in their canonical form
     */
    Listing(String path, PageLimits limits, String pageSize, String pageToken, String createdAfter, String createdBefore,
            Map<String, String> filters) {
        this.path = path;
        this.list = path.substring(path.lastIndexOf('/') + 1);
        this.size = pageSize == null ? limits.defaultPageSize() : pageSize(pageSize, limits.maxPageSize());
        Instant after = createdAfter == null ? null : instant(CREATED_AFTER, createdAfter);
        Instant before = createdBefore == null ? null : instant(CREATED_BEFORE, createdBefore);
        this.filters = new LinkedHashMap<>();
        if (after != null) this.filters.put(CREATED_AFTER, after.toString());
        if (before != null) this.filters.put(CREATED_BEFORE, before.toString());
        this.filters.putAll(filters);
        Cursor cursor = pageToken == null ? null : PageToken.read(pageToken, list, this.filters);
        this.query = new PageQuery(size, cursor, after, before);
    }

    PageQuery query() {
        return query;
    }

    /** The page's views, newest first, with the headers that lead to the next page when there is one. */
    <T, V> ResponseEntity<List<V>> answer(Page<T> page, Function<T, V> view) {
        List<V> views = page.items().stream().map(view).toList();
        if (page.next() == null) return ResponseEntity.ok(views);
        String token = PageToken.of(list, filters, page.next());
        return ResponseEntity.ok()
                .header(NEXT_PAGE_TOKEN, token)
                .header(HttpHeaders.LINK, "<" + next(token) + ">; rel=\"next\"")
                .body(views);
    }

    /** A refusal of a query parameter's value, naming the parameter in {@code field}. */
    static ApiException invalid(String parameter, String expected, String value) {
        return ApiException.badParameter("invalid-parameter", parameter, "the query parameter '" + parameter + "' must be "
                + expected + ", got '" + StrictRequestCheck.shortened(value) + "'");
    }

    private String next(String token) {
        StringBuilder link = new StringBuilder(path).append("?pageSize=").append(size).append("&pageToken=").append(token);
        filters.forEach((name, value) -> link.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return link.toString();
    }

    private static int pageSize(String value, int max) {
        int size = POSITIVE.matcher(value).matches() ? Integer.parseInt(value) : 0;
        if (size < 1 || size > max) throw invalid("pageSize", "an integer from 1 to " + max, value);
        return size;
    }

    /** An RFC 3339 date-time ({@code T} and {@code Z} in either case), with its offset. */
    private static Instant instant(String parameter, String value) {
        try {
            return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(parameter, "an RFC 3339 date-time such as 2025-01-31T09:30:00Z", value);
        }
    }
}
