package dev.backprop.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one tenant may hold, under {@code backprop.tenants}; the service's own limits ({@code backprop.limits.*},
 * {@code backprop.jobs.*}, the memory pools) stay the ceiling over all tenants together. A service without
 * authentication has one tenant, held only to the service's limits.
 *
 * @param maxSessions   live sessions of one tenant (429 {@code tenant-session-quota} above)
 * @param maxBytes      bytes all of one tenant's sessions may hold together (429 {@code tenant-bytes-quota} above)
 * @param maxActiveJobs jobs of one tenant queued or running at once (429 {@code tenant-job-quota} above)
 */
@ConfigurationProperties(prefix = "backprop.tenants", ignoreUnknownFields = false)
public record TenantQuotas(@DefaultValue("100") int maxSessions, @DefaultValue("1073741824") long maxBytes,
                           @DefaultValue("8") int maxActiveJobs) {}
