package dev.backprop.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Page sizes of the listings ({@code GET /jobs}, {@code GET /sessions}), configurable under {@code backprop.paging}.
 *
 * @param defaultPageSize items on a page when the request does not say
 * @param maxPageSize     the most items a request may ask for (400 above)
 */
@ConfigurationProperties(prefix = "backprop.paging", ignoreUnknownFields = false)
public record PageLimits(@DefaultValue("100") int defaultPageSize, @DefaultValue("1000") int maxPageSize) {
    public PageLimits {
        if (maxPageSize < 1 || defaultPageSize < 1 || defaultPageSize > maxPageSize) {
            throw new IllegalArgumentException("backprop.paging needs 1 <= default-page-size <= max-page-size, got "
                    + defaultPageSize + " and " + maxPageSize);
        }
    }
}
